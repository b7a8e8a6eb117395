package cn.ruralwatch.indicator.shipped;

import cn.ruralwatch.indicator.parameter.MonitoringLines;
import cn.ruralwatch.indicator.parameter.ParameterService;
import cn.ruralwatch.indicator.rules.StandardDefinition;
import cn.ruralwatch.indicator.standard.StandardService;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The standards and parameter values the suite ships as data ({@code standards/shipped.json}): the national household
 * standard since 2021, Guangxi's 2020 household set 八有一超, village set 十一有一低于 and township set 九有一低于. Each is
 * saved on the first start, and again as a new version when the shipped definition changes while the latest version is
 * still the shipped one; a county's own versions and parameter values are never overwritten.
 */
@ApplicationScoped
public class ShippedStandards {

    private static final Logger LOG = Logger.getLogger(ShippedStandards.class);
    static final String RESOURCE = "standards/shipped.json";

    @Inject
    StandardService standards;

    @Inject
    ParameterService parameters;

    @Inject
    MonitoringLines lines;

    @Inject
    ObjectMapper mapper;

    record ShippedParameter(String name, String regionCode, int year, BigDecimal value, String note) {}

    record Shipped(List<StandardDefinition> standards, List<ShippedParameter> parameters) {}

    @Transactional
    void load(@Observes @Priority(2000) StartupEvent startup) {
        Shipped shipped = read();
        for (ShippedParameter p : shipped.parameters()) {
            parameters.ship(p.name(), p.regionCode(), p.year(), p.value(), p.note());
        }
        // every current line, shipped or set, reaches household-service's risk elimination at each start
        int announced = lines.announceAll();
        if (announced > 0) {
            LOG.infof("Announced %d monitoring lines (监测范围) on indicator-events", announced);
        }
        for (StandardDefinition definition : shipped.standards()) {
            if (standards.ship(definition)) {
                LOG.infof("Shipped indicator standard %s saved", definition.code());
            }
        }
        // and the status of every standard, so that the reports leave out retired ones even after losing the history
        standards.announceAll();
    }

    Shipped read() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            return mapper.readValue(in, Shipped.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
