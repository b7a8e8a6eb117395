package cn.ruralwatch.testing;

import cn.ruralwatch.events.EventTypes;
import cn.ruralwatch.events.HouseholdRegistered;
import cn.ruralwatch.events.HouseholdState;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The data of household events as household-service publishes them, for consumers' tests that stand in for
 * household-service: built from the event contract's records and checked against the event's JSON Schema.
 */
public final class HouseholdEventData {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private HouseholdEventData() {}

    /** A member as a consumer's test needs it; every other attribute is left unverified. */
    public record MemberSketch(
            String memberId,
            String relation,
            String sex,
            LocalDate birthDate,
            String medicalInsurance,
            String laborAbility) {

        public MemberSketch(
                String memberId, String relation, String sex, LocalDate birthDate, String medicalInsurance) {
            this(memberId, relation, sex, birthDate, medicalInsurance, null);
        }
    }

    /** {@code household.registered.v1} of a household of the given members, at version 0. */
    public static String registered(String householdId, String villageCode, List<MemberSketch> members) {
        return json(
                EventTypes.HOUSEHOLD_REGISTERED,
                new HouseholdRegistered(state(householdId, villageCode, 0, members), null));
    }

    /** {@code household.registered.v1} of a household of the given poverty status (e.g. EXITED 脱贫户), at version 0. */
    public static String registered(
            String householdId, String villageCode, String povertyStatus, List<MemberSketch> members) {
        return registered(householdId, villageCode, povertyStatus, null, members);
    }

    /** {@code household.registered.v1} of a household monitored as given (监测对象), at version 0. */
    public static String registered(
            String householdId,
            String villageCode,
            String povertyStatus,
            HouseholdState.Monitoring monitoring,
            List<MemberSketch> members) {
        return json(
                EventTypes.HOUSEHOLD_REGISTERED,
                new HouseholdRegistered(state(householdId, villageCode, 0, povertyStatus, monitoring, members), null));
    }

    public static HouseholdState state(
            String householdId, String villageCode, long version, List<MemberSketch> members) {
        return state(householdId, villageCode, version, "NOT_POOR", null, members);
    }

    private static HouseholdState state(
            String householdId,
            String villageCode,
            long version,
            String povertyStatus,
            HouseholdState.Monitoring monitoring,
            List<MemberSketch> members) {
        return new HouseholdState(
                householdId,
                version,
                villageCode,
                "户主" + householdId.substring(0, 4),
                "ACTIVE",
                Instant.parse("2026-01-05T08:00:00Z"),
                povertyStatus,
                "EXITED".equals(povertyStatus) ? 2019 : null,
                monitoring,
                false,
                false,
                new HouseholdState.Housing(null, null, false, "NONE"),
                new HouseholdState.DrinkingWater(null, null, null, null),
                null,
                null,
                null,
                List.of(),
                null,
                List.of(),
                members.stream()
                        .map(m -> new HouseholdState.Member(
                                m.memberId(),
                                "ACTIVE",
                                m.relation(),
                                m.sex(),
                                m.birthDate(),
                                "REGISTRATION",
                                null,
                                null,
                                m.laborAbility(),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                m.medicalInsurance(),
                                null,
                                "UNKNOWN",
                                null,
                                false,
                                null,
                                null,
                                null))
                        .toList());
    }

    /** The event serialized as producers serialize it, after checking it against the schema of its type. */
    public static String json(String type, Object event) {
        try {
            String json = MAPPER.writeValueAsString(event);
            EventSchemas.assertValid(type, json);
            return json;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
