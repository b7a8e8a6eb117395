package cn.ruralwatch.events;

import java.time.Instant;
import java.util.Objects;

/**
 * {@code cadre.registered.v1}: a responsible cadre (帮扶责任人) or contact (帮扶联系人) joined the roster. Key: the cadre
 * id. It carries the kind and the division served only: never the cadre's name, unit or phone.
 *
 * <p>Not a {@link HouseholdEvent}: {@link HouseholdEvent#parse} passes it over as a type it does not apply.
 *
 * @param kind {@code RESPONSIBLE} or {@code CONTACT}
 * @param divisionCode the township (9 digits) or village (12 digits) the cadre serves
 */
public record CadreRegistered(String cadreId, String kind, String divisionCode, boolean active, Instant registeredAt) {

    public CadreRegistered {
        Objects.requireNonNull(cadreId, "cadreId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(divisionCode, "divisionCode");
    }
}
