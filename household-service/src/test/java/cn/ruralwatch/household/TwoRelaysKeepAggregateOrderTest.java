package cn.ruralwatch.household;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.ruralwatch.messaging.Outbox;
import cn.ruralwatch.messaging.OutboxPublisher;
import cn.ruralwatch.messaging.OutboxRelay;
import cn.ruralwatch.testing.SuiteInfrastructure;
import cn.ruralwatch.testing.TopicReader;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TwoRelaysKeepAggregateOrderTest {

    private static final String TOPIC = "outbox-order-check";
    private static final int AGGREGATES = 20;
    private static final int EVENTS_EACH = 25;

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
        AtomicInteger publishedBySecond = new AtomicInteger();
        AtomicReference<Exception> competitorFailure = new AtomicReference<>();
        OutboxPublisher.Settings mine = relay.settings();
        // a second replica's relay: same database and buckets, its own producer, small batches
        OutboxPublisher second = new OutboxPublisher(
                dataSource,
                new OutboxPublisher.Settings(
                        "/household-service", mine.bootstrapServers(), mine.buckets(), 3, List.of(), 1, (short) 1));
        Thread competitor = Thread.ofPlatform().start(() -> {
            while (running.get()) {
                try {
                    publishedBySecond.addAndGet(second.publishPending());
                } catch (Exception e) {
                    competitorFailure.compareAndSet(null, e);
                    return;
                }
            }
        });
        try {
            // events are written in several transactions, interleaving the aggregates, while both relays run
            for (int seq = 0; seq < EVENTS_EACH; seq++) {
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
                        insert.setInt(4, Outbox.bucketOf(aggregate, mine.buckets()));
                        insert.setString(5, "{\"seq\":" + seq + "}");
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    c.commit();
                }
                relay.wakeUp();
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> pending(aggregates) == 0);
        } finally {
            running.set(false);
            competitor.join();
            second.close();
        }
        assertNull(competitorFailure.get(), "the second relay published without errors");

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
        for (int seq = 0; seq < EVENTS_EACH; seq++) {
            expected.add(seq);
        }
        for (String aggregate : aggregates) {
            assertEquals(expected, sequences.get(aggregate), "events of " + aggregate + " in the order written");
        }
        System.out.printf(
                "second relay published %d of %d events%n", publishedBySecond.get(), AGGREGATES * EVENTS_EACH);
    }

    private long pending(List<String> aggregates) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select count(*) from outbox_event where published_at is null and aggregate_id = any(?)")) {
            s.setArray(1, c.createArrayOf("text", aggregates.toArray()));
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
