package cn.ruralwatch.gateway;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ruralwatch.embedded.DevIdentityProvider;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway's proxy carries the caller's trace on to the service (W3C {@code traceparent}): the service's request is
 * a child of the gateway's own span, in the caller's trace, or in the trace the gateway started.
 */
@QuarkusTest
@WithTestResource(ProxyTracingTest.Household.class)
class ProxyTracingTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN_ID = "00f067aa0ba902b7";

    @Inject
    InMemorySpanExporter spans;

    private String token;

    @BeforeEach
    void reset() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        spans.reset();
        Household.received.set(null);
        Household.path.set(null);
        token = "Bearer "
                + DevIdentityProvider.fromClasspath("test-tokens/private.pem", "urn:ruralwatch:test-issuer")
                        .token("test-county-admin", "county-admin", "450422", Duration.ofHours(1));
    }

    @Test
    void theServiceContinuesTheCallersTraceUnderTheGatewaysSpan() {
        given().header("Authorization", token)
                .header("traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN_ID + "-01")
                .header("X-Request-Id", "trace-test-1")
                .get("/api/v1/households")
                .then()
                .statusCode(200);

        Headers upstream = Household.received.get();
        assertNotNull(upstream, "the request reached household-service");
        assertEquals(1, upstream.get("traceparent").size(), "one trace context: " + upstream.get("traceparent"));
        String[] traceparent = upstream.getFirst("traceparent").split("-");
        assertEquals(TRACE_ID, traceparent[1], "the caller's trace");
        assertNotEquals(CALLER_SPAN_ID, traceparent[2], "a span of the gateway is the service's parent");
        assertEquals("01", traceparent[3]);
        assertEquals("trace-test-1", upstream.getFirst("X-Request-Id"));

        SpanData client = await().atMost(Duration.ofSeconds(10))
                .until(() -> span(SpanKind.CLIENT, TRACE_ID), found -> found != null);
        assertEquals(traceparent[2], client.getSpanId(), "the service's parent is the gateway's call");
        SpanData server = span(SpanKind.SERVER, TRACE_ID);
        assertNotNull(server, "the gateway's own span of the request: " + spans.getFinishedSpanItems());
        assertEquals(CALLER_SPAN_ID, server.getParentSpanId());
        assertEquals(server.getSpanId(), client.getParentSpanId());
    }

    @Test
    void aRequestWithoutTraceContextStartsATraceTheServiceContinues() {
        given().header("Authorization", token).get("/api/v1/households").then().statusCode(200);

        String[] traceparent = Household.received.get().getFirst("traceparent").split("-");
        assertEquals(32, traceparent[1].length());
        SpanData server = await().atMost(Duration.ofSeconds(10))
                .until(() -> span(SpanKind.SERVER, traceparent[1]), found -> found != null);
        assertTrue(!server.getParentSpanContext().isValid(), "the trace starts at the gateway");
    }

    @Test
    void theServicesDocumentsAreFetchedAndMergedWithTracingOn() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200);

        assertEquals("/q/openapi", Household.path.get());
        assertEquals(1, Household.received.get().get("traceparent").size());
    }

    private SpanData span(SpanKind kind, String traceId) {
        List<SpanData> finished = spans.getFinishedSpanItems();
        return finished.stream()
                .filter(span -> span.getKind() == kind && span.getTraceId().equals(traceId))
                .findFirst()
                .orElse(null);
    }

    /**
     * household-service as the gateway sees it (and every other service's OpenAPI document): answers every request,
     * and keeps the path and headers of the last.
     */
    public static class Household implements QuarkusTestResourceLifecycleManager {

        static final AtomicReference<Headers> received = new AtomicReference<>();
        static final AtomicReference<String> path = new AtomicReference<>();

        private HttpServer server;

        @Override
        public Map<String, String> start() {
            try {
                server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/", exchange -> {
                received.set(exchange.getRequestHeaders());
                path.set(exchange.getRequestURI().getPath());
                String json = exchange.getRequestURI().getPath().equals("/q/openapi")
                        ? "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"t\",\"version\":\"1\"},\"paths\":{}}"
                        : "{\"items\":[],\"page\":0,\"size\":20,\"totalItems\":0}";
                byte[] body = json.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            // every service's document comes from here too
            String url = "http://localhost:" + server.getAddress().getPort();
            return Map.of(
                    "ruralwatch.gateway.services.household.url", url,
                    "ruralwatch.gateway.services.indicator.url", url,
                    "ruralwatch.gateway.services.fund.url", url,
                    "ruralwatch.gateway.services.report.url", url);
        }

        @Override
        public void stop() {
            server.stop(0);
        }
    }
}
