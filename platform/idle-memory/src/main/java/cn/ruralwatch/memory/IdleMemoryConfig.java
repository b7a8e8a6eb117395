package cn.ruralwatch.memory;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** When a service gives back the heap its work grew ({@code ruralwatch.idle-memory.*}). */
@ConfigMapping(prefix = "ruralwatch.idle-memory")
public interface IdleMemoryConfig {

    /** Whether the service collects its heap once it has fallen idle after work that grew it. */
    @WithDefault("true")
    boolean enabled();

    /** How often the allocation rate and the committed heap are looked at. */
    @WithDefault("5s")
    Duration checkInterval();

    /** How long the service must have allocated below {@link #idleAllocationRate()} before its heap is collected. */
    @WithDefault("30s")
    Duration idleAfter();

    /**
     * Bytes per second allocated by all threads below which the service counts as idle. An idle service still polls
     * Kafka and its outbox: 0.2–0.7 MB/s measured (report-service, with four consumers, 2.3 MB/s); household-service
     * importing a county allocates about 240 MB/s. A few requests a second stay below it: the one collection then
     * pauses one of them.
     */
    @WithDefault("8388608")
    long idleAllocationRate();

    /**
     * How much the committed heap must have grown since it was last collected (or since the start) for a collection to
     * be worth its pause: 0.12–0.37 s with the serial collector after a county's import or re-evaluation.
     */
    @WithDefault("33554432")
    long minGrowth();
}
