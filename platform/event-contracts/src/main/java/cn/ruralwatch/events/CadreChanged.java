package cn.ruralwatch.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * {@code cadre.changed.v1}: a cadre of the roster was updated or left (deactivated). Key: the cadre id. It carries the
 * cadre's state after the change, without name, unit or phone.
 *
 * @param leftOn the day the cadre left, when {@code active} is false
 * @param assignmentsEnded the household assignments the change ended (a cadre who leaves ends all of them)
 */
public record CadreChanged(
        String cadreId,
        String kind,
        String divisionCode,
        boolean active,
        LocalDate leftOn,
        int assignmentsEnded,
        Instant changedAt) {

    public CadreChanged {
        Objects.requireNonNull(cadreId, "cadreId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(divisionCode, "divisionCode");
    }
}
