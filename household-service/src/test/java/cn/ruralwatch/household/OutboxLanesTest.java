package cn.ruralwatch.household;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ruralwatch.messaging.Outbox;
import cn.ruralwatch.messaging.OutboxConfig;
import cn.ruralwatch.messaging.OutboxPayloads;
import cn.ruralwatch.messaging.OutboxPublisher;
import cn.ruralwatch.messaging.OutboxRelay;
import cn.ruralwatch.testing.SuiteInfrastructure;
import cn.ruralwatch.testing.TopicReader;
import cn.ruralwatch.tracing.Lane;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The outbox's two lanes with the application's own relay: bulk events (a background job's) are published only while
 * the consumers of their topic have fewer than {@code ruralwatch.outbox.bulk-lag-limit} waiting; an interactive event
 * is published at once past them, unless its aggregate has an earlier bulk event still waiting, behind which it keeps
 * its place. While a background job of the service runs, bulk events wait for it to end.
 */
@QuarkusTest
class OutboxLanesTest {

    private static final String TOPIC = "outbox-lane-check-" + UUID.randomUUID();
    private static final int BULK_AGGREGATES = 40;
    private static final int BULK_PER_AGGREGATE = 25;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutboxRelay relay;

    @Inject
    OutboxConfig outbox;

    @Inject
    ObjectMapper mapper;

    @Inject
    Outbox outboxWriter;

    @Test
    void interactiveEventsPassBulkOnesTheConsumersHaveNoRoomForAndKeepTheirAggregatesOrder() throws Exception {
        String bootstrap = SuiteInfrastructure.kafka().bootstrapServers();
        String waiting;
        try (KafkaConsumer<String, String> stalled = stalledConsumer(bootstrap, TOPIC)) {

            // an import's worth of bulk events
            List<String> bulkAggregates = new ArrayList<>();
            for (int i = 0; i < BULK_AGGREGATES; i++) {
                bulkAggregates.add("lane-bulk-" + UUID.randomUUID());
            }
            for (int seq = 0; seq < BULK_PER_AGGREGATE; seq++) {
                write(bulkAggregates, seq, true);
            }
            relay.wakeUp();
            int bulk = BULK_AGGREGATES * BULK_PER_AGGREGATE;
            // the relay publishes up to the lag limit, then holds the rest while the consumer does not move (the limit
            // is the smaller one while people work: after an earlier test's requests, for instance)
            long limit = outbox.bulkLagLimit();
            long smaller = outbox.bulkLagLimitWhileInteractive();
            assertTrue(limit > 0 && limit < bulk / 2, "the test needs a lag limit below half its events: " + limit);
            await().atMost(Duration.ofSeconds(30)).until(() -> published(bulkAggregates) >= Math.min(limit, smaller));
            await().during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> published(bulkAggregates) < bulk / 2);

            // a person's change to another aggregate, and one to an aggregate whose bulk events still wait
            String person = "lane-interactive-" + UUID.randomUUID();
            waiting = waitingAggregate(bulkAggregates);
            write(List.of(person, waiting), BULK_PER_AGGREGATE, false);
            relay.wakeUp();
            await().atMost(Duration.ofSeconds(10)).until(() -> published(List.of(person)) == 1);
            assertEquals(0, published(List.of(waiting)) - publishedBefore(waiting), "held behind its bulk events");
            assertTrue(published(bulkAggregates) < bulk / 2, "the bulk events still wait for room");

            // the consumer catches up: the bulk events follow, and the waiting aggregate's change after them
            drain(stalled, bulk + 2);
            await().atMost(Duration.ofSeconds(60)).until(() -> published(bulkAggregates) == bulk + 1);
        }
        Map<String, List<Integer>> sequences = new HashMap<>();
        for (TopicReader.Event event : TopicReader.readAll(bootstrap, TOPIC)) {
            sequences
                    .computeIfAbsent(event.key(), k -> new ArrayList<>())
                    .add(mapper.readTree(event.data()).get("seq").asInt());
            // a bulk event says so, so that what its consumers write because of it is bulk too
            boolean bulkEvent = mapper.readTree(event.data()).get("seq").asInt() < BULK_PER_AGGREGATE;
            assertEquals(bulkEvent ? "bulk" : null, event.header("ce_lane"), event.key());
        }
        List<Integer> written = new ArrayList<>();
        for (int seq = 0; seq < BULK_PER_AGGREGATE; seq++) {
            written.add(seq);
        }
        List<Integer> withChange = new ArrayList<>(written);
        withChange.add(BULK_PER_AGGREGATE);
        assertEquals(withChange, sequences.get(waiting), "the change came after its aggregate's bulk events");
        assertEquals(BULK_AGGREGATES + 1, sequences.size());
        sequences.forEach((aggregate, seqs) -> {
            if (aggregate.startsWith("lane-bulk-") && !aggregate.equals(waiting)) {
                assertEquals(written, seqs, aggregate + " in the order written");
            }
        });
    }

    /**
     * While people work the bulk lane keeps to the smaller limit: after a person's change with events committed in the
     * service, the relay publishes {@code bulk-lag-limit-while-interactive} bulk events for a consumer that does not
     * move and holds the rest; once {@code interactive-window} has passed without another, up to
     * {@code bulk-lag-limit}.
     */
    @Test
    void whilePeopleWorkTheBulkLaneKeepsToTheSmallerLimit() throws Exception {
        long limit = outbox.bulkLagLimit();
        long smaller = outbox.bulkLagLimitWhileInteractive();
        int bulk = BULK_AGGREGATES * BULK_PER_AGGREGATE;
        assertTrue(0 < smaller && smaller < limit && limit < bulk, "the test needs 0 < " + smaller + " < " + limit);
        String topic = TOPIC + "-people";
        try (KafkaConsumer<String, String> stalled =
                stalledConsumer(SuiteInfrastructure.kafka().bootstrapServers(), topic)) {

            // a person's change: an interactive event committed through the service's outbox
            String person = "lane-person-" + UUID.randomUUID();
            long changed = System.nanoTime();
            QuarkusTransaction.requiringNew()
                    .run(() -> outboxWriter.publish(topic, "check", person, "lane.checked.v1", Map.of("seq", 0)));
            // then an import's worth of bulk events, in one transaction: a relay that found part of them would publish
            // the rest without asking for the lag first (it asks only once it ran out of room)
            List<String> bulkAggregates = new ArrayList<>();
            for (int i = 0; i < BULK_AGGREGATES; i++) {
                bulkAggregates.add("lane-people-" + UUID.randomUUID());
            }
            write(dataSource, topic, bulkAggregates, 0, BULK_PER_AGGREGATE, true);
            relay.wakeUp();
            await().atMost(Duration.ofSeconds(5)).until(() -> published(List.of(person)) == 1);
            // the consumer has at most the smaller limit waiting (the person's event counts too)
            await().atMost(Duration.ofSeconds(5)).until(() -> published(bulkAggregates) >= smaller - 1);
            await().during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(3))
                    .until(() -> published(bulkAggregates) <= smaller);
            assertTrue(
                    System.nanoTime() - changed < outbox.interactiveWindow().toNanos(),
                    "held within the window, not after it");

            // no other person's change: once the window has passed, the whole limit
            await().atMost(outbox.interactiveWindow().plusSeconds(20))
                    .until(() -> published(bulkAggregates) >= limit - 1);
            assertTrue(
                    System.nanoTime() - changed >= outbox.interactiveWindow().toNanos(), "not before the window ended");
            await().during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(3))
                    .until(() -> published(bulkAggregates) <= limit);
        }
    }

    @Test
    void bulkEventsWaitWhileABackgroundJobOfTheServiceRuns() throws Exception {
        List<String> aggregates = List.of("lane-job-" + UUID.randomUUID(), "lane-job-" + UUID.randomUUID());
        String person = "lane-person-" + UUID.randomUUID();
        // this test thread stands for a job worker: the job engine runs every job in the bulk lane
        try (Lane.Scope job = Lane.BULK.enter()) {
            for (int seq = 0; seq < 10; seq++) {
                write(aggregates, seq, true);
            }
            write(List.of(person), 0, false);
            relay.wakeUp();
            await().atMost(Duration.ofSeconds(10)).until(() -> published(List.of(person)) == 1);
            // the job's events wait while it runs
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> published(aggregates) == 0);
        }
        // the job has ended: its events follow
        relay.wakeUp();
        await().atMost(Duration.ofSeconds(10)).until(() -> published(aggregates) == 20);
    }

    /**
     * Within one pass of a publisher: the interactive rows waiting leave before the bulk lane's room is asked for (a
     * round trip to Kafka); one committed while the pass publishes bulk rows leaves before the next bucket, not after the
     * pass. The pass runs on a copy of the outbox table in a schema of its own, so that the application's
     * relay does not take the rows.
     */
    @Test
    void anInteractiveEventCommittedDuringABulkPassLeavesAfterTheBucketUnderWay() throws Exception {
        String schema = "lane_pass_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = dataSource.getConnection();
                Statement ddl = c.createStatement()) {
            ddl.execute("create schema " + schema);
            ddl.execute("create table " + schema + ".outbox_event (like public.outbox_event including all)");
        }
        String bootstrap = SuiteInfrastructure.kafka().bootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(TOPIC + "-pass", 3, (short) 1)))
                    .all()
                    .get();
        }
        PGSimpleDataSource copy = new PGSimpleDataSource();
        copy.setURL(ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class));
        copy.setUser(ConfigProvider.getConfig().getValue("quarkus.datasource.username", String.class));
        copy.setPassword(ConfigProvider.getConfig()
                .getOptionalValue("quarkus.datasource.password", String.class)
                .orElse(""));
        copy.setCurrentSchema(schema);
        int buckets = relay.settings().buckets();
        // bulk rows in every bucket
        List<String> bulkAggregates = new ArrayList<>();
        for (int i = 0;
                bulkAggregates.stream()
                                .map(a -> Outbox.bucketOf(a, buckets))
                                .distinct()
                                .count()
                        < buckets;
                i++) {
            bulkAggregates.add("pass-bulk-" + i + "-" + UUID.randomUUID());
        }
        write(copy, TOPIC + "-pass", bulkAggregates, 0, true);
        String before = "pass-person-before-" + UUID.randomUUID();
        String during = "pass-person-during-" + UUID.randomUUID();
        write(copy, TOPIC + "-pass", List.of(before), 0, false);

        List<String> seen = new ArrayList<>();
        AtomicInteger asked = new AtomicInteger();
        try (Connection applicationRelay = dataSource.getConnection();
                Statement lock = applicationRelay.createStatement();
                OutboxPublisher publisher = new OutboxPublisher(
                        copy,
                        new OutboxPublisher.Settings("/lane-check", bootstrap, buckets, 500, List.of(), 1, (short) 1),
                        OutboxPayloads.NONE)) {
            // every bucket of the application's outbox held, as by its relay publishing them: the copy's buckets are
            // locks of their own, so the pass takes every one
            applicationRelay.setAutoCommit(false);
            lock.execute("select pg_advisory_xact_lock(hashtext('outbox_event@' || current_schema()), b)"
                    + " from generate_series(0, " + (buckets - 1) + ") b");
            OutboxPublisher.Pass pass = publisher.publishPending(
                    () -> {
                        seen.add("room asked, person's event before the pass published: "
                                + published(copy, List.of(before)));
                        return Long.MAX_VALUE;
                    },
                    () -> {
                        try {
                            // asked before each bucket and after the last: once the first bucket of bulk rows has
                            // left, a person's change commits
                            if (asked.incrementAndGet() == 2) {
                                write(copy, TOPIC + "-pass", List.of(during), 0, false);
                                seen.add("committed during the pass");
                                return true;
                            }
                            if (asked.get() == 3) {
                                seen.add("before the next bucket, published: " + published(copy, List.of(during)));
                            }
                            return false;
                        } catch (SQLException failure) {
                            throw new IllegalStateException(failure);
                        }
                    });
            assertEquals(
                    List.of(
                            "room asked, person's event before the pass published: 1",
                            "committed during the pass",
                            "before the next bucket, published: 1"),
                    seen);
            assertEquals(2, pass.interactive());
            assertEquals(bulkAggregates.size(), pass.inOrder());
            assertEquals(
                    bulkAggregates.size() + 2,
                    published(copy, bulkAggregates) + published(copy, List.of(before, during)));
            applicationRelay.rollback();
        } finally {
            try (Connection c = dataSource.getConnection();
                    Statement ddl = c.createStatement()) {
                ddl.execute("drop schema " + schema + " cascade");
            }
        }
    }

    private final Map<String, Long> publishedAt = new HashMap<>();

    /** An aggregate with bulk events still waiting; notes how many of its events were published by then. */
    private String waitingAggregate(List<String> aggregates) throws Exception {
        for (String aggregate : aggregates) {
            long published = published(List.of(aggregate));
            if (published < BULK_PER_AGGREGATE) {
                publishedAt.put(aggregate, published);
                return aggregate;
            }
        }
        throw new AssertionError("every bulk aggregate was published in full");
    }

    private long publishedBefore(String aggregate) {
        return publishedAt.get(aggregate);
    }

    /**
     * A new topic of three partitions and a consumer of it that stays in its group and acknowledges nothing: every event
     * published to the topic waits for it.
     */
    private static KafkaConsumer<String, String> stalledConsumer(String bootstrap, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        }
        KafkaConsumer<String, String> stalled = consumer(bootstrap);
        stalled.subscribe(List.of(topic));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            stalled.poll(Duration.ofMillis(100));
            return stalled.assignment().size() == 3;
        });
        Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
        stalled.assignment().forEach(p -> start.put(p, new OffsetAndMetadata(0)));
        stalled.commitSync(start);
        return stalled;
    }

    /** Reads and acknowledges events until {@code count} were seen. */
    private static void drain(KafkaConsumer<String, String> consumer, int count) {
        int seen = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (seen < count && System.nanoTime() < deadline) {
            seen += consumer.poll(Duration.ofMillis(100)).count();
            consumer.commitSync();
        }
    }

    private static KafkaConsumer<String, String> consumer(String bootstrap) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "lane-check-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return new KafkaConsumer<>(props);
    }

    /** One event of sequence number {@code seq} for each aggregate, in one transaction, in the lane given. */
    private void write(List<String> aggregates, int seq, boolean bulk) throws Exception {
        write(dataSource, TOPIC, aggregates, seq, seq + 1, bulk);
    }

    private void write(DataSource into, String topic, List<String> aggregates, int seq, boolean bulk)
            throws SQLException {
        write(into, topic, aggregates, seq, seq + 1, bulk);
    }

    /** Events of sequence numbers {@code from} (inclusive) to {@code to} for each aggregate, in one transaction. */
    private void write(DataSource into, String topic, List<String> aggregates, int from, int to, boolean bulk)
            throws SQLException {
        try (Connection c = into.getConnection();
                PreparedStatement insert = c.prepareStatement("""
                        insert into outbox_event (event_id, topic, aggregate_type, aggregate_id, bucket, event_type,
                                                  occurred_at, payload, bulk)
                        values (?, ?, 'check', ?, ?, 'lane.checked.v1', now(), cast(? as json), ?)
                        """)) {
            c.setAutoCommit(false);
            for (int seq = from; seq < to; seq++) {
                for (String aggregate : aggregates) {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, topic);
                    insert.setString(3, aggregate);
                    insert.setInt(4, Outbox.bucketOf(aggregate, relay.settings().buckets()));
                    insert.setString(5, "{\"seq\":" + seq + "}");
                    insert.setBoolean(6, bulk);
                    insert.addBatch();
                }
            }
            insert.executeBatch();
            c.commit();
        }
    }

    private long published(List<String> aggregates) throws Exception {
        return published(dataSource, aggregates);
    }

    private static long published(DataSource from, List<String> aggregates) throws SQLException {
        try (Connection c = from.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select count(*) from outbox_event where published_at is not null and aggregate_id = any(?)")) {
            s.setArray(1, c.createArrayOf("text", aggregates.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
