package cn.ruralwatch.events;

import java.time.LocalDate;
import java.util.Objects;

/**
 * {@code cadre.assigned.v1}: a cadre was made responsible for a household from a day. Key: the household id. A
 * household has one current cadre of each kind: assigning another of the same kind ends the previous assignment that
 * day, named here.
 *
 * <p>Not a {@link HouseholdEvent}: {@link HouseholdEvent#parse} passes it over as a type it does not apply.
 */
public record CadreAssigned(
        String assignmentId,
        String householdId,
        String villageCode,
        String cadreId,
        String kind,
        LocalDate startsOn,
        String previousAssignmentId,
        String previousCadreId,
        LocalDate previousEndedOn) {

    public CadreAssigned {
        Objects.requireNonNull(assignmentId, "assignmentId");
        Objects.requireNonNull(householdId, "householdId");
        Objects.requireNonNull(cadreId, "cadreId");
        Objects.requireNonNull(startsOn, "startsOn");
    }
}
