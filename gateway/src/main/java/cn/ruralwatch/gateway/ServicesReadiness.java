package cn.ruralwatch.gateway;

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
import org.eclipse.microprofile.health.Readiness;

/** The gateway is ready when every service behind it is ready. */
@Readiness
@ApplicationScoped
public class ServicesReadiness implements HealthCheck {

    @Inject
    GatewayConfig config;

    private final HttpClient http = HttpClient.newBuilder().build();

    @Override
    public HealthCheckResponse call() {
        Map<String, CompletableFuture<String>> checks = new TreeMap<>();
        config.services().forEach((name, service) -> checks.put(name, check(service.url())));
        HealthCheckResponseBuilder response = HealthCheckResponse.named("services");
        boolean allUp = true;
        for (Map.Entry<String, CompletableFuture<String>> check : checks.entrySet()) {
            String state = check.getValue().join();
            response.withData(check.getKey(), state);
            allUp &= "UP".equals(state);
        }
        return response.status(allUp).build();
    }

    private CompletableFuture<String> check(URI base) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/q/health/ready"))
                .timeout(config.upstreamTimeout())
                .GET()
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(r -> r.statusCode() == 200 ? "UP" : "DOWN (" + r.statusCode() + ")")
                .exceptionally(failure -> "UNREACHABLE");
    }
}
