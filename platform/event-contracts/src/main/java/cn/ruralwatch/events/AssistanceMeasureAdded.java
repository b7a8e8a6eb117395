package cn.ruralwatch.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/** {@code assistance-measure.added.v1}: a 帮扶措施 was put in place for a household. Key: the household id. */
public record AssistanceMeasureAdded(
        String measureId, String householdId, String villageCode, String type, LocalDate startedOn, BigDecimal amount)
        implements HouseholdEvent {

    public AssistanceMeasureAdded {
        Objects.requireNonNull(measureId, "measureId");
        Objects.requireNonNull(householdId, "householdId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(startedOn, "startedOn");
    }
}
