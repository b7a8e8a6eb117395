package cn.ruralwatch.household.monitoring;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** Refuses to start with a malformed income line, rather than failing the first risk elimination. */
@Startup
@ApplicationScoped
public class IncomeThresholdCheck {

    private static final Logger LOG = Logger.getLogger(IncomeThresholdCheck.class);

    @Inject
    MonitoringConfig config;

    @PostConstruct
    void check() {
        LOG.infof("Income lines (监测范围) by year: %s", config.thresholds());
    }
}
