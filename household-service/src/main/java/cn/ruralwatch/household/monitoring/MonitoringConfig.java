package cn.ruralwatch.household.monitoring;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Parameters of the monitoring workflow. The income line (监测范围) is not one of them: it is set in indicator-service
 * and learnt from its events ({@link MonitoringLines}).
 */
@ConfigMapping(prefix = "ruralwatch.monitoring")
public interface MonitoringConfig {

    /** Days from the first clue (or the opening of the case) to the county decision. */
    @WithDefault("15")
    int deadlineDays();

    /** The shortest village notice (公示), in days. */
    @WithDefault("5")
    int noticeDays();

    /** How long income must have stayed above the line, and the household been monitored, before elimination. */
    @WithDefault("6")
    int eliminationMonths();
}
