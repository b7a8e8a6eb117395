package cn.ruralwatch.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URL;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Health checks and metrics answer on the gateway's management port, never on its public one; the gateway is ready on
 * its own, and whether the services behind it are ready is the {@code services} health group, asked at each service's
 * management port.
 */
@QuarkusTest
@WithTestResource(ManagementInterfaceTest.ServicesManagementPorts.class)
class ManagementInterfaceTest {

    /** The management interface's root path ({@code /q}) under its own port. */
    @TestHTTPResource(value = "/", management = true)
    URL managementRoot;

    private String management;

    @BeforeEach
    void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        management = managementRoot.getProtocol() + "://" + managementRoot.getAuthority();
    }

    @Test
    void healthAndMetricsAreNotOnThePublicPort() {
        for (String path : List.of("/q/health", "/q/health/ready", "/q/health/live", "/q/metrics")) {
            given().get(path)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:ruralwatch:problem:route-not-found"));
        }
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void theGatewayIsReadyWhileAServiceBehindItIsNot() {
        given().baseUri(management).get("/q/health/ready").then().statusCode(200);
        given().baseUri(management).get("/q/health/live").then().statusCode(200);
    }

    @Test
    void theServicesGroupSaysWhichServiceIsNotReady() {
        given().baseUri(management)
                .get("/q/health/group/services")
                .then()
                .statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.name", hasItem("services"))
                .body("checks[0].data.household", equalTo("UP"))
                .body("checks[0].data.indicator", equalTo("UP"))
                .body("checks[0].data.fund", equalTo("UP"))
                .body("checks[0].data.report", equalTo("DOWN (503)"));
    }

    @Test
    void metricsAnswerOnTheManagementPort() {
        given().get("/api/v1/households").then().statusCode(401);
        given().baseUri(management)
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("uri=\"/api/v1/households\""));
    }

    /**
     * Four management ports as the services' would answer: household, indicator and fund ready, report not (503).
     */
    public static class ServicesManagementPorts implements QuarkusTestResourceLifecycleManager {

        private final Map<String, HttpServer> servers = new HashMap<>();

        @Override
        public Map<String, String> start() {
            Map<String, String> config = new HashMap<>();
            for (String service : List.of("household", "indicator", "fund", "report")) {
                int status = service.equals("report") ? 503 : 200;
                HttpServer server;
                try {
                    server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                server.createContext("/q/health/ready", exchange -> {
                    exchange.sendResponseHeaders(status, -1);
                    exchange.close();
                });
                server.start();
                servers.put(service, server);
                config.put(
                        "ruralwatch.gateway.services." + service + ".management-url",
                        "http://localhost:" + server.getAddress().getPort());
            }
            return config;
        }

        @Override
        public void stop() {
            servers.values().forEach(server -> server.stop(0));
        }
    }
}
