package cn.ruralwatch.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code household.registered.v1}: a household and its members were registered. Key: the household id. Carries no
 * personal numbers (ID, phone, bank account): consumers work with ids and the attributes they evaluate.
 */
public record HouseholdRegistered(String householdId, String villageCode, Instant registeredAt, List<Member> members)
        implements HouseholdEvent {

    public HouseholdRegistered {
        members = List.copyOf(members);
    }

    /** A member as consumers need it. {@code medicalInsurance}: ENROLLED, NOT_ENROLLED or UNKNOWN. */
    public record Member(String memberId, String relation, String sex, LocalDate birthDate, String medicalInsurance) {}
}
