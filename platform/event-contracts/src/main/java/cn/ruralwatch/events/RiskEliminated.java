package cn.ruralwatch.events;

import java.time.LocalDate;
import java.util.Objects;

/**
 * {@code risk.eliminated.v1}: the county decided that a monitored household's risk is eliminated (风险消除); it stays a
 * monitoring object with risk state ELIMINATED. Key: the household id.
 */
public record RiskEliminated(String caseId, LocalDate eliminatedOn, HouseholdState household)
        implements HouseholdStateEvent {

    public RiskEliminated {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(eliminatedOn, "eliminatedOn");
        Objects.requireNonNull(household, "household");
    }
}
