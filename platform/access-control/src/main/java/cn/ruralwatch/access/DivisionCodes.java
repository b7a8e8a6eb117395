package cn.ruralwatch.access;

import java.util.regex.Pattern;

/**
 * Division codes as the suite writes them: the prefix of the statistical division code (GB/T 2260 and its 12-digit
 * extension) that names the division, 2 digits for a province (省), 4 for a city (市), 6 for a county (县), 9 for a
 * township (乡镇) and 12 for a village (村): a region holds every code that starts with its own. The padded six-digit
 * forms of a province or city that tokens and other systems use (450000, 450400) mean the same regions (45, 4504).
 */
public final class DivisionCodes {

    /** A region code as requests may write it: a prefix of 2, 4, 6, 9 or 12 digits, or a padded 6-digit form. */
    public static final String REGION = "[0-9]{2}|[0-9]{4}|[0-9]{6}|[0-9]{9}|[0-9]{12}";

    private static final Pattern REGION_PATTERN = Pattern.compile(REGION);

    private DivisionCodes() {}

    /** The code as the suite writes it: 450000 is 45 (the province), 450400 is 4504 (the city), others unchanged. */
    public static String normalize(String code) {
        if (code == null || code.length() != 6 || !REGION_PATTERN.matcher(code).matches()) {
            return code;
        }
        if (code.endsWith("0000")) {
            return code.substring(0, 2);
        }
        return code.endsWith("00") ? code.substring(0, 4) : code;
    }

    /** Whether the text is a region code in one of the forms {@link #REGION} allows. */
    public static boolean isRegion(String code) {
        return code != null && REGION_PATTERN.matcher(code).matches();
    }

    /**
     * The length of the codes one level below a division's: a province's cities (4), a city's counties (6), a county's
     * townships (9), a township's villages (12); a village has none here (0).
     */
    public static int childLength(String division) {
        return switch (division.length()) {
            case 2 -> 4;
            case 4 -> 6;
            case 6 -> 9;
            case 9 -> 12;
            default -> 0;
        };
    }
}
