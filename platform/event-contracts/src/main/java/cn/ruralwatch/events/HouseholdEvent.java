package cn.ruralwatch.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/** Events on {@link Topics#HOUSEHOLD_EVENTS}. */
public sealed interface HouseholdEvent permits DivisionRegistered, DivisionRenamed, HouseholdRegistered {

    /** The event of a given type, or empty for a type this version does not know (newer producers). */
    static Optional<HouseholdEvent> parse(String type, String data, ObjectMapper mapper)
            throws JsonProcessingException {
        return Optional.ofNullable(
                switch (type) {
                    case EventTypes.DIVISION_REGISTERED -> mapper.readValue(data, DivisionRegistered.class);
                    case EventTypes.DIVISION_RENAMED -> mapper.readValue(data, DivisionRenamed.class);
                    case EventTypes.HOUSEHOLD_REGISTERED -> mapper.readValue(data, HouseholdRegistered.class);
                    default -> null;
                });
    }
}
