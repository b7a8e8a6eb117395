package cn.ruralwatch.household;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ruralwatch.messaging.Outbox;
import cn.ruralwatch.messaging.OutboxPublisher;
import cn.ruralwatch.messaging.OutboxRelay;
import cn.ruralwatch.testing.SuiteInfrastructure;
import cn.ruralwatch.testing.TopicReader;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The application's relay and a second replica's relay publish the same outbox at once. Which relay published each row
 * is read from the rows the second relay marked published in its own committed transactions: both relays must have
 * published, at least one aggregate must have been handed from one relay to the other, and every aggregate's events
 * must reach Kafka in the order they were written.
 */
@QuarkusTest
class TwoRelaysKeepAggregateOrderTest {

    private static final String TOPIC = "outbox-order-check";
    private static final int AGGREGATES = 20;
    private static final int MIN_ROUNDS = 25;
    /** Rounds are added until both relays have been seen publishing one aggregate; this bounds the test. */
    private static final int MAX_ROUNDS = 200;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutboxRelay relay;

    @Inject
    ObjectMapper mapper;

    @Test
    void eachAggregateKeepsItsOrderWhileASecondRelayCompetes() throws Exception {
        List<String> aggregates = new ArrayList<>();
        for (int i = 0; i < AGGREGATES; i++) {
            aggregates.add("order-check-" + UUID.randomUUID());
        }
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicReference<Exception> competitorFailure = new AtomicReference<>();
        Set<Long> markedBySecond = ConcurrentHashMap.newKeySet();
        OutboxPublisher.Settings mine = relay.settings();
        // a second replica's relay: same database and buckets, its own producer, small batches
        OutboxPublisher second = new OutboxPublisher(
                recordingCommittedMarks(dataSource, markedBySecond),
                new OutboxPublisher.Settings(
                        mine.source(), mine.bootstrapServers(), mine.buckets(), 3, List.of(), 1, (short) 1),
                relay.payloads());
        Thread competitor = Thread.ofPlatform().start(() -> {
            while (running.get()) {
                try {
                    second.publishPending();
                } catch (Exception e) {
                    competitorFailure.compareAndSet(null, e);
                    return;
                }
            }
        });
        int rounds = 0;
        Map<String, Publishers> byAggregate;
        try {
            // events are written in several transactions, interleaving the aggregates, while both relays run
            do {
                write(aggregates, rounds, mine.buckets());
                relay.wakeUp();
                rounds++;
                byAggregate = rounds < MIN_ROUNDS ? Map.of() : publishers(aggregates, markedBySecond);
            } while (rounds < MAX_ROUNDS && byAggregate.values().stream().noneMatch(Publishers::both));
            await().atMost(Duration.ofSeconds(60)).until(() -> pending(aggregates) == 0);
        } finally {
            running.set(false);
            competitor.join();
            second.close();
        }
        assertNull(competitorFailure.get(), "the second relay published without errors");

        byAggregate = publishers(aggregates, markedBySecond);
        long byFirst =
                byAggregate.values().stream().mapToLong(Publishers::first).sum();
        long bySecond =
                byAggregate.values().stream().mapToLong(Publishers::second).sum();
        assertEquals((long) AGGREGATES * rounds, byFirst + bySecond);
        assertTrue(byFirst > 0, "the application's relay published " + byFirst + " events");
        assertTrue(bySecond > 0, "the second relay published " + bySecond + " events");
        assertTrue(
                byAggregate.values().stream().anyMatch(Publishers::both),
                "some aggregate's events were published partly by each relay: " + byAggregate.values());

        Map<String, List<Integer>> sequences = new HashMap<>();
        for (TopicReader.Event event :
                TopicReader.readAll(SuiteInfrastructure.kafka().bootstrapServers(), TOPIC)) {
            if (aggregates.contains(event.key())) {
                sequences
                        .computeIfAbsent(event.key(), k -> new ArrayList<>())
                        .add(mapper.readTree(event.data()).get("seq").asInt());
            }
        }
        List<Integer> expected = new ArrayList<>();
        for (int seq = 0; seq < rounds; seq++) {
            expected.add(seq);
        }
        for (String aggregate : aggregates) {
            assertEquals(expected, sequences.get(aggregate), "events of " + aggregate + " in the order written");
        }
    }

    /** How many of one aggregate's published events each relay published. */
    record Publishers(long first, long second) {
        boolean both() {
            return first > 0 && second > 0;
        }
    }

    /** One event of sequence number {@code seq} for each aggregate, in one transaction. */
    private void write(List<String> aggregates, int seq, int buckets) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement("""
                        insert into outbox_event
                            (event_id, topic, aggregate_type, aggregate_id, bucket, event_type, occurred_at, payload)
                        values (?, ?, 'check', ?, ?, 'order.checked.v1', now(), cast(? as jsonb))
                        """)) {
            c.setAutoCommit(false);
            for (String aggregate : aggregates) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, TOPIC);
                insert.setString(3, aggregate);
                insert.setInt(4, Outbox.bucketOf(aggregate, buckets));
                insert.setString(5, "{\"seq\":" + seq + "}");
                insert.addBatch();
            }
            insert.executeBatch();
            c.commit();
        }
    }

    /** Per aggregate, its published rows split into those the second relay marked and those the first did. */
    private Map<String, Publishers> publishers(List<String> aggregates, Set<Long> markedBySecond) throws Exception {
        Map<String, long[]> counts = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select id, aggregate_id from outbox_event"
                        + " where published_at is not null and aggregate_id = any(?)")) {
            s.setArray(1, c.createArrayOf("text", aggregates.toArray()));
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    long[] count = counts.computeIfAbsent(rows.getString("aggregate_id"), k -> new long[2]);
                    count[markedBySecond.contains(rows.getLong("id")) ? 1 : 0]++;
                }
            }
        }
        Map<String, Publishers> publishers = new HashMap<>();
        counts.forEach((aggregate, count) -> publishers.put(aggregate, new Publishers(count[0], count[1])));
        return publishers;
    }

    /**
     * The data source with every connection noting the outbox ids it marks published: the publisher passes them as the
     * one {@code bigint} array it creates in a transaction, and they count when that transaction commits.
     */
    private static DataSource recordingCommittedMarks(DataSource dataSource, Set<Long> marked) {
        return (DataSource) Proxy.newProxyInstance(
                DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(dataSource, method, args);
                    return result instanceof Connection connection ? recording(connection, marked) : result;
                });
    }

    private static Connection recording(Connection connection, Set<Long> marked) {
        Set<Long> inTransaction = new HashSet<>();
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "createArrayOf" -> {
                            if ("bigint".equals(args[0])) {
                                for (Object id : (Object[]) args[1]) {
                                    inTransaction.add(((Number) id).longValue());
                                }
                            }
                        }
                        case "commit" -> {
                            // noted before the commit so that a row never looks published by the other relay; a
                            // failed commit fails the test through the competitor's exception
                            marked.addAll(inTransaction);
                            inTransaction.clear();
                        }
                        case "rollback", "close" -> inTransaction.clear();
                        default -> {}
                    }
                    return invoke(connection, method, args);
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private long pending(List<String> aggregates) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select count(*) from outbox_event where published_at is null and aggregate_id = any(?)")) {
            s.setArray(1, c.createArrayOf("text", aggregates.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
