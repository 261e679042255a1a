package cn.gridwatch.security;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;

/**
 * bcrypt password hashes (at.favre.lib:bcrypt, version 2a, cost 12 by default). Verification
 * compares in constant time. bcrypt reads at most 72 bytes, so longer passwords are refused when set
 * and never match when checked. Thread-safe.
 */
public final class PasswordHasher {
    public static final int MIN_LENGTH = 10;
    public static final int MAX_BYTES = 72;
    private final int cost;
    /** Verified against when the user does not exist, so both cases take the same time. */
    private final String dummyHash;

    public PasswordHasher(int cost) {
        this.cost = cost;
        this.dummyHash = BCrypt.withDefaults().hashToString(cost, "no such user, no such password".toCharArray());
    }

    public PasswordHasher() {
        this(12);
    }

    /** Checks the password rules; the message names what is wrong, never the password. */
    public static void checkRules(String password) {
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("'password' is missing");
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw new IllegalArgumentException("'password' must have at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException("'password' must be at most " + MAX_BYTES + " bytes in UTF-8 (bcrypt's limit)");
        }
        if (password.isBlank()) {
            throw new IllegalArgumentException("'password' must not be only spaces");
        }
    }

    public String hash(String password) {
        checkRules(password);
        return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
    }

    /** True when {@code password} matches {@code hash}; a null hash checks against a dummy and fails. */
    public boolean verify(String password, String hash) {
        String against = hash == null ? dummyHash : hash;
        if (password == null || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            BCrypt.verifyer().verify("x".toCharArray(), against.toCharArray());
            return false;
        }
        boolean ok = BCrypt.verifyer().verify(password.toCharArray(), against.toCharArray()).verified;
        return ok && hash != null;
    }
}
