package cn.ruralwatch.memory;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The release in a JVM run as a service's container runs it (serial collector, a heap that starts small and gives back
 * what is more than 40 % free, see this module's surefire options), with short spells: work grows the heap, the work
 * ends, and the heap is collected and shrinks once.
 */
class IdleHeapReleaseTest {

    private static final long MB = 1024 * 1024;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final IdleHeapRelease release = new IdleHeapRelease(new Spells(), registry);

    @AfterEach
    void end() {
        release.end();
    }

    @Test
    void theHeapWorkGrewIsCollectedOnceTheServiceIsIdle() {
        List<String> gcNames = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(gc -> gc.getName())
                .toList();
        assertTrue(gcNames.contains("MarkSweepCompact"), "run with the serial collector: " + gcNames);
        release.begin();

        long committedBefore = committed();
        List<byte[]> work = new ArrayList<>();
        for (int i = 0; i < 96; i++) {
            work.add(new byte[(int) MB]);
        }
        long grown = committed();
        assertTrue(grown - committedBefore >= 64 * MB, "the work grew the heap: " + committedBefore + " → " + grown);
        work.clear();

        await().atMost(Duration.ofSeconds(30)).until(() -> collections() == 1.0);
        assertTrue(
                committed() < grown - 48 * MB, "the heap gave back what the work grew: " + grown + " → " + committed());
        assertTrue(released() >= 48 * MB, "released " + released());

        // idle since: twenty more looks, and no second collection
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> collections() == 1.0);
    }

    private double collections() {
        return registry.get("ruralwatch.idle.heap.collections").counter().count();
    }

    private double released() {
        return registry.get("ruralwatch.idle.heap.released").counter().count();
    }

    private static long committed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
    }

    /** Looks every 100 ms; idle after 500 ms below 8 MB/s; at least 32 MB grown. */
    private static final class Spells implements IdleMemoryConfig {
        @Override
        public boolean enabled() {
            return true;
        }

        @Override
        public Duration checkInterval() {
            return Duration.ofMillis(100);
        }

        @Override
        public Duration idleAfter() {
            return Duration.ofMillis(500);
        }

        @Override
        public long idleAllocationRate() {
            return 8 * MB;
        }

        @Override
        public long minGrowth() {
            return 32 * MB;
        }
    }
}
