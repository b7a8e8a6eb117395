package cn.ruralwatch.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/** Events on {@link Topics#FUND_EVENTS}. */
public sealed interface FundEvent
        permits FundBatchRegistered,
                ProjectChanged,
                DisbursementRecorded,
                HouseholdBenefitsTotalled,
                PvStationRegistered,
                PvOutputRecorded,
                PvPlanPublished {

    static Optional<FundEvent> parse(String type, String data, ObjectMapper mapper) throws JsonProcessingException {
        return Optional.ofNullable(
                switch (type) {
                    case EventTypes.FUND_BATCH_REGISTERED -> mapper.readValue(data, FundBatchRegistered.class);
                    case EventTypes.PROJECT_CHANGED -> mapper.readValue(data, ProjectChanged.class);
                    case EventTypes.DISBURSEMENT_RECORDED -> mapper.readValue(data, DisbursementRecorded.class);
                    case EventTypes.HOUSEHOLD_BENEFITS_TOTALLED ->
                        mapper.readValue(data, HouseholdBenefitsTotalled.class);
                    case EventTypes.PV_STATION_REGISTERED -> mapper.readValue(data, PvStationRegistered.class);
                    case EventTypes.PV_OUTPUT_RECORDED -> mapper.readValue(data, PvOutputRecorded.class);
                    case EventTypes.PV_PLAN_PUBLISHED -> mapper.readValue(data, PvPlanPublished.class);
                    default -> null;
                });
    }
}
