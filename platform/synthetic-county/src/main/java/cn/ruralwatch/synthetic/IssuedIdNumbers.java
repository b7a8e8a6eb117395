package cn.ruralwatch.synthetic;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ID numbers issued in one county, unique: the area code, the birth date, a sequence number odd for men and even for
 * women (500 of each per day), and the check character. A day whose numbers are used up moves the birth a day later.
 */
final class IssuedIdNumbers {

    private static final DateTimeFormatter BIRTH = DateTimeFormatter.BASIC_ISO_DATE;

    /** A number and the birth date it was issued for. */
    record Issued(String idNumber, LocalDate birth) {}

    private final String county;
    private final Map<LocalDate, int[]> serials = new HashMap<>();

    IssuedIdNumbers(String county) {
        this.county = county;
    }

    Issued issue(LocalDate birth, boolean male) {
        LocalDate day = birth;
        while (true) {
            int[] serial = serials.computeIfAbsent(day, d -> new int[2]);
            int sequence = male ? 2 * serial[0]++ + 1 : 2 * serial[1]++;
            if (sequence <= 999) {
                String body = county + day.format(BIRTH) + "%03d".formatted(sequence);
                return new Issued(body + SyntheticCounty.checkCharacter(body), day);
            }
            day = day.plusDays(1);
        }
    }

    /** {@code households} sizes adding up to {@code people}, as even as they come. */
    static List<Integer> sizes(int households, int people) {
        if (people < households) {
            throw new IllegalArgumentException(people + " people cannot fill " + households + " households");
        }
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < households; i++) {
            sizes.add(people / households + (i < people % households ? 1 : 0));
        }
        return sizes;
    }
}
