package cn.ruralwatch.tracing;

import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.ConfigValue;
import org.jboss.logging.Logger;

/**
 * Which spans are recorded. Spans are recorded (and so exported) only where they have somewhere to go: an OTLP
 * endpoint is configured ({@code QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT}, or {@code
 * QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}), or the application has a span exporter of its own (tests keep spans
 * in memory). Then a span is sampled when its parent is, and a trace that starts here always is.
 *
 * <p>Otherwise nothing is sampled and nothing is exported — no connection to a collector is ever attempted — while the
 * W3C trace context still travels: every span still has its trace and span id, requests to the services and events
 * carry them on ({@code traceparent}, {@code ce_traceparent}), and a service that does export continues the caller's
 * trace. (Disabling the SDK instead, {@code quarkus.otel.sdk.disabled}, would drop the trace context too.)
 */
@Singleton
public class TraceSampling {

    private static final Logger LOG = Logger.getLogger(TraceSampling.class);

    static final String ENDPOINT = "quarkus.otel.exporter.otlp.endpoint";
    static final String TRACES_ENDPOINT = "quarkus.otel.exporter.otlp.traces.endpoint";

    @Produces
    @Singleton
    Sampler sampler(@Any Instance<SpanExporter> exporters) {
        Config config = ConfigProvider.getConfig();
        String endpoint = configured(config, TRACES_ENDPOINT)
                .or(() -> configured(config, ENDPOINT))
                .orElse(null);
        if (endpoint != null) {
            LOG.infof("Tracing: spans exported to %s", endpoint);
            return Sampler.parentBased(Sampler.alwaysOn());
        }
        if (!exporters.isUnsatisfied()) {
            return Sampler.parentBased(Sampler.alwaysOn());
        }
        LOG.debug("Tracing: no OTLP endpoint configured, no span is recorded; trace context is passed on");
        return Sampler.alwaysOff();
    }

    /**
     * The value someone set: in the environment, a system property or a properties file. Quarkus's own default of the
     * OTLP endpoint ({@code http://localhost:4317}) comes from a defaults source, whose ordinal is below every source a
     * person writes to, and does not count.
     */
    static Optional<String> configured(Config config, String name) {
        ConfigValue value = config.getConfigValue(name);
        if (value == null || value.getValue() == null || value.getValue().isBlank() || value.getSourceOrdinal() <= 0) {
            return Optional.empty();
        }
        return Optional.of(value.getValue());
    }
}
