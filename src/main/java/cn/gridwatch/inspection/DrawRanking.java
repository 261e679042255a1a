package cn.gridwatch.inspection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The random part of a draw, made reproducible and checkable by anyone: each candidate gets the key
 * {@code SHA-256("<seed>|<salt>|<id>")} (hex), candidates are sorted by key (then id) and the first
 * {@code k} are drawn. The salt separates the rankings ({@code source:special},
 * {@code source:key}, {@code source:general}, {@code inspector}), so the same seed draws
 * independently per class. No {@code java.util.Random} is involved, so the result does not depend on
 * the Java version; a spreadsheet with SHA-256 can redo it.
 *
 * <p>How many: {@code k = ceil(rate x candidates)} computed in exact decimals: a rate of 5% of 41
 * general sources draws 3 (2.05 rounded up), so a class with candidates and a rate above 0 is never
 * skipped. Stateless and thread-safe.
 */
public final class DrawRanking {
    private DrawRanking() {
    }

    /** {@code ceil(rate x candidates)}; rate in [0, 1]. */
    public static int count(BigDecimal rate, int candidates) {
        return rate.multiply(BigDecimal.valueOf(candidates)).setScale(0, RoundingMode.CEILING).intValueExact();
    }

    /** The ranking key of one candidate. */
    public static String key(long seed, String salt, long id) {
        return sha256(seed + "|" + salt + "|" + id);
    }

    /** The first {@code k} of {@code candidates} in key order (all of them when fewer). */
    public static <T> List<T> pick(long seed, String salt, List<T> candidates, ToLongFunction<T> id, int k) {
        record Keyed<T>(String key, long id, T item) {
        }
        return candidates.stream()
                .map(c -> new Keyed<>(key(seed, salt, id.applyAsLong(c)), id.applyAsLong(c), c))
                .sorted(Comparator.comparing((Keyed<T> x) -> x.key()).thenComparingLong(x -> x.id()))
                .limit(k)
                .map(Keyed::item)
                .toList();
    }

    /** SHA-256 (hex) of the lines joined with newlines: the fingerprint of a register snapshot. */
    public static String hash(List<String> lines) {
        return sha256(String.join("\n", lines));
    }

    static String sha256(String s) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
