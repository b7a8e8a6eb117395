package cn.ruralwatch.household.household;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.household.division.Division;
import cn.ruralwatch.household.division.DivisionLevel;
import cn.ruralwatch.problem.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;

/** The villages a household may live in: a registered village in the caller's region. */
@ApplicationScoped
public class Villages {

    @Inject
    EntityManager entityManager;

    @Inject
    CallerScope scope;

    /** Adds a violation at {@code field} unless the code names a village in the caller's region. */
    void check(String villageCode, String field, List<Violation> violations) {
        // a village outside the caller's region is, for the caller, a village that does not exist
        Division village = scope.covers(villageCode) ? entityManager.find(Division.class, villageCode) : null;
        if (village == null) {
            violations.add(Violation.of(field, "UNKNOWN_VILLAGE", "household.village.unknown", villageCode));
        } else if (village.level != DivisionLevel.VILLAGE) {
            violations.add(Violation.of(field, "NOT_A_VILLAGE", "household.village.not-village", villageCode));
        }
    }
}
