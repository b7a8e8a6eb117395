package cn.ruralwatch.household;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ruralwatch.access.Roles;
import cn.ruralwatch.household.cadre.VisitRule;
import cn.ruralwatch.sql.Sql;
import cn.ruralwatch.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A native statement marked apart from entities (a background job saving its progress in the transaction of an import's
 * chunk) runs without Hibernate flushing the session first; an unmarked one still sees the session's changes.
 */
@QuarkusTest
class StatementsApartFromEntitiesTest {

    static final String VILLAGE = "450422103201";

    @Inject
    EntityManager entityManager;

    @Inject
    Sql sql;

    @Test
    void aStatementApartFromEntitiesLeavesTheSessionUnflushed() {
        Tokens.authenticateAs(Roles.COUNTY_ADMIN, "450422");
        Fixtures.village(VILLAGE);
        String count = "select count(*) from visit_rule where region_code = :village";
        QuarkusTransaction.begin();
        List<Long> seen;
        try {
            VisitRule rule = new VisitRule();
            rule.regionCode = VILLAGE;
            rule.groups = List.of("MONITORED_AT_RISK");
            rule.maxIntervalDays = 30;
            rule.effectiveFrom = LocalDate.of(2026, 1, 1);
            rule.setBy = "test";
            rule.setAt = Instant.now();
            entityManager.persist(rule);
            long apart = sql.query(count)
                    .bind("village", VILLAGE)
                    .apartFromEntities()
                    .count();
            long flushedFirst = sql.query(count).bind("village", VILLAGE).count();
            seen = List.of(apart, flushedFirst);
        } finally {
            QuarkusTransaction.rollback();
        }
        assertEquals(List.of(0L, 1L), seen);
        assertEquals(0, sql.query(count).bind("village", VILLAGE).count(), "rolled back");
    }
}
