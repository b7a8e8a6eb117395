package cn.ruralwatch.messaging;

import cn.ruralwatch.failures.TransientFailures;
import cn.ruralwatch.sql.Sql;
import cn.ruralwatch.sql.Statement;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

/**
 * Events parked because they cannot be applied ({@code dead_letter}), and what an operator does with them: re-drive
 * one after the cause is fixed (applied through the inbox, so at most once, with the handler of its consumer and
 * topic), or discard it with a note. Every resolution is reported to a {@link Resolutions} listener inside the
 * transaction that makes it, so that the caller's audit entry and the change commit together.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};

    /** The states of a dead letter. */
    @Schema(name = "DeadLetterState", description = "死信状态")
    public enum State {
        /** 待处理: waiting for an operator. */
        PARKED,
        /** 已重新投递: applied after all (or found already applied). */
        REDRIVEN,
        /** 已放弃: an operator decided it is not to be applied, with a note. */
        DISCARDED
    }

    /** What a re-drive did. */
    @Schema(name = "DeadLetterRedriveOutcome", description = "死信重新投递的结果")
    public enum Outcome {
        /** 已应用 */
        APPLIED,
        /** 此前已应用（收件箱已有记录），未重复应用 */
        ALREADY_APPLIED,
        /** 仍然失败，保留待处理 */
        FAILED
    }

    public record DeadLetter(
            long id,
            String consumer,
            String topic,
            int partition,
            long offset,
            String key,
            String eventId,
            String eventType,
            String reason,
            int attempts,
            Instant parkedAt,
            State state,
            int redriveAttempts,
            Instant lastRedriveAt,
            Instant resolvedAt,
            String resolvedBy,
            String note) {}

    public record Redrive(DeadLetter deadLetter, Outcome outcome, String reason) {}

    /** Filters of a listing; {@code null} means any. */
    public record Filter(State state, String topic, String eventType) {}

    /** Told of each resolution inside the transaction that makes it (an audit entry belongs there). */
    public interface Resolutions {
        void redriven(DeadLetter before, Outcome outcome);

        void redriveFailed(DeadLetter before, String reason);

        void discarded(DeadLetter before, String note);
    }

    /** The dead letter does not exist (in this service). */
    public static class NotFound extends RuntimeException {
        public NotFound(long id) {
            super("dead letter " + id + " not found");
        }
    }

    /** The dead letter was already re-driven or discarded. */
    public static class NotParked extends RuntimeException {
        private final transient DeadLetter deadLetter;

        public NotParked(DeadLetter deadLetter) {
            super("dead letter " + deadLetter.id() + " is " + deadLetter.state());
            this.deadLetter = deadLetter;
        }

        public DeadLetter deadLetter() {
            return deadLetter;
        }
    }

    @Inject
    Sql sql;

    @Inject
    ObjectMapper mapper;

    @Inject
    Inbox inbox;

    @Inject
    @Any
    Instance<EventHandler> handlers;

    @Inject
    @Any
    Instance<PayloadProtection> protections;

    @Inject
    MeterRegistry registry;

    @Inject
    TransientRetry retry;

    private final AtomicLong parked = new AtomicLong();
    private final Map<State, AtomicLong> byState = new EnumMap<>(State.class);

    void start(@Observes StartupEvent startup) {
        Gauge.builder("dead.letters.parked", parked, AtomicLong::get)
                .description("Events parked as dead letters, waiting for an operator")
                .register(registry);
        for (State state : State.values()) {
            AtomicLong count = byState.computeIfAbsent(state, s -> new AtomicLong());
            Gauge.builder("dead.letters", count, AtomicLong::get)
                    .description("Dead letters of this service by state: parked, re-driven, discarded")
                    .tag("state", state.name())
                    .register(registry);
        }
        for (EventHandler handler : handlers) {
            retry.register(handler);
        }
        try {
            refreshCount();
        } catch (RuntimeException databaseAway) {
            LOG.debugf("Dead letters not counted yet: %s", databaseAway.toString());
        }
    }

    /** Parks a record in a transaction of its own; a record parked before (redelivered) is kept once. */
    void park(EventHandler handler, ConsumerRecord<String, String> record, String reason, int attempts) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            if (header.value() != null) {
                headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        String payload = record.value() == null ? null : protection().protect(record.topic(), record.value());
        QuarkusTransaction.requiringNew().run(() -> {
            try {
                sql.query("""
                                insert into dead_letter (consumer, topic, kafka_partition, kafka_offset, record_key,
                                    event_id, event_type, headers, payload, reason, attempts)
                                values (:consumer, :topic, :partition, :offset, :key, :eventId, :eventType,
                                        cast(:headers as jsonb), :payload, :reason, :attempts)
                                on conflict (consumer, topic, kafka_partition, kafka_offset) do nothing""")
                        .bind("consumer", handler.consumer())
                        .bind("topic", record.topic())
                        .bind("partition", record.partition())
                        .bind("offset", record.offset())
                        .bind("key", text(record.key()))
                        .bind("eventId", text(headers.get(CloudEventHeaders.ID)))
                        .bind("eventType", text(headers.get(CloudEventHeaders.TYPE)))
                        .bind("headers", mapper.writeValueAsString(headers).replace("\\u0000", ""))
                        .bind("payload", text(payload))
                        .bind("reason", text(reason))
                        .bind("attempts", attempts)
                        .execute();
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("headers of a dead letter could not be written", e);
            }
        });
        LOG.errorf(
                "Event %s (%s) at %s-%d@%d parked as a dead letter of %s: %s",
                headers.get(CloudEventHeaders.ID),
                headers.get(CloudEventHeaders.TYPE),
                record.topic(),
                record.partition(),
                record.offset(),
                handler.consumer(),
                reason);
        refreshCountQuietly();
    }

    public List<DeadLetter> find(Filter filter, long offset, int limit) {
        return filtered(SELECT + WHERE + " order by id limit :limit offset :offset", filter)
                .bind("limit", limit)
                .bind("offset", offset)
                .list(DeadLetter.class);
    }

    public long count(Filter filter) {
        return filtered("select count(*) from dead_letter" + WHERE, filter).count();
    }

    public Optional<DeadLetter> get(long id) {
        return sql.query(SELECT + " where id = :id").bind("id", id).first(DeadLetter.class);
    }

    private Statement filtered(String text, Filter filter) {
        return sql.query(text)
                .bind("state", filter.state() == null ? null : filter.state().name())
                .bind("topic", filter.topic())
                .bind("eventType", filter.eventType());
    }

    /**
     * Applies a parked event again, through the inbox of its consumer, and marks it re-driven; the listener is told
     * in the same transaction. When it fails again for a reason of its own, it stays parked with the new reason (the
     * listener is told of that too); a transient failure is thrown, so that the caller can be told to come back.
     */
    public Redrive redrive(long id, String actor, Resolutions listener) {
        try {
            Redrive done = QuarkusTransaction.requiringNew().call(() -> {
                DeadLetter before = lockParked(id);
                EventHandler handler = handlerFor(before);
                IncomingEvent event = IncomingEvent.from(recordOf(id, before));
                Outcome outcome =
                        inbox.applyOnce(handler, List.of(event)).isEmpty() ? Outcome.ALREADY_APPLIED : Outcome.APPLIED;
                resolve(id, State.REDRIVEN, actor, outcome == Outcome.ALREADY_APPLIED ? "此前已应用" : null);
                listener.redriven(before, outcome);
                return new Redrive(get(id).orElseThrow(), outcome, null);
            });
            refreshCountQuietly();
            return done;
        } catch (NotFound | NotParked | TransientRetry.Stopping notRedriven) {
            throw notRedriven;
        } catch (RuntimeException failure) {
            if (TransientFailures.isTransient(failure)) {
                throw failure;
            }
            String reason = Inbox.describe(failure);
            QuarkusTransaction.requiringNew().run(() -> {
                DeadLetter before = lockParked(id);
                sql.query("""
                                update dead_letter
                                   set redrive_attempts = redrive_attempts + 1, last_redrive_at = now(), reason = :reason
                                 where id = :id""").bind("id", id).bind("reason", reason).execute();
                listener.redriveFailed(before, reason);
            });
            return new Redrive(get(id).orElseThrow(), Outcome.FAILED, reason);
        }
    }

    /** Re-drives the parked dead letters matching the filter, oldest first, at most {@code limit} of them. */
    public List<Redrive> redriveAll(Filter filter, String actor, int limit, Resolutions listener) {
        Filter parkedOnly = new Filter(State.PARKED, filter.topic(), filter.eventType());
        List<Redrive> results = new ArrayList<>();
        for (DeadLetter deadLetter : find(parkedOnly, 0, limit)) {
            try {
                results.add(redrive(deadLetter.id(), actor, listener));
            } catch (NotParked resolvedMeanwhile) {
                // another operator resolved it in the meantime
            }
        }
        return results;
    }

    /** Marks a parked dead letter as not to be applied, with the operator's note. */
    public DeadLetter discard(long id, String actor, String note, Resolutions listener) {
        DeadLetter discarded = QuarkusTransaction.requiringNew().call(() -> {
            DeadLetter before = lockParked(id);
            resolve(id, State.DISCARDED, actor, note);
            listener.discarded(before, note);
            return get(id).orElseThrow();
        });
        refreshCountQuietly();
        return discarded;
    }

    private DeadLetter lockParked(long id) {
        DeadLetter deadLetter = sql.query(SELECT + " where id = :id for update")
                .bind("id", id)
                .first(DeadLetter.class)
                .orElseThrow(() -> new NotFound(id));
        if (deadLetter.state() != State.PARKED) {
            throw new NotParked(deadLetter);
        }
        return deadLetter;
    }

    private void resolve(long id, State state, String actor, String note) {
        sql.query("""
                        update dead_letter
                           set state = :state, resolved_at = now(), resolved_by = :actor, note = :note,
                               redrive_attempts = redrive_attempts + case when :state = 'REDRIVEN' then 1 else 0 end,
                               last_redrive_at = case when :state = 'REDRIVEN' then now() else last_redrive_at end
                         where id = :id""")
                .bind("id", id)
                .bind("state", state.name())
                .bind("actor", actor)
                .bind("note", note)
                .execute();
    }

    private EventHandler handlerFor(DeadLetter deadLetter) {
        for (EventHandler handler : handlers) {
            if (handler.consumer().equals(deadLetter.consumer())
                    && handler.topic().equals(deadLetter.topic())) {
                return handler;
            }
        }
        throw new IncomingEvent.MalformedEventException(
                "no handler of " + deadLetter.consumer() + " applies events of " + deadLetter.topic() + " any more");
    }

    private ConsumerRecord<String, String> recordOf(long id, DeadLetter deadLetter) {
        Stored stored = sql.query("select cast(headers as text) as headers, payload from dead_letter where id = :id")
                .bind("id", id)
                .first(Stored.class)
                .orElseThrow(() -> new NotFound(id));
        Map<String, String> headers;
        try {
            headers = mapper.readValue(stored.headers(), HEADERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("headers of dead letter " + id + " cannot be read", e);
        }
        RecordHeaders recordHeaders = new RecordHeaders();
        headers.forEach((name, value) -> recordHeaders.add(name, value.getBytes(StandardCharsets.UTF_8)));
        String payload = stored.payload() == null ? null : protection().reveal(deadLetter.topic(), stored.payload());
        return new ConsumerRecord<>(
                deadLetter.topic(),
                deadLetter.partition(),
                deadLetter.offset(),
                deadLetter.parkedAt().toEpochMilli(),
                TimestampType.CREATE_TIME,
                -1,
                -1,
                deadLetter.key(),
                payload,
                recordHeaders,
                Optional.empty());
    }

    private PayloadProtection protection() {
        Instance<PayloadProtection> chosen = protections;
        return chosen.isResolvable() ? chosen.get() : PayloadProtection.NONE;
    }

    private void refreshCount() {
        Map<String, Long> counts = new HashMap<>();
        sql.query("select state, count(*) as letters from dead_letter group by state")
                .list(StateCount.class)
                .forEach(row -> counts.put(row.state(), row.letters()));
        parked.set(counts.getOrDefault(State.PARKED.name(), 0L));
        byState.forEach((state, count) -> count.set(counts.getOrDefault(state.name(), 0L)));
    }

    private record StateCount(String state, long letters) {}

    private void refreshCountQuietly() {
        try {
            QuarkusTransaction.requiringNew().run(this::refreshCount);
        } catch (RuntimeException e) {
            LOG.debugf("Dead letters not counted: %s", e.toString());
        }
    }

    /** The columns of a {@link DeadLetter}, by its components' names. */
    private static final String SELECT = """
            select id, consumer, topic, kafka_partition as partition, kafka_offset as "offset", record_key as key,
                   event_id, event_type, reason, attempts, parked_at, state, redrive_attempts, last_redrive_at,
                   resolved_at, resolved_by, note
            from dead_letter""";

    /** The filter's conditions; a null parameter matches any value. */
    private static final String WHERE = """

                where (cast(:state as text) is null or state = cast(:state as text))
                   and (cast(:topic as text) is null or topic = cast(:topic as text))
                   and (cast(:eventType as text) is null or event_type = cast(:eventType as text))""";

    /** What a re-drive reads back: the headers (JSON) and the payload as parked. */
    private record Stored(String headers, String payload) {}

    /** PostgreSQL text cannot hold NUL: a record from another system may. */
    private static String text(String value) {
        return value == null ? null : value.replace("\u0000", "\\u0000");
    }
}
