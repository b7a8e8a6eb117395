package cn.ruralwatch.household.monitoring;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/** Parameters of the monitoring workflow; the income line is set by the province each year, never a constant. */
@ConfigMapping(prefix = "ruralwatch.monitoring")
public interface MonitoringConfig {

    /**
     * 监测范围: the per-capita net income line of each year, in yuan, e.g. {@code ruralwatch.monitoring.income-threshold."2025"=8700}.
     */
    Map<String, BigDecimal> incomeThreshold();

    /** Days from the first clue (or the opening of the case) to the county decision. */
    @WithDefault("15")
    int deadlineDays();

    /** The shortest village notice (公示), in days. */
    @WithDefault("5")
    int noticeDays();

    /** How long income must have stayed above the line, and the household been monitored, before elimination. */
    @WithDefault("6")
    int eliminationMonths();

    default Optional<BigDecimal> threshold(int year) {
        return Optional.ofNullable(incomeThreshold().get(String.valueOf(year)));
    }
}
