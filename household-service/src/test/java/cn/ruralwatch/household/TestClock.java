package cn.ruralwatch.household;

import cn.ruralwatch.time.ChinaTime;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The service's clock in the tests, in place of the system clock (platform/china-time's default): it runs as the system
 * clock does, from the moment a test puts it at, so that a test lets days pass (a village notice runs five days) or
 * enters a household's past before its changes, instead of typing dates the rules refuse. {@link #reset()} gives the
 * system's time back.
 */
@Singleton
public class TestClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    /** From now on the clock runs from this moment (China time). */
    public void at(ZonedDateTime moment) {
        offset = Duration.between(Instant.now(), moment.toInstant());
    }

    /** Lets time pass. */
    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    /** Today in China by this clock. */
    public LocalDate today() {
        return ChinaTime.today(this);
    }

    @Override
    public ZoneId getZone() {
        return ChinaTime.ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(ChinaTime.ZONE) ? this : Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        // in whole ticks, as the service's clock
        return Instant.now().plus(offset).truncatedTo(ChinaTime.TICK);
    }
}
