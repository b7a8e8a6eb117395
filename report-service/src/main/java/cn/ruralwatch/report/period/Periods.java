package cn.ruralwatch.report.period;

import cn.ruralwatch.problem.IsoDates;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.Violation;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** The month arithmetic of the monthly reports 一月一报: which month a day closes, series bounds, month-on-month change. */
public final class Periods {

    /** The longest series one request may ask for: ten years of months. */
    public static final int MAX_MONTHS = 120;

    private Periods() {}

    /** A month as YYYY-MM; anything else is a 400 naming the field. */
    public static YearMonth parse(String field, String value) {
        if (value == null) {
            throw ProblemException.invalid(Violation.of(field, "REQUIRED", "report.period.format", field));
        }
        YearMonth month = IsoDates.month(value);
        if (month == null) {
            throw ProblemException.invalid(Violation.of(field, "FORMAT", "report.period.format", field));
        }
        return month;
    }

    /** The month whose end a schedule running on {@code today} (China time) keeps: the one before today's. */
    public static YearMonth justEnded(LocalDate today) {
        return YearMonth.from(today).minusMonths(1);
    }

    /**
     * Checks the bounds of a series: {@code last} not before {@code first}, and at most {@value #MAX_MONTHS} months
     * from the one to the other, both included.
     */
    public static void checkSeries(YearMonth first, YearMonth last) {
        if (last.isBefore(first)) {
            throw ProblemException.invalid(Violation.of("to", "BEFORE_FROM", "report.period.inverted"));
        }
        if (first.plusMonths(MAX_MONTHS).isBefore(last.plusMonths(1))) {
            throw ProblemException.invalid(Violation.of("to", "RANGE", "report.period.too-long", MAX_MONTHS));
        }
    }

    /** Each figure's change from one month to the next, by name; a figure one of them lacks counts as 0 there. */
    public static Map<String, Long> change(Map<String, Long> now, Map<String, Long> before) {
        TreeSet<String> names = new TreeSet<>(now.keySet());
        names.addAll(before.keySet());
        Map<String, Long> change = new TreeMap<>();
        for (String name : names) {
            change.put(name, now.getOrDefault(name, 0L) - before.getOrDefault(name, 0L));
        }
        return change;
    }
}
