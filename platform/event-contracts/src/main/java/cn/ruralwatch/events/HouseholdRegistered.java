package cn.ruralwatch.events;

import java.util.Objects;

/**
 * {@code household.registered.v1}: a household was registered, directly or split from another ({@code splitFrom}).
 * Key: the household id.
 */
public record HouseholdRegistered(HouseholdState household, String splitFrom) implements HouseholdStateEvent {

    public HouseholdRegistered {
        Objects.requireNonNull(household, "household");
    }
}
