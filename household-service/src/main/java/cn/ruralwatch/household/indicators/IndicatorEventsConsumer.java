package cn.ruralwatch.household.indicators;

import cn.ruralwatch.events.EvaluationChanged;
import cn.ruralwatch.events.IndicatorEvent;
import cn.ruralwatch.events.MonitoringLineSet;
import cn.ruralwatch.events.RiskDetected;
import cn.ruralwatch.events.StandardStatusSet;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.household.clue.ClueIntakeConsumer;
import cn.ruralwatch.household.clue.ClueService;
import cn.ruralwatch.household.monitoring.MonitoringLines;
import cn.ruralwatch.messaging.EventHandler;
import cn.ruralwatch.messaging.Inbox;
import cn.ruralwatch.messaging.IncomingEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * What household-service takes from indicator-service ({@code indicator-events}): the risks it detects
 * ({@code risk.detected.v1}) become warning clues (预警线索) of source 指标评估预警, and the monitoring lines it sets
 * ({@code monitoring-line.set.v1}) are kept for risk elimination. Each event is applied once.
 */
@ApplicationScoped
public class IndicatorEventsConsumer implements EventHandler {

    @Inject
    Inbox inbox;

    @Inject
    ObjectMapper mapper;

    @Inject
    ClueService clues;

    @Inject
    MonitoringLines lines;

    /**
     * Events arrive in batches (the channel has {@code batch=true}), each batch applied in one transaction: a county's
     * re-evaluation sends an {@code evaluation.changed.v1} per household, which household-service only records, and
     * one transaction per event held the bulk lane of indicator-service's outbox to about 120 events a second.
     */
    @Incoming(Topics.INDICATOR_EVENTS)
    @Blocking
    public CompletionStage<Void> onEvents(KafkaRecordBatch<String, String> batch) {
        return inbox.processBatch(this, batch);
    }

    @Override
    public String consumer() {
        return ClueIntakeConsumer.CONSUMER;
    }

    @Override
    public String topic() {
        return Topics.INDICATOR_EVENTS;
    }

    @Override
    public void apply(List<IncomingEvent> events) throws Exception {
        for (IncomingEvent event : events) {
            apply(event);
        }
    }

    void apply(IncomingEvent event) throws Exception {
        switch (IndicatorEvent.parse(event.type(), event.data(), mapper).orElse(null)) {
            case RiskDetected risk -> clues.detected(event, risk);
            case MonitoringLineSet line -> lines.set(event, line);
            case EvaluationChanged ignored -> {
                // evaluation results are for the reports
            }
            case StandardStatusSet ignored -> {
                // which standards are in use matters to the reports' figures, not to the monitoring workflow
            }
            case null -> {
                // an indicator event of a type household-service has no use for
            }
        }
    }
}
