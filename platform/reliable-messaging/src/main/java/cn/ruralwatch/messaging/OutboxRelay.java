package cn.ruralwatch.messaging;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to Kafka as CloudEvents (binary mode: {@code ce_*} headers, JSON data, key = aggregate id) with
 * an idempotent producer and {@code acks=all}.
 *
 * <p>Rows are spread over buckets by aggregate id. For each bucket the relay takes a transaction-scoped advisory lock,
 * publishes the bucket's pending rows in id order, waits for every acknowledgement and only then marks them published
 * and commits. Another relay (a second replica) skips a bucket that is locked, so one aggregate's events are never
 * published by two relays at once and keep their order. A failure rolls the batch back: its rows are published again
 * later, and consumers drop the duplicates by event id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** First key of the two-key advisory lock; the second is the bucket. */
    private static final int LOCK_CLASS = 0x0b0c;

    private static final String SELECT_PENDING = """
            select id, event_id, topic, aggregate_id, event_type, occurred_at, payload::text
              from outbox_event
             where published_at is null and bucket = ?
             order by id
             limit ?
            """;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutboxConfig config;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final Semaphore wakeUps = new Semaphore(0);
    private final AtomicLong pending = new AtomicLong();
    private volatile boolean running;
    private volatile Thread worker;
    private KafkaProducer<String, byte[]> producer;
    private Counter published;
    private boolean topicsReady;
    private boolean kafkaWasDown;
    private Instant nextCleanup = Instant.EPOCH;

    void start(@Observes @Priority(1000) StartupEvent startup) {
        published = Counter.builder("outbox.events.published")
                .description("Outbox events published to Kafka")
                .register(registry);
        registry.gauge("outbox.events.pending", pending);
        if (!config.relayEnabled()) {
            LOG.info("Outbox relay disabled on this instance");
            return;
        }
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::loop);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        Thread thread = worker;
        if (thread != null) {
            wakeUp();
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        closeProducer();
    }

    /** Asks the relay to look for new rows now (called after a transaction with events commits). */
    public void wakeUp() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    private void loop() {
        long backoffMillis = 0;
        while (running) {
            try {
                if (backoffMillis > 0) {
                    wakeUps.tryAcquire(backoffMillis, TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                }
                int count = relayOnce();
                if (kafkaWasDown) {
                    LOG.info("Kafka reachable again; outbox relay resumed");
                    kafkaWasDown = false;
                }
                backoffMillis = 0;
                cleanUpIfDue();
                if (count == 0) {
                    wakeUps.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception failure) {
                if (!kafkaWasDown) {
                    LOG.warnf("Outbox relay cannot publish, will retry: %s", failure.toString());
                    kafkaWasDown = true;
                } else {
                    LOG.debugf(failure, "Outbox relay still failing");
                }
                closeProducer();
                // the broker may come back empty (a new cluster): check the topics again
                topicsReady = false;
                backoffMillis = Math.min(
                        Math.max(200, backoffMillis * 2), config.maxBackoff().toMillis());
            }
        }
    }

    /** One pass over all buckets; returns how many events were published. */
    int relayOnce() throws Exception {
        ensureTopics();
        int total = 0;
        long stillPending = 0;
        for (int bucket = 0; bucket < config.buckets(); bucket++) {
            total += relayBucket(bucket);
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count =
                        connection.prepareStatement("select count(*) from outbox_event where published_at is null");
                ResultSet rs = count.executeQuery()) {
            rs.next();
            stillPending = rs.getLong(1);
        }
        pending.set(stillPending);
        return total;
    }

    private int relayBucket(int bucket) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (!tryLock(connection, bucket)) {
                    connection.rollback();
                    return 0;
                }
                List<Long> ids = new ArrayList<>();
                List<Future<RecordMetadata>> acks = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement(SELECT_PENDING)) {
                    select.setInt(1, bucket);
                    select.setInt(2, config.batchSize());
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            ids.add(rows.getLong(1));
                            acks.add(producer().send(toRecord(rows)));
                        }
                    }
                }
                if (ids.isEmpty()) {
                    connection.rollback();
                    return 0;
                }
                producer().flush();
                for (Future<RecordMetadata> ack : acks) {
                    ack.get(30, TimeUnit.SECONDS);
                }
                try (PreparedStatement mark =
                        connection.prepareStatement("update outbox_event set published_at = now() where id = any(?)")) {
                    Array array = connection.createArrayOf("bigint", ids.toArray());
                    mark.setArray(1, array);
                    mark.executeUpdate();
                }
                connection.commit();
                published.increment(ids.size());
                return ids.size();
            } catch (Exception failure) {
                safeRollback(connection);
                throw failure;
            }
        }
    }

    private static boolean tryLock(Connection connection, int bucket) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?, ?)")) {
            lock.setInt(1, LOCK_CLASS);
            lock.setInt(2, bucket);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private ProducerRecord<String, byte[]> toRecord(ResultSet row) throws SQLException {
        String eventId = row.getString(2);
        String topic = row.getString(3);
        String aggregateId = row.getString(4);
        String eventType = row.getString(5);
        OffsetDateTime occurredAt = row.getObject(6, OffsetDateTime.class);
        byte[] data = row.getString(7).getBytes(StandardCharsets.UTF_8);
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.SPEC_VERSION, bytes(CloudEventHeaders.SPEC_VERSION_1_0));
        headers.add(CloudEventHeaders.ID, bytes(eventId));
        headers.add(CloudEventHeaders.TYPE, bytes(eventType));
        headers.add(CloudEventHeaders.SOURCE, bytes(config.source()));
        headers.add(CloudEventHeaders.SUBJECT, bytes(aggregateId));
        headers.add(CloudEventHeaders.TIME, bytes(occurredAt.toInstant().toString()));
        headers.add(CloudEventHeaders.CONTENT_TYPE, bytes(CloudEventHeaders.JSON));
        return new ProducerRecord<>(topic, null, aggregateId, data, headers);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(
                    ProducerConfig.CLIENT_ID_CONFIG,
                    "outbox-relay-" + config.source().replace('/', '-'));
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15000);
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            producer = new KafkaProducer<>(props);
        }
        return producer;
    }

    private void closeProducer() {
        KafkaProducer<String, byte[]> current = producer;
        producer = null;
        if (current != null) {
            current.close(Duration.ZERO);
        }
    }

    private void ensureTopics() throws Exception {
        if (topicsReady) {
            return;
        }
        List<String> topics = config.createTopics().orElse(List.of());
        if (!topics.isEmpty()) {
            Map<String, Object> props = Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    bootstrapServers,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                    10000,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                    5000);
            try (Admin admin = Admin.create(props)) {
                for (String topic : topics) {
                    try {
                        admin.createTopics(List.of(
                                        new NewTopic(topic, config.topicPartitions(), config.topicReplicationFactor())))
                                .all()
                                .get(15, TimeUnit.SECONDS);
                        LOG.infof("Created topic %s with %d partitions", topic, config.topicPartitions());
                    } catch (java.util.concurrent.ExecutionException e) {
                        if (!(e.getCause() instanceof TopicExistsException)) {
                            throw e;
                        }
                    }
                }
            }
        }
        topicsReady = true;
    }

    private void cleanUpIfDue() throws SQLException {
        Instant now = Instant.now();
        if (now.isBefore(nextCleanup)) {
            return;
        }
        nextCleanup = now.plus(Duration.ofMinutes(10));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "delete from outbox_event where published_at < now() - make_interval(secs => ?)")) {
            delete.setLong(1, config.retention().toSeconds());
            int deleted = delete.executeUpdate();
            if (deleted > 0) {
                LOG.debugf("Deleted %d published outbox rows past retention", deleted);
            }
        }
    }

    private static void safeRollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is discarded anyway
        }
    }
}
