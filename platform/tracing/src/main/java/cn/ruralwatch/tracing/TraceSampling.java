package cn.ruralwatch.tracing;

import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
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
        String endpoint = config.getOptionalValue(TRACES_ENDPOINT, String.class)
                .or(() -> config.getOptionalValue(ENDPOINT, String.class))
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
}
