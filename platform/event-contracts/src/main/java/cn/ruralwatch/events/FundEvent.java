package cn.ruralwatch.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/** Events on {@link Topics#FUND_EVENTS}. */
public sealed interface FundEvent permits FundBatchRegistered {

    static Optional<FundEvent> parse(String type, String data, ObjectMapper mapper) throws JsonProcessingException {
        return Optional.ofNullable(
                switch (type) {
                    case EventTypes.FUND_BATCH_REGISTERED -> mapper.readValue(data, FundBatchRegistered.class);
                    default -> null;
                });
    }
}
