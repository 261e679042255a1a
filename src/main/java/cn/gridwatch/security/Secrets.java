package cn.gridwatch.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random secrets (session ids, API tokens: 256 bits, base64url) and the SHA-256 under which they
 * are stored. Only the hash reaches the database, so a leaked table grants nothing. Thread-safe.
 */
public final class Secrets {
    /** API tokens start with this, so they are recognizable in configs and secret scanners. */
    public static final String TOKEN_PREFIX = "gw_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** 32 random bytes as 43 base64url characters. */
    public static String random256() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    public static String newToken() {
        return TOKEN_PREFIX + random256();
    }

    public static boolean looksLikeToken(String s) {
        return s != null && s.startsWith(TOKEN_PREFIX) && s.length() == TOKEN_PREFIX.length() + 43;
    }

    public static String sha256(String secret) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
