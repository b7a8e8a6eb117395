package cn.ruralwatch.problem;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/**
 * Dates and instants as the API takes them: ISO 8601 with a four-digit year from 0001 to 9999. Java accepts years of
 * up to nine digits with a sign, and times where a date belongs; PostgreSQL stores neither the one nor the other, so
 * such values are refused where they come in, naming the field, instead of failing in the database.
 */
public final class IsoDates {

    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern MONTH = Pattern.compile("[0-9]{4}-[0-9]{2}");
    private static final Pattern INSTANT = Pattern.compile(
            "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})");
    private static final DateTimeFormatter STRICT_DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter STRICT_MONTH =
            DateTimeFormatter.ofPattern("uuuu-MM").withResolverStyle(ResolverStyle.STRICT);

    private IsoDates() {}

    /** The date, or null when the text is not {@code YYYY-MM-DD} of a real day in years 0001–9999. */
    public static LocalDate date(String text) {
        if (text == null || !DATE.matcher(text).matches() || text.startsWith("0000")) {
            return null;
        }
        try {
            return LocalDate.parse(text, STRICT_DATE);
        } catch (DateTimeParseException notADay) {
            return null;
        }
    }

    /** The month, or null when the text is not {@code YYYY-MM} in years 0001–9999. */
    public static YearMonth month(String text) {
        if (text == null || !MONTH.matcher(text).matches() || text.startsWith("0000")) {
            return null;
        }
        try {
            return YearMonth.parse(text, STRICT_MONTH);
        } catch (DateTimeParseException notAMonth) {
            return null;
        }
    }

    /** The instant, or null when the text is not an ISO 8601 date and time with an offset in years 0001–9999. */
    public static Instant instant(String text) {
        if (text == null || !INSTANT.matcher(text).matches() || text.startsWith("0000")) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notAnInstant) {
            return null;
        }
    }

    /** The date of a request parameter; a 400 naming it when it is not one. */
    public static LocalDate dateParameter(String field, String text) {
        LocalDate date = date(text == null ? null : text.strip());
        if (date == null) {
            throw ProblemException.invalid(Violation.of(field, "INVALID_DATE", "problem.date.invalid", text));
        }
        return date;
    }

    /** The month of a request parameter; a 400 naming it when it is not one. */
    public static YearMonth monthParameter(String field, String text) {
        YearMonth month = month(text == null ? null : text.strip());
        if (month == null) {
            throw ProblemException.invalid(Violation.of(field, "INVALID_MONTH", "problem.month.invalid", text));
        }
        return month;
    }

    /** The instant of a request parameter; a 400 naming it when it is not one. */
    public static Instant instantParameter(String field, String text) {
        Instant instant = instant(text == null ? null : text.strip());
        if (instant == null) {
            throw ProblemException.invalid(Violation.of(field, "INVALID_INSTANT", "problem.instant.invalid", text));
        }
        return instant;
    }
}
