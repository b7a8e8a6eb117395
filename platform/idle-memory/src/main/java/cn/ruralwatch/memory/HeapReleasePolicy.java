package cn.ruralwatch.memory;

import java.time.Duration;

/**
 * Decides from periodic samples when a full collection gives heap back: once the service has allocated less than the
 * idle rate for the idle spell, and its committed heap has grown by at least the minimum since the last collection
 * that shrank it. A collection that finds everything live leaves the heap as it was and becomes the new baseline, so
 * that an idle service is collected once, not at every look. Not thread-safe: one thread samples.
 */
final class HeapReleasePolicy {

    private final long idleAllocationRate;
    private final long idleAfterNanos;
    private final long minGrowth;

    /** The committed heap after the last collection that shrank it, or at the start. */
    private long baseline;

    private boolean sampled;
    private boolean quiet;
    private long quietSince;
    private long lastSample;
    private long lastAllocated;

    HeapReleasePolicy(long idleAllocationRate, Duration idleAfter, long minGrowth, long committedAtStart) {
        this.idleAllocationRate = idleAllocationRate;
        this.idleAfterNanos = idleAfter.toNanos();
        this.minGrowth = minGrowth;
        this.baseline = committedAtStart;
    }

    /**
     * Takes one sample.
     *
     * @param at {@link System#nanoTime()} now
     * @param allocated bytes allocated by all threads since the JVM started
     * @param committed the heap's committed size now
     * @return whether the heap should be collected now
     */
    boolean collectNow(long at, long allocated, long committed) {
        if (sampled) {
            long nanos = at - lastSample;
            boolean below = nanos > 0 && (allocated - lastAllocated) * 1_000_000_000.0 / nanos <= idleAllocationRate;
            if (!below) {
                quiet = false;
            } else if (!quiet) {
                quiet = true;
                quietSince = lastSample;
            }
        }
        sampled = true;
        lastSample = at;
        lastAllocated = allocated;
        // a full collection of the JVM's own may have shrunk the heap meanwhile
        baseline = Math.min(baseline, committed);
        return quiet && at - quietSince >= idleAfterNanos && committed - baseline >= minGrowth;
    }

    /** Records what the collection left committed: the next one waits until the heap has grown beyond it again. */
    void collected(long committedAfter) {
        baseline = committedAfter;
    }

    long baseline() {
        return baseline;
    }
}
