package cn.ruralwatch.messaging;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs the {@link OutboxPublisher} of this instance: right after a transaction with events commits, every poll
 * interval otherwise, and with growing pauses while Kafka cannot be reached. Several instances may each run one.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutboxConfig config;

    @Inject
    MeterRegistry registry;

    @Inject
    Tracer tracer;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final Semaphore wakeUps = new Semaphore(0);
    private final AtomicLong pending = new AtomicLong();
    private volatile boolean running;
    private volatile Thread worker;
    private OutboxPublisher publisher;
    private Counter published;

    void start(@Observes @Priority(1000) StartupEvent startup) {
        published = Counter.builder("outbox.events.published")
                .description("Outbox events published to Kafka")
                .register(registry);
        registry.gauge("outbox.events.pending", pending);
        if (!config.relayEnabled()) {
            LOG.info("Outbox relay disabled on this instance");
            return;
        }
        publisher = new OutboxPublisher(dataSource, settings(), tracer);
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
    }

    /** Asks the relay to look for new rows now (called after a transaction with events commits). */
    public void wakeUp() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    private void loop() {
        long backoffMillis = 0;
        boolean kafkaDown = false;
        Instant nextCleanup = Instant.EPOCH;
        while (running) {
            try {
                if (backoffMillis > 0) {
                    wakeUps.tryAcquire(backoffMillis, TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                }
                int count = publisher.publishPending();
                published.increment(count);
                pending.set(publisher.pendingCount());
                if (kafkaDown) {
                    LOG.info("Kafka reachable again; outbox relay resumed");
                    kafkaDown = false;
                }
                backoffMillis = 0;
                if (Instant.now().isAfter(nextCleanup)) {
                    nextCleanup = Instant.now().plus(Duration.ofMinutes(10));
                    publisher.deletePublishedBefore(config.retention());
                }
                if (count == 0) {
                    wakeUps.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception failure) {
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
