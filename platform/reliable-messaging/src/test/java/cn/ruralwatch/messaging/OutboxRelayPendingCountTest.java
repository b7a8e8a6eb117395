package cn.ruralwatch.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OutboxRelayPendingCountTest {

    private static final Instant COUNTED = Instant.parse("2026-12-06T03:00:00Z");

    @Test
    void aQuickCountIsTakenAgainAfterFiveSeconds() {
        assertEquals(COUNTED.plusSeconds(5), OutboxRelay.nextPendingCount(COUNTED, Duration.ofMillis(12)));
        assertEquals(COUNTED.plusSeconds(5), OutboxRelay.nextPendingCount(COUNTED, Duration.ofMillis(100)));
    }

    @Test
    void aSlowCountTakesAtMostTwoPercentOfTheRelaysTime() {
        // 36,000 pending rows not yet vacuumed, after an import: a third of a second to count
        assertEquals(COUNTED.plusMillis(16_600), OutboxRelay.nextPendingCount(COUNTED, Duration.ofMillis(332)));
        assertEquals(COUNTED.plusSeconds(100), OutboxRelay.nextPendingCount(COUNTED, Duration.ofSeconds(2)));
    }
}
