package cn.ruralwatch.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/** Events on {@link Topics#INDICATOR_EVENTS}. */
public sealed interface IndicatorEvent permits EvaluationChanged, RiskDetected, MonitoringLineSet, StandardStatusSet {

    static Optional<IndicatorEvent> parse(String type, String data, ObjectMapper mapper)
            throws JsonProcessingException {
        return Optional.ofNullable(
                switch (type) {
                    case EventTypes.EVALUATION_CHANGED -> mapper.readValue(data, EvaluationChanged.class);
                    case EventTypes.RISK_DETECTED -> mapper.readValue(data, RiskDetected.class);
                    case EventTypes.MONITORING_LINE_SET -> mapper.readValue(data, MonitoringLineSet.class);
                    case EventTypes.STANDARD_STATUS_SET -> mapper.readValue(data, StandardStatusSet.class);
                    default -> null;
                });
    }
}
