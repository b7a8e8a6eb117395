package cn.ruralwatch.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Configuration of the gateway ({@code ruralwatch.gateway.*}). */
@ConfigMapping(prefix = "ruralwatch.gateway")
public interface GatewayConfig {

    /** The services behind the gateway, by name. */
    Map<String, Service> services();

    /** How long the merged OpenAPI document is reused before the services are asked again. */
    @WithDefault("30s")
    Duration openapiCacheTtl();

    /** Time allowed for a service to answer a health or OpenAPI request, and to accept a connection. */
    @WithDefault("3s")
    Duration upstreamTimeout();

    /** Requests each client (token subject) may make. */
    RateLimit rateLimit();

    interface RateLimit {
        /** Sustained requests per second per client. */
        @WithDefault("50")
        int requestsPerSecond();

        /** Requests a client may make at once above the sustained rate. */
        @WithDefault("100")
        int burst();
    }

    interface Service {
        /** Base URL of its public port, e.g. {@code http://household-service:8080}: API calls and OpenAPI. */
        URI url();

        /**
         * Base URL of its management port, e.g. {@code http://household-service:9000}: its health checks (the
         * gateway's {@code services} health group asks {@code /q/health/ready} there).
         */
        URI managementUrl();

        /**
         * Path patterns this service answers: {@code *} matches one segment, a trailing {@code **} any number. The
         * most specific pattern wins, e.g. {@code /api/v1/households/* /evaluations} over {@code /api/v1/households/**}.
         */
        List<String> routes();
    }
}
