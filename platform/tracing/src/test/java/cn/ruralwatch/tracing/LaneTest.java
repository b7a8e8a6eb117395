package cn.ruralwatch.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The lane of a thread, and whether bulk work runs anywhere in the process (what the outbox relay asks). */
class LaneTest {

    @Test
    void aThreadIsInteractiveUntilItEntersTheBulkLaneAndBackWhenItLeaves() {
        assertEquals(Lane.INTERACTIVE, Lane.current());
        assertFalse(Lane.bulkWorkRunning());
        try (Lane.Scope bulk = Lane.BULK.enter()) {
            assertEquals(Lane.BULK, Lane.current());
            assertTrue(Lane.bulkWorkRunning());
            // entered again (a job calling code that enters it too): still one thread of bulk work
            try (Lane.Scope again = Lane.BULK.enter()) {
                assertTrue(Lane.bulkWorkRunning());
            }
            assertTrue(Lane.bulkWorkRunning(), "the outer scope still runs");
            // interactive work inside bulk work (none in the suite today) does not count as bulk
            try (Lane.Scope interactive = Lane.INTERACTIVE.enter()) {
                assertEquals(Lane.INTERACTIVE, Lane.current());
                assertFalse(Lane.bulkWorkRunning());
            }
            assertTrue(Lane.bulkWorkRunning());
        }
        assertEquals(Lane.INTERACTIVE, Lane.current());
        assertFalse(Lane.bulkWorkRunning());
    }

    @Test
    void bulkWorkOnAnotherThreadIsSeenHereButDoesNotChangeThisThreadsLane() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread job = Thread.ofPlatform().start(() -> {
            try (Lane.Scope bulk = Lane.BULK.enter()) {
                entered.countDown();
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        entered.await();
        assertTrue(Lane.bulkWorkRunning());
        assertEquals(Lane.INTERACTIVE, Lane.current());
        done.countDown();
        job.join();
        assertFalse(Lane.bulkWorkRunning());
    }

    @Test
    void followingBulkWorkPutsTheThreadInTheBulkLaneWithoutCountingAsBulkWorkOfTheProcess() {
        try (Lane.Scope applying = Lane.BULK.follow()) {
            assertEquals(Lane.BULK, Lane.current());
            assertFalse(Lane.bulkWorkRunning(), "a consumer applying a bulk event is no job of this process");
            try (Lane.Scope job = Lane.BULK.enter()) {
                assertTrue(Lane.bulkWorkRunning());
            }
            assertEquals(Lane.BULK, Lane.current());
            assertFalse(Lane.bulkWorkRunning());
        }
        assertEquals(Lane.INTERACTIVE, Lane.current());
    }
}
