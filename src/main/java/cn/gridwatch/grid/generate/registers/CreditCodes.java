package cn.gridwatch.grid.generate.registers;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Fictional unified social credit codes (统一社会信用代码, GB 32100-2015): 18 characters, registration
 * authority and kind (91 enterprise, 92 individual business), the 6-digit area code of the county,
 * a random 9-character body and the standard check character (weights 3^i mod 31 over the 31-letter
 * alphabet without I, O, Z, S, V). Valid in form, random in content. Hands out each code once. Not
 * thread-safe.
 */
final class CreditCodes {
    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private final Set<String> used = new HashSet<>();

    /** A new code for kind {@code "91"} or {@code "92"} in county {@code area6}. */
    String next(String kind, String area6, SplittableRandom rnd) {
        while (true) {
            StringBuilder sb = new StringBuilder(18).append(kind).append(area6);
            for (int i = 0; i < 9; i++) {
                sb.append(ALPHABET.charAt(rnd.nextInt(i < 8 ? ALPHABET.length() : 10)));
            }
            sb.append(checkChar(sb));
            String code = sb.toString();
            if (used.add(code)) {
                return code;
            }
        }
    }

    /** The check character of the first 17 characters. */
    static char checkChar(CharSequence first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int c = 31 - sum % 31;
        return ALPHABET.charAt(c == 31 ? 0 : c);
    }
}
