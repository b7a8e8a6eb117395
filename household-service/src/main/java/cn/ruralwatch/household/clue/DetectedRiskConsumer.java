package cn.ruralwatch.household.clue;

import cn.ruralwatch.events.IndicatorEvent;
import cn.ruralwatch.events.RiskDetected;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.messaging.EventHandler;
import cn.ruralwatch.messaging.Inbox;
import cn.ruralwatch.messaging.IncomingEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Takes the risks indicator-service detects ({@code risk.detected.v1} on {@code indicator-events}) as warning clues
 * (预警线索) of source 指标评估预警. Other indicator events are not for household-service.
 */
@ApplicationScoped
public class DetectedRiskConsumer implements EventHandler {

    @Inject
    Inbox inbox;

    @Inject
    ObjectMapper mapper;

    @Inject
    ClueService clues;

    @Incoming(Topics.INDICATOR_EVENTS)
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        inbox.process(this, record);
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
        if (IndicatorEvent.parse(event.type(), event.data(), mapper).orElse(null) instanceof RiskDetected risk) {
            clues.detected(event, risk);
        }
    }
}
