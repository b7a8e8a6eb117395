package cn.ruralwatch.indicator;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ruralwatch.events.EventTypes;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.testing.SuiteInfrastructure;
import cn.ruralwatch.testing.TopicReader;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A household event carries the trace and the request id of the request that registered the household
 * ({@code ce_traceparent}, {@code ce_requestid}): indicator-service applies it in a span of that trace, and the
 * evaluation it publishes continues it and carries the request id on.
 */
@QuarkusTest
class EventTracingTest {

    /** household-service's span that published the event, in the trace of the request. */
    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

    private static final String PUBLISHER_SPAN_ID = "b7ad6b7169203331";

    @Inject
    InMemorySpanExporter spans;

    @Test
    void theEvaluationOfAHouseholdContinuesTheTraceOfItsEvent() {
        HouseholdFixture household = new HouseholdFixture("450422101201").income(2025, "9000");
        household.member(LocalDate.of(1970, 3, 12), m -> m.medicalInsurance = "NOT_ENROLLED");
        household.publish(Map.of("ce_traceparent", "00-" + TRACE_ID + "-" + PUBLISHER_SPAN_ID + "-01"));

        TopicReader.Event evaluation = await().atMost(Duration.ofSeconds(20))
                .until(() -> evaluationOf(household.id), Optional::isPresent)
                .orElseThrow();
        String[] traceparent = evaluation.header("ce_traceparent").split("-");
        assertEquals(TRACE_ID, traceparent[1], "the evaluation continues the registration's trace");

        SpanData applied = await().atMost(Duration.ofSeconds(10))
                .until(() -> span(SpanKind.CONSUMER, "household-events process"), Optional::isPresent)
                .orElseThrow();
        assertEquals(PUBLISHER_SPAN_ID, applied.getParentSpanId(), "applied as a child of the publisher's span");
        assertEquals(
                "indicator-service",
                applied.getAttributes().get(AttributeKey.stringKey("messaging.consumer.group.name")));
        SpanData published = await().atMost(Duration.ofSeconds(10))
                .until(() -> span(SpanKind.PRODUCER, "indicator-events publish", traceparent[2]), Optional::isPresent)
                .orElseThrow();
        assertEquals(applied.getSpanId(), published.getParentSpanId(), "published because of the applied event");
        assertEquals(TRACE_ID, published.getTraceId());
    }

    @Test
    void theEvaluationCarriesTheRequestIdOfItsEvent() {
        HouseholdFixture household = new HouseholdFixture("450422101201").income(2025, "9000");
        household.member(LocalDate.of(1971, 4, 12), m -> m.medicalInsurance = "NOT_ENROLLED");
        household.publish(Map.of("ce_requestid", "registration-of-" + household.id));

        TopicReader.Event evaluation = await().atMost(Duration.ofSeconds(20))
                .until(() -> evaluationOf(household.id), Optional::isPresent)
                .orElseThrow();
        assertEquals("registration-of-" + household.id, evaluation.header("ce_requestid"));
    }

    @Test
    void anEventWithoutTraceContextIsAppliedInATraceOfItsOwn() {
        HouseholdFixture household = new HouseholdFixture("450422101201").income(2025, "9000");
        household.member(LocalDate.of(1970, 3, 12), m -> m.medicalInsurance = "NOT_ENROLLED");
        household.publish();

        TopicReader.Event evaluation = await().atMost(Duration.ofSeconds(20))
                .until(() -> evaluationOf(household.id), Optional::isPresent)
                .orElseThrow();
        String traceId = evaluation.header("ce_traceparent").split("-")[1];
        assertTrue(!traceId.equals(TRACE_ID) && traceId.length() == 32, traceId);
        SpanData applied = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> spans.getFinishedSpanItems().stream()
                                .filter(s -> s.getKind() == SpanKind.CONSUMER
                                        && s.getTraceId().equals(traceId))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
        assertTrue(!applied.getParentSpanContext().isValid(), "the trace starts where the event is applied");
    }

    private static Optional<TopicReader.Event> evaluationOf(String householdId) {
        return TopicReader.readAll(SuiteInfrastructure.kafka().bootstrapServers(), Topics.INDICATOR_EVENTS).stream()
                .filter(e -> householdId.equals(e.key()))
                .filter(e -> EventTypes.EVALUATION_CHANGED.equals(e.header("ce_type")))
                .findFirst();
    }

    private Optional<SpanData> span(SpanKind kind, String name) {
        return spans.getFinishedSpanItems().stream()
                .filter(s -> s.getKind() == kind
                        && s.getName().equals(name)
                        && s.getTraceId().equals(TRACE_ID))
                .findFirst();
    }

    private Optional<SpanData> span(SpanKind kind, String name, String spanId) {
        List<SpanData> finished = spans.getFinishedSpanItems();
        return finished.stream()
                .filter(s -> s.getKind() == kind
                        && s.getName().equals(name)
                        && s.getSpanId().equals(spanId))
                .findFirst();
    }
}
