package cn.ruralwatch.household.household;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Resident ID numbers 公民身份号码 (GB 11643): 6-digit address code, 8-digit birth date, 3-digit sequence (odd for men,
 * even for women) and an ISO 7064 MOD 11-2 check character (0–9 or X).
 */
public final class IdNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private IdNumbers() {}

    /** Whether the text has the shape of an ID number: 17 digits and a digit or X. */
    public static boolean wellFormed(String idNumber) {
        return idNumber != null && idNumber.matches("[0-9]{17}[0-9Xx]");
    }

    /** The check character the first 17 digits call for. */
    public static char expectedCheckCharacter(String idNumber) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (idNumber.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    public static boolean checkDigitValid(String idNumber) {
        return Character.toUpperCase(idNumber.charAt(17)) == expectedCheckCharacter(idNumber);
    }

    /** The birth date encoded in positions 7–14, if it is a real date. */
    public static Optional<LocalDate> birthDate(String idNumber) {
        try {
            return Optional.of(LocalDate.of(
                    Integer.parseInt(idNumber.substring(6, 10)),
                    Integer.parseInt(idNumber.substring(10, 12)),
                    Integer.parseInt(idNumber.substring(12, 14))));
        } catch (DateTimeException | NumberFormatException notADate) {
            return Optional.empty();
        }
    }

    public static Sex sex(String idNumber) {
        return (idNumber.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    /** Upper-case X, the form stored and compared. */
    public static String normalize(String idNumber) {
        return idNumber.trim().toUpperCase(java.util.Locale.ROOT);
    }
}
