package cn.ruralwatch.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HeapReleasePolicyTest {

    private static final long MB = 1024 * 1024;
    /** Where {@link System#nanoTime()} happens to start. */
    private static final long START = -7_000_000_000L;

    /** Idle below 2 MB/s for 30 s, at least 32 MB grown; the heap committed 40 MB at the start. */
    private final HeapReleasePolicy policy = new HeapReleasePolicy(2 * MB, Duration.ofSeconds(30), 32 * MB, 40 * MB);

    private long allocated;
    private int second;

    /** Five seconds pass in which the threads allocate {@code rate} per second; then the policy looks. */
    private boolean fiveSeconds(long rate, long committed) {
        second += 5;
        allocated += 5 * rate;
        return policy.collectNow(START + second * 1_000_000_000L, allocated, committed);
    }

    @Test
    void collectsOnceAfterTheIdleSpellThatFollowsWorkWhichGrewTheHeap() {
        assertFalse(policy.collectNow(START, 0, 40 * MB));
        for (int i = 0; i < 12; i++) {
            assertFalse(fiveSeconds(200 * MB, 300 * MB), "an import allocating 200 MB/s is not idle");
        }
        for (int look = 1; look < 6; look++) {
            assertFalse(fiveSeconds(MB / 2, 300 * MB), "quiet for " + 5 * look + " s only");
        }
        assertTrue(fiveSeconds(MB / 2, 300 * MB), "quiet for 30 s after the heap grew by 260 MB");
        policy.collected(80 * MB);
        assertEquals(80 * MB, policy.baseline());
        for (int i = 0; i < 24; i++) {
            assertFalse(fiveSeconds(MB / 2, 80 * MB), "collected already, the heap has not grown since");
        }
    }

    @Test
    void aHeapThatHasNotGrownEnoughIsLeftAlone() {
        policy.collectNow(START, 0, 40 * MB);
        for (int i = 0; i < 12; i++) {
            fiveSeconds(20 * MB, 70 * MB);
        }
        for (int i = 0; i < 24; i++) {
            assertFalse(fiveSeconds(0, 70 * MB), "30 MB grown is less than the 32 MB worth a pause");
        }
        assertTrue(fiveSeconds(0, 72 * MB), "32 MB grown");
    }

    @Test
    void workInTheMiddleOfAQuietSpellStartsTheSpellAgain() {
        policy.collectNow(START, 0, 40 * MB);
        fiveSeconds(100 * MB, 200 * MB);
        for (int i = 0; i < 4; i++) {
            assertFalse(fiveSeconds(MB, 200 * MB));
        }
        assertFalse(fiveSeconds(3 * MB, 200 * MB), "a request's 15 MB over five seconds is work");
        for (int i = 0; i < 5; i++) {
            assertFalse(fiveSeconds(MB, 200 * MB), "quiet again for " + 5 * (i + 1) + " s only");
        }
        assertTrue(fiveSeconds(MB, 200 * MB));
    }

    @Test
    void aCollectionThatFoundEverythingLiveIsNotRepeated() {
        policy.collectNow(START, 0, 40 * MB);
        fiveSeconds(100 * MB, 200 * MB);
        for (int i = 0; i < 5; i++) {
            fiveSeconds(0, 200 * MB);
        }
        assertTrue(fiveSeconds(0, 200 * MB));
        policy.collected(200 * MB);
        for (int i = 0; i < 24; i++) {
            assertFalse(fiveSeconds(0, 200 * MB), "the heap stayed as it was: nothing to give back");
        }
        fiveSeconds(100 * MB, 240 * MB);
        for (int i = 0; i < 5; i++) {
            assertFalse(fiveSeconds(0, 240 * MB));
        }
        assertTrue(fiveSeconds(0, 240 * MB), "grew by 40 MB beyond what the last collection left");
    }

    @Test
    void theJvmsOwnFullCollectionLowersTheBaseline() {
        policy.collectNow(START, 0, 40 * MB);
        fiveSeconds(100 * MB, 150 * MB);
        fiveSeconds(100 * MB, 30 * MB);
        assertEquals(30 * MB, policy.baseline(), "a full collection of the JVM's own shrank the heap below its start");
        fiveSeconds(100 * MB, 65 * MB);
        for (int i = 0; i < 5; i++) {
            assertFalse(fiveSeconds(0, 65 * MB));
        }
        assertTrue(fiveSeconds(0, 65 * MB), "35 MB above what the JVM's collection left (25 MB above the start)");
    }
}
