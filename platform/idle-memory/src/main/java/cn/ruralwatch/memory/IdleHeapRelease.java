package cn.ruralwatch.memory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Gives back to the machine the heap that bulk work (an import, a re-evaluation, a read model catching up) grew, once
 * the service has fallen idle. The serial collector, which the JVM picks in a container with fewer than two CPUs or
 * less than 1,792 MB of memory, shrinks the heap only at a full collection, and an idle service has none: after a
 * 20,000-household import household-service held about 600 MiB resident with 50 MB live. Here one thread looks every
 * few seconds at the bytes all threads allocated and at the committed heap ({@link HeapReleasePolicy}), and when the
 * service has been quiet for the idle spell after the heap grew, it runs one full collection ({@code System.gc()}),
 * which shrinks the heap to the free ratio the JVM options allow ({@code -XX:MaxHeapFreeRatio}), and then asks the C
 * library to return the native memory freed meanwhile ({@code System.trim_native_heap}). The pause (0.12–0.37 s
 * measured with 25–40 MB live in a heap of 120–390 MB, 0.6 s once on a busy machine) falls in a quiet spell by
 * construction; a request that arrives in it waits that long; the trim (about 15 ms) does not stop the Java threads.
 */
@ApplicationScoped
public class IdleHeapRelease {

    private static final Logger LOG = Logger.getLogger(IdleHeapRelease.class);
    private static final long MB = 1024 * 1024;

    private final IdleMemoryConfig config;
    private final Counter collections;
    private final Counter released;
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private ScheduledExecutorService looks;
    private HeapReleasePolicy policy;

    IdleHeapRelease(IdleMemoryConfig config, MeterRegistry registry) {
        this.config = config;
        this.collections = Counter.builder("ruralwatch.idle.heap.collections")
                .description("Full collections run because the service fell idle after its heap had grown")
                .register(registry);
        this.released = Counter.builder("ruralwatch.idle.heap.released")
                .description("Committed heap given back by those collections")
                .baseUnit("bytes")
                .register(registry);
    }

    void onStart(@Observes StartupEvent started) {
        begin();
    }

    void onStop(@Observes ShutdownEvent stopping) {
        end();
    }

    /** Starts looking (a service does so as it starts, when enabled). */
    void begin() {
        if (!config.enabled()) {
            return;
        }
        if (!threads.isThreadAllocatedMemorySupported() || !threads.isThreadAllocatedMemoryEnabled()) {
            LOG.info("This JVM does not count allocated bytes: the heap is not collected when the service is idle");
            return;
        }
        policy =
                new HeapReleasePolicy(config.idleAllocationRate(), config.idleAfter(), config.minGrowth(), committed());
        looks = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("idle-memory").daemon().factory());
        long every = config.checkInterval().toMillis();
        looks.scheduleWithFixedDelay(this::look, every, every, TimeUnit.MILLISECONDS);
    }

    void end() {
        if (looks != null) {
            looks.shutdownNow();
        }
    }

    private void look() {
        try {
            long before = committed();
            if (!policy.collectNow(System.nanoTime(), threads.getTotalThreadAllocatedBytes(), before)) {
                return;
            }
            long start = System.nanoTime();
            System.gc();
            long collected = System.nanoTime();
            NativeHeap.trim();
            long after = committed();
            policy.collected(after);
            collections.increment();
            released.increment(Math.max(0, before - after));
            LOG.infof(
                    "Idle after work: a full collection gave back %d MB of heap (committed %d → %d MB, %d MB in use) in"
                            + " %d ms, the C library's free memory trimmed in %d ms more",
                    (before - after) / MB,
                    before / MB,
                    after / MB,
                    memory.getHeapMemoryUsage().getUsed() / MB,
                    (collected - start) / 1_000_000,
                    (System.nanoTime() - collected) / 1_000_000);
        } catch (RuntimeException failure) {
            // the next look tries again; a failing look must not end the schedule
            LOG.warnf("Looking at the idle heap failed: %s", failure.toString());
        }
    }

    private long committed() {
        return memory.getHeapMemoryUsage().getCommitted();
    }
}
