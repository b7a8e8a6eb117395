package cn.ruralwatch.indicator.evaluation;

import cn.ruralwatch.problem.IsoDates;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.Violation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Query parameters of the rate and evaluation reads: a missing or malformed one is a 400 naming it. */
public final class QueryParameters {

    private QueryParameters() {}

    /** Checks pairs of name and value; every missing one is reported at once. */
    public static void requireAll(String... namesAndValues) {
        List<Violation> missing = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String value = namesAndValues[i + 1];
            if (value == null || value.isBlank()) {
                missing.add(Violation.of(namesAndValues[i], "REQUIRED", "problem.rates.required"));
            }
        }
        if (!missing.isEmpty()) {
            throw ProblemException.invalid(missing);
        }
    }

    /** A date written yyyy-MM-dd; null when absent. */
    public static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate date = IsoDates.date(value);
        if (date == null) {
            throw ProblemException.invalid(Violation.of(field, "DATE", "problem.rates.date-invalid", value));
        }
        return date;
    }
}
