package cn.ruralwatch.testing;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Valid resident ID numbers for test data, unique within a JVM. The check character is computed here, independently of
 * the production code the tests exercise.
 */
public final class TestIdNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    private static final AtomicInteger SEQUENCE = new AtomicInteger(100);

    private TestIdNumbers() {}

    /** An ID number born on {@code birthDate} (yyyyMMdd), of a man or a woman. */
    public static String next(String birthDate, boolean male) {
        int seq = SEQUENCE.getAndIncrement();
        // the address code varies with the sequence so numbers stay unique past 100 per date
        String first17 = String.format("%06d", 450422 + seq / 100)
                + birthDate
                + String.format("%02d", seq % 100)
                + (male ? 1 : 2);
        return first17 + checkCharacter(first17);
    }

    /** The ISO 7064 MOD 11-2 check character of the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }
}
