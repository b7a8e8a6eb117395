package cn.ruralwatch.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/** Events on {@link Topics#AUDIT_EVENTS}. */
public sealed interface AuditEvent permits AuditRecorded {

    static Optional<AuditEvent> parse(String type, String data, ObjectMapper mapper) throws JsonProcessingException {
        return Optional.ofNullable(
                switch (type) {
                    case EventTypes.AUDIT_RECORDED -> mapper.readValue(data, AuditRecorded.class);
                    default -> null;
                });
    }
}
