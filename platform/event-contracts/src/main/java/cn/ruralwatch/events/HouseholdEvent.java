package cn.ruralwatch.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;

/** Events on {@link Topics#HOUSEHOLD_EVENTS}. */
public sealed interface HouseholdEvent
        permits DivisionRegistered,
                DivisionRenamed,
                VillageStatusSet,
                DivisionPopulationSet,
                HouseholdStateEvent,
                MonitoringCaseOpened,
                MonitoringCaseDecided,
                AssistanceMeasureAdded {

    /** The event of a given type, or empty for a type this version does not know (newer producers). */
    static Optional<HouseholdEvent> parse(String type, String data, ObjectMapper mapper)
            throws JsonProcessingException {
        return Optional.ofNullable(
                switch (type) {
                    case EventTypes.DIVISION_REGISTERED -> mapper.readValue(data, DivisionRegistered.class);
                    case EventTypes.DIVISION_RENAMED -> mapper.readValue(data, DivisionRenamed.class);
                    case EventTypes.VILLAGE_STATUS_SET -> mapper.readValue(data, VillageStatusSet.class);
                    case EventTypes.DIVISION_POPULATION_SET -> mapper.readValue(data, DivisionPopulationSet.class);
                    case EventTypes.HOUSEHOLD_REGISTERED -> mapper.readValue(data, HouseholdRegistered.class);
                    case EventTypes.HOUSEHOLD_CHANGED -> mapper.readValue(data, HouseholdChanged.class);
                    case EventTypes.MEMBER_ADDED -> mapper.readValue(data, MemberAdded.class);
                    case EventTypes.MEMBER_REMOVED -> mapper.readValue(data, MemberRemoved.class);
                    case EventTypes.HOUSEHOLD_CATEGORY_CHANGED ->
                        mapper.readValue(data, HouseholdCategoryChanged.class);
                    case EventTypes.RISK_ELIMINATED -> mapper.readValue(data, RiskEliminated.class);
                    case EventTypes.MONITORING_CASE_OPENED -> mapper.readValue(data, MonitoringCaseOpened.class);
                    case EventTypes.MONITORING_CASE_DECIDED -> mapper.readValue(data, MonitoringCaseDecided.class);
                    case EventTypes.ASSISTANCE_MEASURE_ADDED -> mapper.readValue(data, AssistanceMeasureAdded.class);
                    default -> null;
                });
    }

    /** The households' states the events carry, in their order (the state events' households). */
    static List<HouseholdState> states(List<HouseholdEvent> events) {
        return events.stream()
                .filter(HouseholdStateEvent.class::isInstance)
                .map(event -> ((HouseholdStateEvent) event).household())
                .toList();
    }
}
