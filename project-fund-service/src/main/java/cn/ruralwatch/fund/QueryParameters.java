package cn.ruralwatch.fund;

import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.Violation;
import java.util.ArrayList;
import java.util.List;

/** The required division and year of the service's yearly reads, checked together so that both are reported. */
public final class QueryParameters {

    /** A county (6 digits), township (9) or village (12). */
    public static final String DIVISION = "[0-9]{6}|[0-9]{9}|[0-9]{12}";

    private QueryParameters() {}

    /** A required year between 2013 and 2100. */
    public static int year(Integer year) {
        divisionAndYear(null, year, false);
        return year;
    }

    /** A required division code and year; 400 naming each one missing or wrong. */
    public static void divisionAndYear(String division, Integer year) {
        divisionAndYear(division, year, true);
    }

    private static void divisionAndYear(String division, Integer year, boolean divisionRequired) {
        List<Violation> violations = new ArrayList<>();
        if (divisionRequired && (division == null || !division.matches(DIVISION))) {
            violations.add(Violation.of("division", "DIVISION_CODE", "fund.usage.division"));
        }
        if (year == null || year < 2013 || year > 2100) {
            violations.add(Violation.of("year", "YEAR", "fund.requirement.year"));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
    }
}
