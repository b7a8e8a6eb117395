package cn.ruralwatch.messaging;

import java.util.List;

/**
 * What a service does with the events of one topic. The {@link Inbox} applies it at most once per event, retries it
 * while a failure is transient and parks the event as a dead letter when it never can be applied; the dead letter
 * is re-driven later through the same handler, found by {@link #consumer()} and {@link #topic()}.
 */
public interface EventHandler {

    /** The consumer's name in {@code inbox_event} and {@code dead_letter} (usually the service's name). */
    String consumer();

    /** The topic whose events this handler applies. */
    String topic();

    /**
     * Applies events not yet applied by this consumer, in their order, inside the caller's transaction. A handler that
     * applies events one at a time is called with one event.
     */
    void apply(List<IncomingEvent> events) throws Exception;
}
