package cn.ruralwatch.household.monitoring;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * 监测范围: the per-capita net income line of each year, read once from {@code ruralwatch.monitoring.income-thresholds}.
 * A malformed pair stops the service at start, naming itself, rather than failing the first risk elimination.
 */
@Startup
@ApplicationScoped
public class IncomeLines {

    private static final Logger LOG = Logger.getLogger(IncomeLines.class);

    @Inject
    MonitoringConfig config;

    private Map<Integer, BigDecimal> lines;

    @PostConstruct
    void read() {
        Map<Integer, BigDecimal> byYear = new TreeMap<>();
        for (String pair : config.incomeThresholds()) {
            String[] parts = pair.trim().split(":");
            try {
                BigDecimal line = new BigDecimal(parts[1].trim());
                if (parts.length != 2 || line.signum() <= 0) {
                    throw new NumberFormatException();
                }
                byYear.put(Integer.parseInt(parts[0].trim()), line);
            } catch (RuntimeException malformed) {
                throw new IllegalArgumentException("ruralwatch.monitoring.income-thresholds: '" + pair
                        + "' is not year:yuan with a positive amount, e.g. 2025:8700");
            }
        }
        lines = Collections.unmodifiableMap(byYear);
        LOG.infof("Income lines (监测范围) by year: %s", lines);
    }

    /** The line of the year, if configured. */
    public Optional<BigDecimal> of(int year) {
        return Optional.ofNullable(lines.get(year));
    }
}
