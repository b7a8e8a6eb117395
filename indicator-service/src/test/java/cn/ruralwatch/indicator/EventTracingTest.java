package cn.ruralwatch.indicator;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ruralwatch.events.EventTypes;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.testing.SuiteInfrastructure;
import cn.ruralwatch.testing.TopicReader;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A household event carries the trace and the request id of the request that registered the household
 * ({@code ce_traceparent}, {@code ce_requestid}): indicator-service applies it in a span of that trace, and the
 * evaluation it publishes continues it and carries the request id on. An event bulk work wrote ({@code ce_lane: bulk},
 * an import's) makes a bulk evaluation event, paced behind interactive ones; an interactive one an interactive event.
 */
@QuarkusTest
class EventTracingTest {

    /** household-service's span that published the event, in the trace of the request. */
    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

    private static final String PUBLISHER_SPAN_ID = "b7ad6b7169203331";

    @Inject
    InMemorySpanExporter spans;

    @Inject
    EntityManager entityManager;

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
    void theEvaluationOfABulkEventIsBulkAndThatOfAnInteractiveOneIsNot() {
        HouseholdFixture imported = new HouseholdFixture("450422101201").income(2025, "9000");
        imported.member(LocalDate.of(1972, 5, 12), m -> m.medicalInsurance = "NOT_ENROLLED");
        HouseholdFixture registered = new HouseholdFixture("450422101201").income(2025, "9000");
        registered.member(LocalDate.of(1973, 6, 12), m -> m.medicalInsurance = "NOT_ENROLLED");
        // published together, so that they are likely applied in one batch: each evaluation takes its own event's lane
        imported.publish(Map.of("ce_lane", "bulk"));
        registered.publish();

        TopicReader.Event bulk = await().atMost(Duration.ofSeconds(20))
                .until(() -> evaluationOf(imported.id), Optional::isPresent)
                .orElseThrow();
        TopicReader.Event interactive = await().atMost(Duration.ofSeconds(20))
                .until(() -> evaluationOf(registered.id), Optional::isPresent)
                .orElseThrow();
        assertEquals("bulk", bulk.header("ce_lane"));
        assertNull(interactive.header("ce_lane"));
        assertEquals(List.of(true), outboxLanes(imported.id));
        assertEquals(List.of(false), outboxLanes(registered.id));
    }

    /** Whether each of the household's evaluation events in the outbox is bulk. */
    private List<Boolean> outboxLanes(String householdId) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery(
                        "select bulk from outbox_event where aggregate_id = :id and event_type = :type", Boolean.class)
                .setParameter("id", householdId)
                .setParameter("type", EventTypes.EVALUATION_CHANGED)
                .getResultList()
                .stream()
                .map(Boolean.class::cast)
                .toList());
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
