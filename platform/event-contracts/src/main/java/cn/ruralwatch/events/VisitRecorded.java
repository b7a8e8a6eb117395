package cn.ruralwatch.events;

import java.time.LocalDate;
import java.util.Objects;

/**
 * {@code visit.recorded.v1}: a visit (走访) to a household was logged. Key: the household id. The note of what was done
 * and the cadre's name stay in household-service: they are text an official typed.
 *
 * @param cadreId the roster's cadre who visited; null for a visit logged by name only
 */
public record VisitRecorded(
        String visitId, String householdId, String villageCode, String cadreId, LocalDate visitedOn) {

    public VisitRecorded {
        Objects.requireNonNull(visitId, "visitId");
        Objects.requireNonNull(householdId, "householdId");
        Objects.requireNonNull(visitedOn, "visitedOn");
    }
}
