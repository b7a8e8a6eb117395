package cn.ruralwatch.fund;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ruralwatch.events.HouseholdState;
import cn.ruralwatch.fund.projection.KnownMembers;
import cn.ruralwatch.testing.Rows;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A batch of household-events applied at once ends as if its households' states had been applied one by one: the
 * last state of a household decides, a state older than the one held changes nothing, a member named by two
 * households belongs to the later one, and a dissolved household keeps no members.
 */
@QuarkusTest
class KnownMembersTest {

    static final String VILLAGE = "450446101201";

    @Inject
    KnownMembers knownMembers;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aBatchEndsAsIfAppliedOneByOne() throws Exception {
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        String c = UUID.randomUUID().toString();
        String stale = UUID.randomUUID().toString();
        String dissolved = UUID.randomUUID().toString();
        String m1 = UUID.randomUUID().toString();
        String m2 = UUID.randomUUID().toString();
        String m3 = UUID.randomUUID().toString();
        String m4 = UUID.randomUUID().toString();
        String m5 = UUID.randomUUID().toString();
        // the stale household is held at version 3 already
        apply(List.of(state(stale, 3, "ACTIVE", List.of("柑橘"), List.of(member(m4, null, 0)))));

        apply(List.of(
                state(a, 0, "ACTIVE", List.of(), List.of(member(m1, null, null), member(m2, null, null))),
                state(dissolved, 0, "ACTIVE", List.of(), List.of(member(m5, null, null))),
                // m2 is named by c and then by b (it moved twice), and household a's newer state no longer lists it
                state(c, 0, "ACTIVE", List.of(), List.of(member(m2, "乡内", 1))),
                state(b, 0, "ACTIVE", List.of("养牛"), List.of(member(m2, "县外", 10))),
                state(a, 1, "ACTIVE", List.of("柑橘", "茶叶"), List.of(member(m1, "县内", 3))),
                state(stale, 2, "ACTIVE", List.of(), List.of(member(m4, null, 0), member(m3, null, null))),
                state(dissolved, 1, "DISSOLVED", List.of(), List.of(member(m5, null, null)))));

        assertEquals(
                "1 {柑橘,茶叶} true",
                Rows.text(
                        dataSource,
                        "select version || ' ' || cast(industries as text) || ' ' || active"
                                + " from known_household_facts where household_id = '" + a + "'"));
        assertEquals(
                "3 {柑橘} true",
                Rows.text(
                        dataSource,
                        "select version || ' ' || cast(industries as text) || ' ' || active"
                                + " from known_household_facts where household_id = '" + stale + "'"));
        assertEquals(
                "1 {} false",
                Rows.text(
                        dataSource,
                        "select version || ' ' || cast(industries as text) || ' ' || active"
                                + " from known_household_facts where household_id = '" + dissolved + "'"));
        assertEquals(a + " 县内 3", member(m1));
        assertEquals(b + " 县外 10", member(m2));
        assertEquals(stale + " - 0", member(m4));
        assertEquals(0, Rows.count(dataSource, "select count(*) from known_member where member_id = '" + m3 + "'"));
        assertEquals(0, Rows.count(dataSource, "select count(*) from known_member where member_id = '" + m5 + "'"));
        assertEquals(1, Rows.count(dataSource, "select count(*) from known_member where household_id = '" + a + "'"));
    }

    private void apply(List<HouseholdState> states) {
        QuarkusTransaction.requiringNew().run(() -> knownMembers.apply(states));
    }

    private String member(String memberId) throws Exception {
        return Rows.text(
                dataSource,
                "select household_id || ' ' || coalesce(employment_location, '-') || ' ' || employment_months"
                        + " from known_member where member_id = '" + memberId + "'");
    }

    private static HouseholdState.Member member(String memberId, String workPlace, Integer months) {
        return FundFixtures.member(memberId, "HEAD", LocalDate.of(1980, 3, 1), "NORMAL", null, null, workPlace, months);
    }

    private static HouseholdState state(
            String householdId,
            long version,
            String status,
            List<String> industries,
            List<HouseholdState.Member> members) {
        return FundFixtures.state(householdId, version, VILLAGE, status, "NOT_POOR", industries, members);
    }
}
