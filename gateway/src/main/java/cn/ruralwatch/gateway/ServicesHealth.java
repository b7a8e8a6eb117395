package cn.ruralwatch.gateway;

import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Whether every service behind the gateway is ready, asked at each one's management port: the health group
 * {@code services} ({@code /q/health/group/services} on the gateway's management port), UP only when all are.
 *
 * <p>It is not the gateway's readiness on purpose. An orchestrator takes an instance that is not ready out of service;
 * a gateway not ready while one service is down would take the whole entry point away, and with it the routes to the
 * services that still answer. The gateway is ready when it can route; a route to a service that is down answers 502.
 */
@HealthGroup(ServicesHealth.GROUP)
@ApplicationScoped
public class ServicesHealth implements HealthCheck {

    /** The health group's name. */
    public static final String GROUP = "services";

    @Inject
    GatewayConfig config;

    private final HttpClient http = HttpClient.newBuilder().build();

    @Override
    public HealthCheckResponse call() {
        Map<String, CompletableFuture<String>> checks = new TreeMap<>();
        config.services().forEach((name, service) -> checks.put(name, check(service.managementUrl())));
        HealthCheckResponseBuilder response = HealthCheckResponse.named(GROUP);
        boolean allUp = true;
        for (Map.Entry<String, CompletableFuture<String>> check : checks.entrySet()) {
            String state = check.getValue().join();
            response.withData(check.getKey(), state);
            allUp &= "UP".equals(state);
        }
        return response.status(allUp).build();
    }

    private CompletableFuture<String> check(URI management) {
        HttpRequest request = HttpRequest.newBuilder(management.resolve("/q/health/ready"))
                .timeout(config.upstreamTimeout())
                .GET()
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(r -> r.statusCode() == 200 ? "UP" : "DOWN (" + r.statusCode() + ")")
                .exceptionally(failure -> "UNREACHABLE");
    }
}
