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

    /** Whether this thread counts among {@link #BULK_THREADS}: it entered the bulk lane, not only follows it. */
    private static final ThreadLocal<Boolean> COUNTED = ThreadLocal.withInitial(() -> false);

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
        boolean wasCounted = COUNTED.get();
        boolean counted = this == BULK;
        CURRENT.set(this);
        COUNTED.set(counted);
        int change = (counted ? 1 : 0) - (wasCounted ? 1 : 0);
        BULK_THREADS.addAndGet(change);
        return () -> {
            CURRENT.set(previous);
            COUNTED.set(wasCounted);
            BULK_THREADS.addAndGet(-change);
        };
    }

    /**
     * Runs work that follows from work of this lane — an event a consumer applies — in it until the scope is closed:
     * what it writes is in the same lane, but it is not bulk work of this process ({@link #bulkWorkRunning} does not
     * see it), so the relay paces its bulk events by their consumers' lag only.
     */
    public Scope follow() {
        Lane previous = CURRENT.get();
        CURRENT.set(this);
        return () -> CURRENT.set(previous);
    }

    /** A lane entered on this thread. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
