package cn.ruralwatch.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Waits out transient failures of a consumer: pauses with a growing backoff and lets the consumer try the same events
 * again, for as long as the failure lasts. The consumer's partitions are not read further meanwhile, so order is kept
 * and the lag grows (visible in the Kafka client's lag metrics); the service stays healthy. Each consumer and topic
 * shows whether it is waiting ({@code inbox.retrying}) and how often it retried ({@code inbox.transient.retries}).
 */
@ApplicationScoped
public class TransientRetry {

    private static final Logger LOG = Logger.getLogger(TransientRetry.class);

    @Inject
    InboxConfig config;

    @Inject
    MeterRegistry registry;

    private final CountDownLatch shutdown = new CountDownLatch(1);
    private final Map<String, AtomicInteger> retrying = new ConcurrentHashMap<>();

    void stopping(@Observes ShutdownEvent event) {
        shutdown.countDown();
    }

    /** Raised instead of waiting further when the service stops: the events stay unacknowledged and come again. */
    public static class Stopping extends RuntimeException {
        Stopping(String what) {
            super(what + " not applied: the service is stopping; the events will be delivered again");
        }
    }

    /** One run of waiting for one piece of work (an event or a batch). */
    public final class Wait {
        private final EventHandler handler;
        private final String what;
        private final Instant since = Instant.now();
        private int attempts;
        private AtomicInteger gauge;

        private Wait(EventHandler handler, String what) {
            this.handler = handler;
            this.what = what;
        }

        /** Pauses after a transient failure; the caller then tries again. */
        public void pause(String reason, Throwable failure) {
            attempts++;
            if (gauge == null) {
                gauge = gauge(handler);
                gauge.incrementAndGet();
            }
            Counter.builder("inbox.transient.retries")
                    .description("Attempts at events repeated after a transient failure")
                    .tags("consumer", handler.consumer(), "topic", handler.topic(), "reason", reason)
                    .register(registry)
                    .increment();
            Duration backoff = backoff(attempts);
            // the first failure and then one line a minute or so: an outage of an hour must not flood the log
            if (attempts == 1
                    || attempts
                                    % Math.max(
                                            1,
                                            60_000
                                                    / Math.max(
                                                            1,
                                                            config.maxBackoff().toMillis()))
                            == 0) {
                LOG.warnf(
                        "%s of %s on %s: %s (%s); waiting %d ms and trying again (attempt %d, since %s)",
                        what,
                        handler.consumer(),
                        handler.topic(),
                        reason,
                        failure.toString(),
                        backoff.toMillis(),
                        attempts + 1,
                        since);
            }
            try {
                if (shutdown.await(backoff.toMillis(), TimeUnit.MILLISECONDS)) {
                    done();
                    throw new Stopping(what);
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                done();
                throw new Stopping(what);
            }
        }

        /** The work went through (or was parked): the consumer no longer waits. */
        public void done() {
            if (gauge != null) {
                gauge.decrementAndGet();
                gauge = null;
                if (attempts > 0) {
                    LOG.infof(
                            "%s of %s on %s applied after %d attempts (%s s)",
                            what,
                            handler.consumer(),
                            handler.topic(),
                            attempts + 1,
                            Duration.between(since, Instant.now()).toSeconds());
                }
            }
        }

        public void checkRunning() {
            if (shutdown.getCount() == 0) {
                done();
                throw new Stopping(what);
            }
        }
    }

    public Wait start(EventHandler handler, String what) {
        return new Wait(handler, what);
    }

    private Duration backoff(int attempts) {
        long initial = Math.max(1, config.initialBackoff().toMillis());
        long max = Math.max(initial, config.maxBackoff().toMillis());
        long exponential = initial << Math.min(attempts - 1, 20);
        long capped = Math.min(max, exponential);
        // up to a fifth less, so that the consumers of several services do not all come back in the same instant
        return Duration.ofMillis(capped - ThreadLocalRandom.current().nextLong(capped / 5 + 1));
    }

    /** Shows the consumer's {@code inbox.retrying} gauge from the start (0 while it is not waiting). */
    public void register(EventHandler handler) {
        gauge(handler);
    }

    private AtomicInteger gauge(EventHandler handler) {
        return retrying.computeIfAbsent(handler.consumer() + "\u0000" + handler.topic(), key -> {
            AtomicInteger value = new AtomicInteger();
            registry.gauge(
                    "inbox.retrying",
                    io.micrometer.core.instrument.Tags.of("consumer", handler.consumer(), "topic", handler.topic()),
                    value);
            return value;
        });
    }
}
