package cn.ruralwatch.messaging;

import cn.ruralwatch.tracing.Cause;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
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

/**
 * Publishes outbox rows to Kafka as CloudEvents (binary mode: {@code ce_*} headers, JSON data, key = aggregate id) with
 * an idempotent producer and {@code acks=all}.
 *
 * <p>Rows are spread over buckets by aggregate id. For each bucket the publisher takes a transaction-scoped advisory
 * lock, sends the bucket's pending rows in id order, waits for every acknowledgement and only then marks them published
 * and commits. Another publisher (a second replica) skips a bucket that is locked, so one aggregate's events are never
 * sent by two publishers at once and keep their order. A failure rolls the batch back: its rows are sent again later,
 * and consumers drop the duplicates by event id.
 *
 * <p>An event that names where its data is instead of holding it ({@link Outbox.Message#referencing}) gets its payload
 * built as it is published, in the transaction that marks it published ({@link OutboxPayloads}).
 *
 * <p>An event written in a span (a request's, an applied event's, a job's) is published in a {@code <topic> publish}
 * span, a child of that one, whose trace context it carries ({@code ce_traceparent}, {@code ce_tracestate}), with the
 * request id of the request behind it ({@code ce_requestid}).
 */
public final class OutboxPublisher implements AutoCloseable {

    /** Most bulk rows a bucket sends in one transaction while the bulk lane is paced. */
    private static final int BULK_PORTION = 100;

    /**
     * The two-key advisory lock on one bucket of the outbox table the connection sees: the first key names the table by
     * its schema, the second is the bucket. Publishers of the same table exclude each other; a publisher of another
     * schema's outbox in the same database does not wait for them, nor they for it.
     */
    private static final String LOCK_BUCKET =
            "select pg_try_advisory_xact_lock(hashtext('outbox_event@' || current_schema()), ?)";

    private static final String COLUMNS = """
            select id, event_id, topic, aggregate_id, event_type, occurred_at, payload::text, payload_ref,
                   traceparent, tracestate, request_id, bulk
              from outbox_event o
            """;

    /** A bucket's waiting rows in order, interactive and bulk: published while the bulk lane has room. */
    private static final String SELECT_PENDING = COLUMNS + """
             where published_at is null and bucket = ?
             order by id
             limit ?
            """;

    /**
     * A bucket's waiting interactive rows, published whether or not the bulk lane has room; except those of an
     * aggregate with an earlier bulk row still waiting, which keep their place behind it.
     */
    private static final String SELECT_INTERACTIVE = COLUMNS + """
             where published_at is null and not bulk and bucket = ?
               and not exists (select 1 from outbox_event b
                                where b.published_at is null and b.bulk and b.aggregate_id = o.aggregate_id
                                  and b.id < o.id)
             order by id
             limit ?
            """;

    /** What a publisher needs to know. */
    public record Settings(
            String source,
            String bootstrapServers,
            int buckets,
            int batchSize,
            List<String> createTopics,
            int topicPartitions,
            short topicReplicationFactor) {}

    private final DataSource dataSource;
    private final Settings settings;
    private final OutboxPayloads payloads;
    private final Tracer tracer;
    private KafkaProducer<String, byte[]> producer;
    private boolean topicsReady;
    private final Set<String> bulkTopics = ConcurrentHashMap.newKeySet();
    private int firstBulkBucket;

    /**
     * @param payloads what builds the payloads of the events that name where their data is instead of holding it
     */
    public OutboxPublisher(DataSource dataSource, Settings settings, OutboxPayloads payloads, Tracer tracer) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.payloads = payloads;
        this.tracer = tracer;
    }

    /** A publisher that records no spans of its own: its events carry the trace context they were written in. */
    public OutboxPublisher(DataSource dataSource, Settings settings, OutboxPayloads payloads) {
        this(dataSource, settings, payloads, OpenTelemetry.noop().getTracer("outbox"));
    }

    /**
     * What one pass published.
     *
     * @param interactive interactive rows published ahead of the bulk lane
     * @param inOrder rows published in order, interactive and bulk, within the bulk lane's room
     * @param bulkHeldBack whether the bulk lane ran out of room, so that rows may be waiting for it
     */
    public record Pass(int interactive, int inOrder, boolean bulkHeldBack) {

        public int published() {
            return interactive + inOrder;
        }
    }

    /** How many events the bulk lane may publish now; asked once a pass, after its interactive rows have left. */
    @FunctionalInterface
    public interface Room {
        long available() throws Exception;

        /**
         * Whether the bulk lane is held from now on (bulk work of the service began): looked at again before each
         * bucket, so that a pass under way when a job starts does not publish the job's first events.
         */
        default boolean held() {
            return false;
        }
    }

    /** One pass over all buckets, the bulk lane unbounded; returns how many events were published. */
    public int publishPending() throws Exception {
        return publishPending(() -> Long.MAX_VALUE, () -> false).published();
    }

    /**
     * One pass over all buckets: first the interactive rows not waiting behind a bulk row of their aggregate, then
     * every bucket's rows in order until {@code bulkRoom} rows have been published. Before each bucket of the bulk part
     * and after the last, the interactive rows are looked for again whenever {@code interactiveWaiting} says some were
     * committed since, so that a person's change waits for at most one bucket's publishing (a portion of at most 100
     * rows while the bulk lane is paced).
     */
    public Pass publishPending(Room bulkRoom, BooleanSupplier interactiveWaiting) throws Exception {
        try {
            ensureTopics();
            int interactive = publishInteractive();
            int inOrder = 0;
            long room = bulkRoom.available();
            // little room is shared out from a bucket that moves on with every pass, so that no bucket waits for all
            // the others to empty; a paced bucket sends at most BULK_PORTION rows at a time, the most a person's
            // change committed meanwhile waits for
            for (int i = 0; i < settings.buckets() && room > 0; i++) {
                if (interactiveWaiting.getAsBoolean()) {
                    interactive += publishInteractive();
                }
                if (bulkRoom.held()) {
                    room = 0;
                    break;
                }
                int bucket = (firstBulkBucket + i) % settings.buckets();
                long portion = room == Long.MAX_VALUE ? settings.batchSize() : Math.min(room, BULK_PORTION);
                int published = publishBucket(bucket, SELECT_PENDING, (int) Math.min(settings.batchSize(), portion));
                inOrder += published;
                room -= published;
            }
            if (interactiveWaiting.getAsBoolean()) {
                interactive += publishInteractive();
            }
            firstBulkBucket = (firstBulkBucket + 1) % settings.buckets();
            return new Pass(interactive, inOrder, room <= 0);
        } catch (Exception failure) {
            // start over with a new producer; the broker may also come back empty, so check the topics again
            closeProducer();
            topicsReady = false;
            throw failure;
        }
    }

    private int publishInteractive() throws Exception {
        int published = 0;
        for (int bucket : bucketsWithInteractiveRows()) {
            published += publishBucket(bucket, SELECT_INTERACTIVE, settings.batchSize());
        }
        return published;
    }

    /** The topics this publisher has published bulk rows to: those whose consumers pace the bulk lane. */
    public Set<String> bulkTopics() {
        return Set.copyOf(bulkTopics);
    }

    /** The buckets with interactive rows waiting, in order: read from their index, past any number of bulk rows. */
    private List<Integer> bucketsWithInteractiveRows() throws SQLException {
        List<Integer> buckets = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select distinct bucket from outbox_event where published_at is null and not bulk order by 1");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                buckets.add(rows.getInt(1));
            }
        }
        return buckets;
    }

    public long pendingCount() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count =
                        connection.prepareStatement("select count(*) from outbox_event where published_at is null");
                ResultSet rs = count.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Deletes published rows older than the retention; returns how many. */
    public int deletePublishedBefore(Duration retention) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "delete from outbox_event where published_at < now() - make_interval(secs => ?)")) {
            delete.setLong(1, retention.toSeconds());
            return delete.executeUpdate();
        }
    }

    private int publishBucket(int bucket, String select, int limit) throws Exception {
        List<Span> spans = new ArrayList<>();
        try {
            return publishBucket(bucket, select, limit, spans);
        } catch (Exception failure) {
            spans.forEach(span -> EventSpans.failed(span, failure));
            throw failure;
        } finally {
            spans.forEach(Span::end);
        }
    }

    private int publishBucket(int bucket, String query, int limit, List<Span> spans) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (!tryLock(connection, bucket)) {
                    connection.rollback();
                    return 0;
                }
                List<Pending> rows = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement(query)) {
                    select.setInt(1, bucket);
                    select.setInt(2, limit);
                    try (ResultSet row = select.executeQuery()) {
                        while (row.next()) {
                            rows.add(Pending.of(row));
                        }
                    }
                }
                if (rows.isEmpty()) {
                    connection.rollback();
                    return 0;
                }
                List<String> data = payloads.of(
                        connection,
                        rows.stream().map(Pending::payload).toList(),
                        rows.stream().map(Pending::reference).toList());
                List<Long> ids = new ArrayList<>(rows.size());
                List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
                for (int i = 0; i < rows.size(); i++) {
                    Pending row = rows.get(i);
                    ids.add(row.id());
                    acks.add(producer().send(toRecord(row, data.get(i), spans)));
                    if (row.bulk()) {
                        bulkTopics.add(row.topic());
                    }
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
                return ids.size();
            } catch (Exception failure) {
                try {
                    connection.rollback();
                } catch (SQLException ignored) {
                    // the connection is discarded anyway
                }
                throw failure;
            }
        }
    }

    private static boolean tryLock(Connection connection, int bucket) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(LOCK_BUCKET)) {
            lock.setInt(1, bucket);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** An outbox row waiting to be published: its payload, or the reference its payload is built from. */
    private record Pending(
            long id,
            String eventId,
            String topic,
            String aggregateId,
            String eventType,
            OffsetDateTime occurredAt,
            String payload,
            String reference,
            Cause written,
            boolean bulk) {

        static Pending of(ResultSet row) throws SQLException {
            return new Pending(
                    row.getLong(1),
                    row.getString(2),
                    row.getString(3),
                    row.getString(4),
                    row.getString(5),
                    row.getObject(6, OffsetDateTime.class),
                    row.getString(7),
                    row.getString(8),
                    new Cause(row.getString(9), row.getString(10), row.getString(11)),
                    row.getBoolean(12));
        }
    }

    private ProducerRecord<String, byte[]> toRecord(Pending row, String payload, List<Span> spans) {
        Cause written = row.written();
        Cause published = written;
        if (written.traceparent() != null) {
            Span span = EventSpans.publish(tracer, row.topic(), row.eventId(), row.eventType(), written);
            spans.add(span);
            if (span.getSpanContext().isValid()) {
                published = EventSpans.causeIn(span, written.requestId());
            }
        }
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.SPEC_VERSION, bytes(CloudEventHeaders.SPEC_VERSION_1_0));
        headers.add(CloudEventHeaders.ID, bytes(row.eventId()));
        headers.add(CloudEventHeaders.TYPE, bytes(row.eventType()));
        headers.add(CloudEventHeaders.SOURCE, bytes(settings.source()));
        headers.add(CloudEventHeaders.SUBJECT, bytes(row.aggregateId()));
        headers.add(CloudEventHeaders.TIME, bytes(row.occurredAt().toInstant().toString()));
        headers.add(CloudEventHeaders.CONTENT_TYPE, bytes(CloudEventHeaders.JSON));
        if (published.traceparent() != null) {
            headers.add(CloudEventHeaders.TRACEPARENT, bytes(published.traceparent()));
        }
        if (published.tracestate() != null) {
            headers.add(CloudEventHeaders.TRACESTATE, bytes(published.tracestate()));
        }
        if (published.requestId() != null) {
            headers.add(CloudEventHeaders.REQUEST_ID, bytes(published.requestId()));
        }
        if (row.bulk()) {
            headers.add(CloudEventHeaders.LANE, bytes(CloudEventHeaders.BULK));
        }
        return new ProducerRecord<>(row.topic(), null, row.aggregateId(), bytes(payload), headers);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
            props.put(
                    ProducerConfig.CLIENT_ID_CONFIG,
                    "outbox" + settings.source().replace('/', '-'));
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
        if (!settings.createTopics().isEmpty()) {
            Map<String, Object> props = Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
            try (Admin admin = Admin.create(props)) {
                for (String topic : settings.createTopics()) {
                    try {
                        admin.createTopics(List.of(new NewTopic(
                                        topic, settings.topicPartitions(), settings.topicReplicationFactor())))
                                .all()
                                .get(15, TimeUnit.SECONDS);
                    } catch (ExecutionException e) {
                        if (!(e.getCause() instanceof TopicExistsException)) {
                            throw e;
                        }
                    }
                }
            }
        }
        topicsReady = true;
    }

    @Override
    public void close() {
        closeProducer();
    }
}
