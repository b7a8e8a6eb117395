package cn.ruralwatch.tracing;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Which lane work runs in: {@link #INTERACTIVE}, a person or system waiting for an answer (a request, and what it
 * causes), or {@link #BULK}, work nobody waits on row by row (a background job: an import, a re-evaluation, a
 * republication). The outbox keeps the lane with each event: the relay publishes interactive events at once and paces
 * bulk ones after the bulk work of the service has ended and as fast as their consumers keep up, so that one household
 * registered by a person during a county's import is not queued behind the import's thousands, and the import does not
 * share the machine with the processing of its own events.
 *
 * <p>The lane of the current thread; interactive unless the thread is inside {@link #enter}.
 */
public enum Lane {
    INTERACTIVE,
    BULK;

    private static final ThreadLocal<Lane> CURRENT = ThreadLocal.withInitial(() -> INTERACTIVE);

    /** Threads of this process in the bulk lane now. */
    private static final AtomicInteger BULK_THREADS = new AtomicInteger();

    /** The lane of the work on this thread. */
    public static Lane current() {
        return CURRENT.get();
    }

    /** Whether bulk work (a background job) runs in this process now. */
    public static boolean bulkWorkRunning() {
        return BULK_THREADS.get() > 0;
    }

    /** Runs the work on this thread in this lane until the scope is closed, which restores the previous lane. */
    public Scope enter() {
        Lane previous = CURRENT.get();
        CURRENT.set(this);
        int change = (this == BULK ? 1 : 0) - (previous == BULK ? 1 : 0);
        BULK_THREADS.addAndGet(change);
        return () -> {
            CURRENT.set(previous);
            BULK_THREADS.addAndGet(-change);
        };
    }

    /** A lane entered on this thread. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
