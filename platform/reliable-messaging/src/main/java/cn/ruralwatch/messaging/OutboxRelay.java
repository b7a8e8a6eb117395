package cn.ruralwatch.messaging;

import cn.ruralwatch.tracing.Lane;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs the {@link OutboxPublisher} of this instance: right after a transaction with events commits, every poll
 * interval otherwise, and with growing pauses while Kafka cannot be reached. Several instances may each run one.
 *
 * <p>Two lanes ({@link Lane}): interactive events are published as soon as they are committed, ahead of a pass's bulk
 * events and between its buckets; bulk events (a
 * background job's) once no job of this process runs and while their consumers have fewer than {@code bulk-lag-limit}
 * events waiting, the lag looked at again every {@code bulk-lag-interval} while they wait. An import then runs at its
 * own speed, its events wait in the outbox rather than in Kafka, and a person's change published meanwhile is queued
 * behind at most the limit. While people work (for {@code interactive-window} after a person's change with events
 * committed in this process) the limit is {@code bulk-lag-limit-while-interactive}, smaller: the next person's event
 * then meets fewer bulk events in each consumer (at too small a limit the consumers wait for the relay between their
 * batches, and catch up with the bulk work more slowly: docs/reports.md).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /** How often the pending gauge is refreshed at most while the relay drains a backlog. */
    private static final Duration PENDING_COUNT_INTERVAL = Duration.ofSeconds(5);

    /**
     * The count's share of a draining relay's time, at most one part in this many: a backlog an import left, its rows
     * not yet vacuumed, takes a third of a second and more to count, and is then counted less often.
     */
    static final int PENDING_COUNT_SHARE = 50;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutboxConfig config;

    @Inject
    MeterRegistry registry;

    @Inject
    Tracer tracer;

    @Inject
    @Any
    Instance<ReferencedPayloads> referencedPayloads;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final Semaphore wakeUps = new Semaphore(0);
    private final AtomicLong pending = new AtomicLong();
    private final AtomicBoolean interactiveWaiting = new AtomicBoolean();
    /** {@link System#nanoTime()} of the last person's change with events committed in this process, if any. */
    private volatile long lastInteractive;

    private volatile boolean interactiveSeen;
    private volatile boolean running;
    private volatile Thread worker;
    private OutboxPublisher publisher;
    private ConsumerLag lag;
    private boolean bulkHeldBack;
    private Counter published;

    /**
     * When a draining relay counts its pending rows next, after a count that took {@code took}: after
     * {@link #PENDING_COUNT_INTERVAL}, or after {@link #PENDING_COUNT_SHARE} times the count's own time if that is longer.
     */
    static Instant nextPendingCount(Instant counted, Duration took) {
        Duration spaced = took.multipliedBy(PENDING_COUNT_SHARE);
        return counted.plus(spaced.compareTo(PENDING_COUNT_INTERVAL) > 0 ? spaced : PENDING_COUNT_INTERVAL);
    }

    void start(@Observes @Priority(1000) StartupEvent startup) {
        published = Counter.builder("outbox.events.published")
                .description("Outbox events published to Kafka")
                .register(registry);
        registry.gauge("outbox.events.pending", pending);
        if (!config.relayEnabled()) {
            LOG.info("Outbox relay disabled on this instance");
            return;
        }
        publisher = new OutboxPublisher(dataSource, settings(), payloads(), tracer);
        lag = new ConsumerLag(bootstrapServers);
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::loop);
    }

    /** The publisher settings of this service, e.g. for a second publisher in tests. */
    public OutboxPublisher.Settings settings() {
        return new OutboxPublisher.Settings(
                config.source(),
                bootstrapServers,
                config.buckets(),
                config.batchSize(),
                config.createTopics().orElse(List.of()),
                config.topicPartitions(),
                config.topicReplicationFactor());
    }

    /** What builds the payloads of this service's events that name where their data is, e.g. for a test's reading. */
    public OutboxPayloads payloads() {
        return new OutboxPayloads(referencedPayloads);
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
        if (publisher != null) {
            publisher.close();
        }
        if (lag != null) {
            lag.close();
        }
    }

    /**
     * The most events the consumers of the bulk lane may have waiting: {@code limit}, or while people work (a person's
     * change committed less than {@code window} before {@code now}) the smaller of it and {@code whileInteractive}, at
     * least one. 0 or less: not paced.
     *
     * @param now {@link System#nanoTime()}
     * @param lastInteractive {@link System#nanoTime()} of the last person's change, or {@code null} if none yet
     */
    static long lagLimit(long limit, long whileInteractive, Duration window, long now, Long lastInteractive) {
        if (limit <= 0 || lastInteractive == null || now - lastInteractive >= window.toNanos()) {
            return limit;
        }
        return Math.max(1, Math.min(limit, whileInteractive));
    }

    /**
     * How many events the bulk lane may publish now: none while a background job of this service runs (unless
     * {@code hold-bulk-while-jobs-run} is off); otherwise the lag limit ({@link #lagLimit}) less the greatest lag of a
     * consumer group reading the topics bulk events went to. Unbounded when pacing is off; the whole limit until bulk
     * events have been published (no consumers known to ask about) or while none waited for room in the last pass.
     */
    private long bulkRoom() throws Exception {
        if (heldForJobs()) {
            return 0;
        }
        long limit = lagLimit(
                config.bulkLagLimit(),
                config.bulkLagLimitWhileInteractive(),
                config.interactiveWindow(),
                System.nanoTime(),
                interactiveSeen ? lastInteractive : null);
        if (limit <= 0) {
            return Long.MAX_VALUE;
        }
        if (!bulkHeldBack) {
            return limit;
        }
        return Math.max(0, limit - lag.greatest(publisher.bulkTopics()));
    }

    /** Whether bulk events wait because a background job of this process runs. */
    private boolean heldForJobs() {
        return config.holdBulkWhileJobsRun() && Lane.bulkWorkRunning();
    }

    /** The bulk lane's room for a pass, and whether a job began since it was asked. */
    private final OutboxPublisher.Room room = new OutboxPublisher.Room() {
        @Override
        public long available() throws Exception {
            return bulkRoom();
        }

        @Override
        public boolean held() {
            return heldForJobs();
        }
    };

    /** Asks the relay to look for new rows now (called after a transaction with events commits). */
    public void wakeUp() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    /**
     * Tells the relay that interactive events were committed: published next, also between the buckets of a bulk pass
     * under way.
     */
    public void interactiveCommitted() {
        lastInteractive = System.nanoTime();
        interactiveSeen = true;
        interactiveWaiting.set(true);
        wakeUp();
    }

    private void loop() {
        long backoffMillis = 0;
        boolean kafkaDown = false;
        Instant nextCleanup = Instant.EPOCH;
        Instant nextCount = Instant.EPOCH;
        while (running) {
            try {
                if (backoffMillis > 0) {
                    wakeUps.tryAcquire(backoffMillis, TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                }
                // the pass publishes the interactive rows first, then asks for the bulk lane's room (a round trip to
                // Kafka), and looks for interactive rows again after each bucket of bulk rows when some were committed
                interactiveWaiting.set(false);
                OutboxPublisher.Pass pass = publisher.publishPending(room, () -> interactiveWaiting.getAndSet(false));
                int count = pass.published();
                published.increment(count);
                // counting the pending rows reads every one of them (an import leaves tens of thousands): counted
                // when the relay has caught up, and while a backlog drains or waits for room at most every
                // PENDING_COUNT_INTERVAL, and less often when the count itself is slow
                if ((count == 0 && !pass.bulkHeldBack()) || Instant.now().isAfter(nextCount)) {
                    Instant countFrom = Instant.now();
                    pending.set(publisher.pendingCount());
                    Instant counted = Instant.now();
                    nextCount = nextPendingCount(counted, Duration.between(countFrom, counted));
                }
                if (kafkaDown) {
                    LOG.info("Kafka reachable again; outbox relay resumed");
                    kafkaDown = false;
                }
                backoffMillis = 0;
                if (Instant.now().isAfter(nextCleanup)) {
                    nextCleanup = Instant.now().plus(Duration.ofMinutes(10));
                    publisher.deletePublishedBefore(config.retention());
                }
                bulkHeldBack = pass.bulkHeldBack();
                if (bulkHeldBack) {
                    // bulk events wait for the consumers; a commit with interactive ones wakes the relay at once
                    wakeUps.tryAcquire(config.bulkLagInterval().toMillis(), TimeUnit.MILLISECONDS);
                } else if (count == 0) {
                    wakeUps.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception failure) {
                lag.reset();
                if (!kafkaDown) {
                    LOG.warnf("Outbox relay cannot publish, will retry: %s", failure.toString());
                    kafkaDown = true;
                } else {
                    LOG.debugf(failure, "Outbox relay still failing");
                }
                backoffMillis = Math.min(
                        Math.max(200, backoffMillis * 2), config.maxBackoff().toMillis());
            }
        }
    }
}
