package cn.ruralwatch.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The suite's time: China Standard Time, in which every date of the domain is meant (a registration on 1 January
 * 00:30 in Beijing belongs to the new year), and the {@link Clock} every service is given. Code asks the injected clock
 * for now and today, so that a test can set the day it needs.
 */
@Dependent
public class ChinaTime {

    /** The zone's id, for annotations such as a schedule's time zone. */
    public static final String ZONE_ID = "Asia/Shanghai";

    /** Asia/Shanghai (UTC+8, no daylight saving). */
    public static final ZoneId ZONE = ZoneId.of(ZONE_ID);

    /** The precision of the suite's instants: PostgreSQL's, so that an instant reads back as it was written. */
    public static final ChronoUnit TICK = ChronoUnit.MICROS;

    /**
     * The clock of the running service: the system clock in {@link #ZONE}, in whole microseconds ({@link #TICK}), so
     * that a time written to a row, a revision's snapshot and an event is one value wherever it is read; a test may put
     * its own in place.
     */
    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.tick(Clock.system(ZONE), TICK.getDuration());
    }

    /** Today in China by the given clock. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }
}
