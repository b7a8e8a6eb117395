package cn.ruralwatch.jobs;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Configuration of the job engine ({@code ruralwatch.jobs.*}). */
@ConfigMapping(prefix = "ruralwatch.jobs")
public interface JobEngineConfig {

    /** Jobs this instance runs at the same time (at most one per county, see fairness). 0 runs none here. */
    @WithDefault("2")
    int workers();

    /** How long a claimed job stays this worker's without a heartbeat; then another replica may take it up. */
    @WithDefault("60s")
    Duration lease();

    /** How long a job works before it hands its turn to another county's waiting job. */
    @WithDefault("20s")
    Duration turn();

    /** How often an idle worker looks for jobs queued by other replicas. */
    @WithDefault("5s")
    Duration pollInterval();

    /** Pause before a job interrupted by a transient failure (the database away) is taken up again. */
    @WithDefault("10s")
    Duration transientBackoff();
}
