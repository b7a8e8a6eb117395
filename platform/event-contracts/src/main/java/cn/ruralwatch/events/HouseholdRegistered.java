package cn.ruralwatch.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * {@code household.registered.v1}: a household and its members were registered. Key: the household id. Carries no
 * personal numbers (ID, phone, bank account): consumers work with ids and the attributes they evaluate.
 */
public record HouseholdRegistered(String householdId, String villageCode, Instant registeredAt, List<Member> members)
        implements HouseholdEvent {

    public HouseholdRegistered {
        Objects.requireNonNull(householdId, "householdId");
        Objects.requireNonNull(villageCode, "villageCode");
        Objects.requireNonNull(registeredAt, "registeredAt");
        members = List.copyOf(Objects.requireNonNull(members, "members"));
    }

    /** A member as consumers need it. {@code medicalInsurance}: ENROLLED, NOT_ENROLLED or UNKNOWN. */
    public record Member(String memberId, String relation, String sex, LocalDate birthDate, String medicalInsurance) {
        public Member {
            Objects.requireNonNull(memberId, "memberId");
            Objects.requireNonNull(relation, "relation");
            Objects.requireNonNull(medicalInsurance, "medicalInsurance");
        }
    }
}
