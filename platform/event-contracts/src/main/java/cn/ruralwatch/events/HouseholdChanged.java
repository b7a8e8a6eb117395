package cn.ruralwatch.events;

import java.util.List;
import java.util.Objects;

/**
 * {@code household.changed.v1}: attributes, incomes or members of a household changed, or it was split or merged.
 * {@code changedFields} names what changed (API field paths such as {@code attributes.housingSafetyGrade} or
 * {@code members[2].attributes.health}); old and new values are in household-service's history, not in the event.
 * Operation {@code REPUBLISH}: nothing changed; operators published the household again as it stands, at the version
 * it has, so consumers take what a later contract added (consumers store a state of the version they hold).
 * Key: the household id.
 */
public record HouseholdChanged(String operation, String reason, List<String> changedFields, HouseholdState household)
        implements HouseholdStateEvent {

    public HouseholdChanged {
        Objects.requireNonNull(operation, "operation");
        changedFields = List.copyOf(Objects.requireNonNull(changedFields, "changedFields"));
        Objects.requireNonNull(household, "household");
    }
}
