package cn.ruralwatch.http;

import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Values of native query rows as Java time types: depending on the column and the driver's path, Hibernate hands a
 * {@code timestamptz} over as {@link Instant}, {@link OffsetDateTime} or {@link Timestamp}, and a {@code date} as
 * {@link LocalDate} or {@link java.sql.Date}.
 */
public final class NativeValues {

    private NativeValues() {}

    public static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant instant -> instant;
            case OffsetDateTime time -> time.toInstant();
            case Timestamp timestamp -> timestamp.toInstant();
            default -> throw new IllegalArgumentException("not a point in time: " + value.getClass());
        };
    }

    public static LocalDate date(Object value) {
        return switch (value) {
            case null -> null;
            case LocalDate date -> date;
            case java.sql.Date date -> date.toLocalDate();
            default -> throw new IllegalArgumentException("not a date: " + value.getClass());
        };
    }

    /** Binds positional parameters {@code ?1…?n} of each query to the values in order. */
    public static void bind(List<?> parameters, Query... queries) {
        for (Query query : queries) {
            for (int i = 0; i < parameters.size(); i++) {
                query.setParameter(i + 1, parameters.get(i));
            }
        }
    }
}
