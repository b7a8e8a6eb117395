package cn.ruralwatch.report;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ruralwatch.events.EventTypes;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.testing.HouseholdEventData;
import cn.ruralwatch.testing.Management;
import cn.ruralwatch.testing.Rows;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A consumer meets transient failures of its database while it applies an event: its connection killed by the server,
 * a lock timeout, a deadlock, a serialization failure, no connection free in the pool. Each time the event is waited
 * out and applied once the fault clears — exactly once, in its batch, and never parked as a dead letter.
 *
 * <p>The faults are PostgreSQL's own, raised inside the consumer's transaction by a trigger on {@code inbox_event}
 * that acts only for the event a test names in {@code test_fault}; the deadlock is a real one between the consumer
 * and the test.
 */
@QuarkusTest
class TransientConsumerFailuresTest {

    private static final String VILLAGE = "459100101201";

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void faultInjection() throws SQLException {
        RestAssured.requestSpecification = null;
        Rows.execute(dataSource, """
                create table if not exists test_fault (event_id text primary key, kind text not null);
                create sequence if not exists test_fault_hits;
                create or replace function test_fault() returns trigger language plpgsql as $$
                declare fault text;
                begin
                    select kind into fault from test_fault where event_id = new.event_id;
                    if fault is null then
                        return new;
                    end if;
                    perform nextval('test_fault_hits');
                    if fault = 'connection-lost' then
                        perform pg_terminate_backend(pg_backend_pid());
                        perform pg_sleep(5);
                    elsif fault = 'lock-timeout' then
                        set local lock_timeout = '100ms';
                        perform pg_advisory_xact_lock(8803);
                    elsif fault = 'deadlock' then
                        perform pg_advisory_xact_lock(8801);
                        perform pg_advisory_xact_lock(8802);
                    elsif fault = 'serialization' then
                        raise exception 'could not serialize access due to concurrent update'
                            using errcode = 'serialization_failure';
                    end if;
                    return new;
                end $$;
                drop trigger if exists test_fault on inbox_event;
                create trigger test_fault before insert on inbox_event
                    for each row execute function test_fault();
                """);
        ReportEvents.division(VILLAGE.substring(0, 6), "故障县", "COUNTY", null);
    }

    @Test
    void eventIsAppliedOnceAfterTheServerKilledTheConsumersConnection() throws Exception {
        long start = hits();
        String eventId = faulted("connection-lost");
        String household = register(eventId);
        awaitHits(start, 2);
        clear(eventId);
        assertAppliedOnce(eventId, household, "database");
    }

    @Test
    void eventIsAppliedOnceAfterALockTimeout() throws Exception {
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            execute(holder, "select pg_advisory_xact_lock(8803)");
            long start = hits();
            String eventId = faulted("lock-timeout");
            String household = register(eventId);
            awaitHits(start, 2);
            clear(eventId);
            holder.commit();
            assertAppliedOnce(eventId, household, "lock not available");
        }
    }

    @Test
    void eventIsAppliedOnceAfterTheConsumerLostADeadlock() throws Exception {
        long before = hits();
        String eventId;
        String household;
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            execute(holder, "select pg_advisory_xact_lock(8802)");
            eventId = faulted("deadlock");
            household = register(eventId);
            // the consumer holds 8801 and waits for 8802; asking for 8801 closes the cycle, and PostgreSQL's deadlock
            // detector, run first by the consumer that waited first, aborts the consumer's transaction
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> Rows.count(
                                    dataSource,
                                    "select count(*) from pg_locks where locktype = 'advisory' and objid = 8802 and not granted")
                            == 1);
            execute(holder, "select pg_advisory_xact_lock(8801)");
            clear(eventId);
            holder.commit();
        }
        assertTrue(hits() > before);
        assertAppliedOnce(eventId, household, "deadlock");
    }

    @Test
    void eventIsAppliedOnceAfterSerializationFailures() throws Exception {
        long start = hits();
        String eventId = faulted("serialization");
        String household = register(eventId);
        awaitHits(start, 3);
        clear(eventId);
        assertAppliedOnce(eventId, household, "serialization failure");
    }

    @Test
    void eventIsAppliedOnceAfterThePoolHadNoConnectionToGive() throws Exception {
        String eventId = UUID.randomUUID().toString();
        String household;
        String reason = "no database connection available";
        double retriedBefore = retries(reason);
        List<Connection> taken = new ArrayList<>();
        try {
            // every connection of the service's pool (max-size 30), held past the pool's acquisition timeout
            while (taken.size() < 30) {
                taken.add(dataSource.getConnection());
            }
            household = register(eventId);
            // held until the consumer found no connection to take and waits to try again
            await().atMost(Duration.ofSeconds(60)).until(() -> retries(reason) > retriedBefore);
        } finally {
            for (Connection connection : taken) {
                connection.close();
            }
        }
        assertAppliedOnce(eventId, household, reason);
    }

    private String faulted(String kind) throws SQLException {
        String eventId = UUID.randomUUID().toString();
        Rows.execute(dataSource, "insert into test_fault values ('" + eventId + "', '" + kind + "')");
        return eventId;
    }

    private void clear(String eventId) throws SQLException {
        Rows.execute(dataSource, "delete from test_fault where event_id = '" + eventId + "'");
    }

    private long hits() throws SQLException {
        return Rows.count(dataSource, "select case when is_called then last_value else 0 end from test_fault_hits");
    }

    /** Waits until the fault has struck {@code times} times since {@code start}: the consumer retried meanwhile. */
    private void awaitHits(long start, int times) {
        await().atMost(Duration.ofSeconds(60)).until(() -> hits() >= start + times);
    }

    private static String register(String eventId) {
        String household = UUID.randomUUID().toString();
        ReportEvents.send(
                Topics.HOUSEHOLD_EVENTS,
                household,
                eventId,
                EventTypes.HOUSEHOLD_REGISTERED,
                HouseholdEventData.registered(
                        household,
                        VILLAGE,
                        List.of(new HouseholdEventData.MemberSketch(
                                UUID.randomUUID().toString(),
                                "HEAD",
                                "FEMALE",
                                LocalDate.of(1975, 3, 1),
                                "ENROLLED"))));
        return household;
    }

    private void assertAppliedOnce(String eventId, String household, String reason) throws Exception {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> Rows.count(
                                dataSource,
                                "select count(*) from report_household where household_id = '" + household + "'")
                        == 1);
        assertEquals(
                1,
                Rows.count(
                        dataSource,
                        "select count(*) from inbox_event where consumer = 'report-service' and event_id = '" + eventId
                                + "'"),
                "applied exactly once");
        assertEquals(
                0,
                Rows.count(dataSource, "select count(*) from dead_letter where event_id = '" + eventId + "'"),
                "a transient failure never parks an event");
        assertTrue(
                retries(reason) > 0,
                "the retries are counted by reason (" + reason + ") in inbox_transient_retries_total");
        String metrics = Management.metrics();
        // while a consumer waits, its lag shows: the Kafka client's own lag metric of each consumer
        assertTrue(metrics.contains("kafka_consumer_fetch_manager_records_lag"), "consumer lag is a metric");
        assertTrue(metrics.contains("inbox_retrying{"), "whether a consumer waits is a metric");
    }

    private static double retries(String reason) {
        String metrics = Management.metrics();
        Matcher matcher = Pattern.compile("inbox_transient_retries_total\\{([^}]*)} ([0-9.E]+)")
                .matcher(metrics);
        double total = 0;
        while (matcher.find()) {
            if (matcher.group(1).contains("reason=\"" + reason)
                    && matcher.group(1).contains("topic=\"household-events\"")) {
                total += Double.parseDouble(matcher.group(2));
            }
        }
        return total;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
