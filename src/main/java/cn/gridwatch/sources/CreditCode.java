package cn.gridwatch.sources;

/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from
 * {@code 0-9} and {@code A-Z} without I, O, Z, S, V; the last is a check character, the value 31
 * minus the weighted sum (weights 3^i mod 31) of the first 17 modulo 31. Stateless and thread-safe.
 */
public final class CreditCode {
    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {
    }

    /** True when {@code code} has the shape of a credit code: 18 characters of its alphabet. */
    public static boolean looksLikeOne(String code) {
        return code.length() == 18 && code.chars().allMatch(ch -> ALPHABET.indexOf(ch) >= 0);
    }

    /** The check character the first 17 characters call for. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = ALPHABET.indexOf(first17.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("'" + first17.charAt(i) + "' is not a credit-code character");
            }
            sum += v * WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return ALPHABET.charAt(check);
    }

    /** Null when {@code code} is a valid credit code, else why not. */
    public static String problem(String code) {
        if (!looksLikeOne(code)) {
            return "is not 18 characters of 0-9 and A-Z without I, O, Z, S, V";
        }
        char want = checkCharacter(code.substring(0, 17));
        return code.charAt(17) == want ? null : "has the check character " + code.charAt(17) + ", but its first 17"
                + " characters call for " + want;
    }
}
