package cn.ruralwatch.household.workteam;

import cn.ruralwatch.problem.IsoDates;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.Violation;
import java.time.LocalDate;
import java.time.YearMonth;

/** The optional {@code from} and {@code to} of a list: each a valid day or month when given, {@code to} not first. */
public final class Periods {

    private Periods() {}

    public record Days(LocalDate from, LocalDate to) {}

    public record Months(YearMonth from, YearMonth to) {}

    public static Days days(String from, String to) {
        LocalDate start = blank(from) ? null : IsoDates.dateParameter("from", from);
        LocalDate end = blank(to) ? null : IsoDates.dateParameter("to", to);
        if (start != null && end != null && end.isBefore(start)) {
            throw ProblemException.invalid(
                    Violation.of("to", "BEFORE_FROM", "screening.period.to-before-from", end, start));
        }
        return new Days(start, end);
    }

    public static Months months(String from, String to) {
        YearMonth start = blank(from) ? null : IsoDates.monthParameter("from", from);
        YearMonth end = blank(to) ? null : IsoDates.monthParameter("to", to);
        if (start != null && end != null && end.isBefore(start)) {
            throw ProblemException.invalid(
                    Violation.of("to", "BEFORE_FROM", "screening.period.to-before-from", end, start));
        }
        return new Months(start, end);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
