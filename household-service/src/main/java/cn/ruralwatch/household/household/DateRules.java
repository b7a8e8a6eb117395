package cn.ruralwatch.household.household;

import cn.ruralwatch.problem.Violation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The rule every date typed into household-service obeys: it lies neither in the future nor before the record it acts
 * on (a member's removal before the member joined, a case's step before the case was opened). A date is refused with
 * a 400 problem naming the field, the date given and the date it may not precede (today, for the future).
 */
public final class DateRules {

    private DateRules() {}

    /**
     * A day a date may not precede, with the code and message that say what it is. The message's arguments are the
     * date given, this day, then {@code details}.
     */
    public record Floor(LocalDate day, String code, String messageKey, List<Object> details) {

        public static Floor of(LocalDate day, String code, String messageKey, Object... details) {
            return new Floor(day, code, messageKey, List.of(details));
        }
    }

    /** The household's record began that day: its registration, or the split that made it. */
    public static Floor householdStart(LocalDate day) {
        return Floor.of(day, "BEFORE_HOUSEHOLD", "date.before-household");
    }

    /** The member joined the household that day (its registration, birth, marriage, move, split or merge). */
    public static Floor joined(LocalDate day) {
        return Floor.of(day, "BEFORE_JOINING", "date.before-joining");
    }

    /** Refuses a date after {@code today}. */
    public static void notFuture(String field, LocalDate given, LocalDate today, List<Violation> violations) {
        if (given != null && given.isAfter(today)) {
            violations.add(Violation.of(field, "FUTURE", "household.date.future", given, today));
        }
    }

    /**
     * Refuses a date before any of the floors, naming the latest it precedes (the one that binds). Floors without a
     * day (a record kept before that day was recorded) are passed over.
     */
    public static void notBefore(String field, LocalDate given, List<Violation> violations, Floor... floors) {
        if (given == null) {
            return;
        }
        Floor binding = null;
        for (Floor floor : floors) {
            if (floor != null
                    && floor.day() != null
                    && given.isBefore(floor.day())
                    && (binding == null || floor.day().isAfter(binding.day()))) {
                binding = floor;
            }
        }
        if (binding != null) {
            List<Object> args = new ArrayList<>();
            args.add(given);
            args.add(binding.day());
            args.addAll(binding.details());
            violations.add(new Violation(field, binding.code(), binding.messageKey(), args));
        }
    }

    /** {@link #notFuture} and {@link #notBefore} together. */
    public static void within(
            String field, LocalDate given, LocalDate today, List<Violation> violations, Floor... floors) {
        int before = violations.size();
        notFuture(field, given, today, violations);
        if (violations.size() == before) {
            notBefore(field, given, violations, floors);
        }
    }
}
