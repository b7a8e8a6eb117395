package cn.ruralwatch.tracing;

/**
 * Which lane work runs in: {@link #INTERACTIVE}, a person or system waiting for an answer (a request, and what it
 * causes), or {@link #BULK}, work nobody waits on row by row (a background job: an import, a re-evaluation, a
 * republication). The outbox keeps the lane with each event: the relay publishes interactive events at once and paces
 * bulk ones to what their consumers keep up with, so that one household registered by a person during a county's
 * import is not queued behind the import's thousands.
 *
 * <p>The lane of the current thread; interactive unless the thread is inside {@link #enter}.
 */
public enum Lane {
    INTERACTIVE,
    BULK;

    private static final ThreadLocal<Lane> CURRENT = ThreadLocal.withInitial(() -> INTERACTIVE);

    /** The lane of the work on this thread. */
    public static Lane current() {
        return CURRENT.get();
    }

    /** Runs the work on this thread in this lane until the scope is closed, which restores the previous lane. */
    public Scope enter() {
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
