package cn.ruralwatch.report;

import cn.ruralwatch.time.ChinaTime;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The service's clock in the tests: the system clock in China time until a test sets the moment it needs (a month's
 * end, a new year in Beijing while it is still the old one in UTC); {@link #reset()} gives the system clock back.
 */
@Singleton
public class TestClock extends Clock {

    private volatile Instant fixed;

    /** From now on the clock stands at this moment in China time. */
    public void set(ZonedDateTime moment) {
        fixed = moment.toInstant();
    }

    public void reset() {
        fixed = null;
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
        Instant moment = fixed;
        // in whole ticks, as the service's clock
        return moment != null ? moment : Instant.now().truncatedTo(ChinaTime.TICK);
    }
}
