package cn.ruralwatch.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Idempotent consumption. Each event is applied in its own transaction together with a row in {@code inbox_event}; an
 * event already recorded there is skipped, so redeliveries and relay retries change nothing. A failing event is tried
 * again a few times; then the exception propagates, the message is nacked and the channel's dead-letter strategy
 * publishes it with the reason.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "ruralwatch.inbox.attempts", defaultValue = "3")
    int attempts;

    /** Applies one event at most once for this consumer. */
    @FunctionalInterface
    public interface Handler {
        void apply(IncomingEvent event) throws Exception;
    }

    public void process(String consumer, ConsumerRecord<String, String> record, Handler handler) {
        IncomingEvent event = IncomingEvent.from(record);
        RuntimeException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> applyOnce(consumer, event, handler));
                return;
            } catch (IncomingEvent.MalformedEventException malformed) {
                // no retry makes it readable
                throw new EventProcessingException(event, malformed);
            } catch (RuntimeException failure) {
                last = failure;
                LOG.warnf(
                        "Event %s (%s) failed in %s, attempt %d of %d: %s",
                        event.id(), event.type(), consumer, attempt, attempts, failure.toString());
            }
        }
        throw new EventProcessingException(event, last);
    }

    private void applyOnce(String consumer, IncomingEvent event, Handler handler) {
        int recorded = entityManager
                .createNativeQuery(
                        "insert into inbox_event (consumer, event_id, event_type) values (?1, ?2, ?3) on conflict do nothing")
                .setParameter(1, consumer)
                .setParameter(2, event.id())
                .setParameter(3, event.type())
                .executeUpdate();
        if (recorded == 0) {
            LOG.debugf("Event %s already applied by %s", event.id(), consumer);
            return;
        }
        try {
            handler.apply(event);
        } catch (RuntimeException e) {
            throw e;
        } catch (JsonProcessingException unreadable) {
            throw new IncomingEvent.MalformedEventException(
                    "data of " + event.type() + " does not match its schema: " + unreadable.getOriginalMessage());
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Raised when an event still fails after all attempts; its message becomes the dead letter's reason. */
    public static class EventProcessingException extends RuntimeException {
        public EventProcessingException(IncomingEvent event, Throwable cause) {
            super(
                    "event " + event.id() + " of type " + event.type() + " failed: "
                            + (cause == null ? "unknown" : cause.getMessage()),
                    cause);
        }
    }
}
