package cn.ruralwatch.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ruralwatch.events.HouseholdState;
import cn.ruralwatch.indicator.households.HouseholdStates;
import cn.ruralwatch.testing.HouseholdEventData;
import cn.ruralwatch.testing.HouseholdEventData.MemberSketch;
import cn.ruralwatch.testing.Rows;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The household states of a consumer's batch, stored together, end as if stored one by one: a household's newest
 * version of the batch is kept unless a newer one is held (the same version again is stored), and the status history
 * gains a row only where the people 贫困发生率 counts changed.
 */
@QuarkusTest
class HouseholdStatesTest {

    static final String VILLAGE = "459973101201";

    @Inject
    HouseholdStates households;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aBatchIsStoredAsIfOneByOne() throws Exception {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();

        List<HouseholdState> stored =
                save(List.of(state(first, 1, 2), state(first, 3, 1), state(first, 2, 3), state(second, 0, 4)));
        assertEquals(List.of(first + " 3", second + " 0"), versions(stored));
        assertEquals(
                3,
                Rows.count(
                        dataSource, "select version from household_projection where household_id = '" + first + "'"));
        assertEquals(
                1,
                Rows.count(dataSource, "select people from household_projection where household_id = '" + first + "'"));
        assertEquals(1, history(first));
        assertEquals(1, history(second));

        // an older version changes nothing; the same version again is stored, without a history row of its own
        assertEquals(List.of(), versions(save(List.of(state(first, 2, 3)))));
        assertEquals(List.of(first + " 3"), versions(save(List.of(state(first, 3, 1)))));
        assertEquals(1, history(first));
        // a newer version with other people adds one
        assertEquals(List.of(first + " 4"), versions(save(List.of(state(first, 4, 2)))));
        assertEquals(2, history(first));
        assertEquals(
                2,
                Rows.count(dataSource, "select people from household_projection where household_id = '" + first + "'"));
    }

    private List<HouseholdState> save(List<HouseholdState> states) {
        return QuarkusTransaction.requiringNew().call(() -> households.save(states));
    }

    private long history(String household) throws Exception {
        return Rows.count(
                dataSource, "select count(*) from household_status_history where household_id = '" + household + "'");
    }

    private static List<String> versions(List<HouseholdState> states) {
        return states.stream().map(s -> s.householdId() + " " + s.version()).toList();
    }

    private static HouseholdState state(String household, long version, int members) {
        return HouseholdEventData.state(
                household,
                VILLAGE,
                version,
                IntStream.range(0, members)
                        .mapToObj(i -> new MemberSketch(
                                UUID.randomUUID().toString(),
                                i == 0 ? "HEAD" : "CHILD",
                                "MALE",
                                LocalDate.of(1980 + i, 1, 1),
                                "ENROLLED"))
                        .toList());
    }
}
