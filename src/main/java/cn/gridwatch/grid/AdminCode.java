package cn.gridwatch.grid;

/**
 * Chinese statistical division codes (GB/T 2260 plus the 12-digit township/village extension).
 *
 * <p>Digits 1-2 province, 3-4 prefecture, 5-6 county, 7-9 township, 10-12 village. Codes are
 * accepted with 6, 9 or 12 digits and always stored in their 12-digit form, padded with zeros:
 * county {@code 430102} is {@code 430102000000}. The hierarchy follows from the digits: the parent
 * of a village is its first 9 digits, of a township its first 6, of a county its first 4 plus
 * {@code 00}. A city's parent is a province, which gridwatch does not hold, so it has none.
 *
 * <p>Stateless and thread-safe.
 */
public final class AdminCode {
    private AdminCode() {
    }

    /**
     * Returns the 12-digit form of a 6-, 9- or 12-digit code.
     *
     * @throws IllegalArgumentException naming the code when it is not 6, 9 or 12 ASCII digits
     */
    public static String normalize(String code) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("administrative code is missing");
        }
        String c = code.trim();
        if (c.endsWith(".0")) {
            c = c.substring(0, c.length() - 2); // spreadsheets export numeric codes as 430102.0
        }
        for (int i = 0; i < c.length(); i++) {
            char ch = c.charAt(i);
            if (ch < '0' || ch > '9') {
                throw new IllegalArgumentException(
                        "administrative code must contain only digits, but was: '" + code + "'");
            }
        }
        switch (c.length()) {
            case 6:
                c = c + "000000";
                break;
            case 9:
                c = c + "000";
                break;
            case 12:
                break;
            default:
                throw new IllegalArgumentException(
                        "administrative code must have 6, 9 or 12 digits, but '" + code + "' has " + c.length());
        }
        if (c.startsWith("00") || c.substring(2, 4).equals("00")) {
            throw new IllegalArgumentException(
                    "administrative code '" + code + "' has no province or prefecture digits");
        }
        return c;
    }

    /** The level a normalized 12-digit code denotes, from which digit groups are non-zero. */
    public static GridLevel levelOf(String code12) {
        if (!code12.endsWith("000")) {
            return GridLevel.VILLAGE;
        }
        if (!code12.substring(6, 9).equals("000")) {
            return GridLevel.TOWNSHIP;
        }
        if (!code12.substring(4, 6).equals("00")) {
            return GridLevel.COUNTY;
        }
        return GridLevel.CITY;
    }

    /** The parent's 12-digit code, or {@code null} for a city. */
    public static String parentOf(String code12) {
        switch (levelOf(code12)) {
            case VILLAGE:
                return code12.substring(0, 9) + "000";
            case TOWNSHIP:
                return code12.substring(0, 6) + "000000";
            case COUNTY:
                return code12.substring(0, 4) + "00000000";
            default:
                return null;
        }
    }

    /** The shortest conventional form: 6 digits for a city or county, 9 for a township, 12 for a village. */
    public static String shortForm(String code12) {
        switch (levelOf(code12)) {
            case VILLAGE:
                return code12;
            case TOWNSHIP:
                return code12.substring(0, 9);
            default:
                return code12.substring(0, 6);
        }
    }
}
