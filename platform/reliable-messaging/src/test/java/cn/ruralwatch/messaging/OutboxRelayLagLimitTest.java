package cn.ruralwatch.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The bulk lane's limit, smaller for a while after a person's change ({@link OutboxRelay#lagLimit}). */
class OutboxRelayLagLimitTest {

    private static final Duration WINDOW = Duration.ofSeconds(10);
    private static final long NOW = 1_000_000_000_000L;

    @Test
    void theWholeLimitWhenNoPersonHasChangedAnything() {
        assertEquals(200, OutboxRelay.lagLimit(200, 50, WINDOW, NOW, null));
    }

    @Test
    void theSmallerLimitWithinTheWindowAfterAPersonsChange() {
        assertEquals(50, OutboxRelay.lagLimit(200, 50, WINDOW, NOW, NOW));
        assertEquals(50, OutboxRelay.lagLimit(200, 50, WINDOW, NOW, NOW - WINDOW.toNanos() + 1));
    }

    @Test
    void theWholeLimitAgainOnceTheWindowHasPassed() {
        assertEquals(200, OutboxRelay.lagLimit(200, 50, WINDOW, NOW, NOW - WINDOW.toNanos()));
        assertEquals(200, OutboxRelay.lagLimit(200, 50, WINDOW, NOW, NOW - 3 * WINDOW.toNanos()));
    }

    @Test
    void neverAboveTheLimitNorBelowOneEvent() {
        assertEquals(100, OutboxRelay.lagLimit(100, 500, WINDOW, NOW, NOW));
        assertEquals(1, OutboxRelay.lagLimit(200, 0, WINDOW, NOW, NOW));
    }

    @Test
    void anUnpacedLaneStaysUnpaced() {
        assertEquals(0, OutboxRelay.lagLimit(0, 50, WINDOW, NOW, NOW));
    }
}
