package cn.ruralwatch.household;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ruralwatch.access.Roles;
import cn.ruralwatch.events.EventTypes;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.testing.SuiteInfrastructure;
import cn.ruralwatch.testing.Tokens;
import cn.ruralwatch.testing.TopicReader;
import cn.ruralwatch.testing.TopicWriter;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The trace of a request goes on with the events it causes: household-service publishes a registration in a span of
 * the request's trace and the event carries it ({@code ce_traceparent}); an event it consumes is applied in a span
 * continuing the trace the event carries.
 */
@QuarkusTest
class EventTracingTest {

    private static final String VILLAGE = "450422101201";

    @Inject
    InMemorySpanExporter spans;

    @BeforeEach
    void village() {
        Tokens.authenticateAs(Roles.COUNTY_ADMIN, "450422");
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        Fixtures.village(VILLAGE);
    }

    @Test
    void aRegistrationIsPublishedInTheTraceOfItsRequest() {
        String traceId = traceId();
        String callerSpanId = "00f067aa0ba902b7";
        String id = RestAssured.given()
                .header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
                .contentType(ContentType.JSON)
                .body(Fixtures.household(VILLAGE, Fixtures.idNumber("19610304", true)))
                .post("/api/v1/households")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        TopicReader.Event registered = await().atMost(Duration.ofSeconds(20))
                .until(() -> published(id, EventTypes.HOUSEHOLD_REGISTERED), Optional::isPresent)
                .orElseThrow();
        String[] traceparent = registered.header("ce_traceparent").split("-");
        assertEquals(traceId, traceparent[1], "the event carries the request's trace");
        assertEquals("01", traceparent[3]);

        SpanData publish = await().atMost(Duration.ofSeconds(10))
                .until(() -> span(traceId, SpanKind.PRODUCER, "household-events publish"), Optional::isPresent)
                .orElseThrow();
        assertEquals(traceparent[2], publish.getSpanId(), "consumers continue from the relay's span");
        SpanData request = span(traceId, SpanKind.SERVER, null).orElseThrow();
        assertEquals(callerSpanId, request.getParentSpanId());
        assertEquals(request.getSpanId(), publish.getParentSpanId(), "written in the request's span");
    }

    @Test
    void aConsumedEventIsAppliedInItsTrace() {
        String id = RestAssured.given()
                .contentType(ContentType.JSON)
                .body(Fixtures.household(VILLAGE, Fixtures.idNumber("19620405", true)))
                .post("/api/v1/households")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String traceId = traceId();
        String publisherSpanId = "b7ad6b7169203331";

        TopicWriter.send(
                SuiteInfrastructure.kafka().bootstrapServers(),
                Topics.INDICATOR_EVENTS,
                id,
                UUID.randomUUID().toString(),
                EventTypes.RISK_DETECTED,
                "/indicator-service",
                """
                {"householdId":"%s","villageCode":"%s","standardCode":"NATIONAL_HOUSEHOLD_2021","riskTypes":["HOUSING"],
                 "indicators":[{"code":"HOUSING_SECURITY","name":"住房安全有保障","reasons":["safetyGrade=C"]}],
                 "detectedAt":"2026-11-20T02:00:00Z"}""".formatted(id, VILLAGE),
                Map.of("ce_traceparent", "00-" + traceId + "-" + publisherSpanId + "-01"));

        SpanData applied = await().atMost(Duration.ofSeconds(20))
                .until(() -> span(traceId, SpanKind.CONSUMER, "indicator-events process"), Optional::isPresent)
                .orElseThrow();
        assertEquals(publisherSpanId, applied.getParentSpanId());
    }

    private static String traceId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static Optional<TopicReader.Event> published(String householdId, String type) {
        return TopicReader.readAll(SuiteInfrastructure.kafka().bootstrapServers(), Topics.HOUSEHOLD_EVENTS).stream()
                .filter(e -> householdId.equals(e.key()) && type.equals(e.header("ce_type")))
                .findFirst();
    }

    private Optional<SpanData> span(String traceId, SpanKind kind, String name) {
        return spans.getFinishedSpanItems().stream()
                .filter(s -> s.getTraceId().equals(traceId) && s.getKind() == kind)
                .filter(s -> name == null || s.getName().equals(name))
                .findFirst();
    }
}
