package cn.ruralwatch.household.monitoring;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** Parameters of the monitoring workflow; the income line is set by the province each year, never a constant. */
@ConfigMapping(prefix = "ruralwatch.monitoring")
public interface MonitoringConfig {

    /**
     * 监测范围: the per-capita net income line of each year, in yuan, as {@code year:yuan} pairs, e.g.
     * {@code 2021:6000,2025:8700} (one environment variable, {@code RURALWATCH_MONITORING_INCOME_THRESHOLDS}).
     */
    @WithDefault("2021:6000")
    List<String> incomeThresholds();

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
