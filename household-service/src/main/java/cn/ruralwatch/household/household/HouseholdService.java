package cn.ruralwatch.household.household;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.household.division.Division;
import cn.ruralwatch.household.division.DivisionLevel;
import cn.ruralwatch.http.EntityTags;
import cn.ruralwatch.http.IdempotencyKeys;
import cn.ruralwatch.personal.PersonalDataKind;
import cn.ruralwatch.personal.PersonalDataProtector;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.Violation;
import cn.ruralwatch.time.ChinaTime;
import com.github.f4b6a3.uuid.UuidCreator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Hibernate;

/** Registers households with their members and answers look-ups. */
@ApplicationScoped
@Transactional
public class HouseholdService {

    static final String AGGREGATE = "household";

    @Inject
    Clock clock;

    @Inject
    EntityManager entityManager;

    @Inject
    IdempotencyKeys idempotencyKeys;

    @Inject
    CallerScope scope;

    @Inject
    PersonalDataProtector protector;

    @Inject
    HouseholdChangeRecorder recorder;

    @Inject
    Residences residences;

    public Household register(HouseholdApi.Registration request, String idempotencyKey) {
        String id = idempotencyKeys
                .once("household", idempotencyKey, request, () -> create(request)
                        .id
                        .toString())
                .resourceId();
        return get(UUID.fromString(id));
    }

    private Household create(HouseholdApi.Registration request) {
        List<Violation> violations = violations(request);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        checkNotRegistered(request.members(), "members", null);
        Household household = build(request, Instant.now());
        recorder.registered(household, HouseholdChangeRecorder.Operation.REGISTER, null, null);
        return household;
    }

    /**
     * A new household from a registration that has no {@link #violations}, not yet stored: its ID numbers encrypted
     * and hashed, its members joined by registration today.
     */
    public Household build(HouseholdApi.Registration request, Instant registeredAt) {
        Household household = new Household();
        household.id = UuidCreator.getTimeOrderedEpoch();
        household.villageCode = request.villageCode();
        household.registeredAt = registeredAt;
        HouseholdMapper.apply(request.attributes(), household);
        encryptNumbers(request.attributes(), household);
        HouseholdMapper.apply(request.monitoring(), household);
        for (HouseholdApi.MemberRegistration m : request.members()) {
            household.addMember(newMember(m, MemberChange.REGISTRATION, ChinaTime.today(clock)));
        }
        if (request.incomes() != null) {
            request.incomes().forEach(income -> HouseholdMapper.apply(income, household));
        }
        return household;
    }

    /** Stores the phone and bank account numbers of the attributes encrypted. */
    void encryptNumbers(HouseholdApi.HouseholdAttributes attributes, Household household) {
        household.phoneCipher =
                protector.encrypt(PersonalDataKind.PHONE, attributes == null ? null : attributes.phone());
        household.bankAccountCipher =
                protector.encrypt(PersonalDataKind.BANK_ACCOUNT, attributes == null ? null : attributes.bankAccount());
    }

    /**
     * Stores the phone and bank account numbers of updated attributes encrypted; an unchanged number keeps its stored
     * ciphertext (a fresh encryption would differ by its nonce alone).
     */
    void updateNumbers(
            Household household, HouseholdApi.HouseholdAttributes updated, HouseholdApi.HouseholdAttributes current) {
        HouseholdApi.HouseholdAttributes now = updated == null ? HouseholdApi.HouseholdAttributes.NONE : updated;
        if (!Objects.equals(now.phone(), current.phone())) {
            household.phoneCipher = protector.encrypt(PersonalDataKind.PHONE, now.phone());
        }
        if (!Objects.equals(now.bankAccount(), current.bankAccount())) {
            household.bankAccountCipher = protector.encrypt(PersonalDataKind.BANK_ACCOUNT, now.bankAccount());
        }
    }

    /** The attributes as stored, with the personal numbers decrypted. */
    HouseholdApi.HouseholdAttributes currentAttributes(Household household) {
        return HouseholdMapper.attributes(
                household,
                protector.decrypt(PersonalDataKind.PHONE, household.phoneCipher),
                protector.decrypt(PersonalDataKind.BANK_ACCOUNT, household.bankAccountCipher));
    }

    /** A new member from its registration, already validated. */
    Member newMember(HouseholdApi.MemberRegistration m, MemberChange joinedBy, LocalDate joinedOn) {
        String idNumber = IdNumbers.normalize(m.idNumber());
        Member member = new Member();
        member.id = UuidCreator.getTimeOrderedEpoch();
        member.name = m.name().trim();
        member.relation = m.relation();
        setIdNumber(member, idNumber);
        member.joinedBy = joinedBy;
        member.joinedOn = joinedOn;
        HouseholdMapper.apply(m.attributes(), member);
        return member;
    }

    /** Sets the ID number and what follows from it: encrypted number, look-up hash, sex and birth date. */
    void setIdNumber(Member member, String idNumber) {
        member.idNumberCipher = protector.encrypt(PersonalDataKind.ID_NUMBER, idNumber);
        member.idNumberHash = protector.lookupHash(PersonalDataKind.ID_NUMBER, idNumber);
        member.sex = IdNumbers.sex(idNumber);
        member.birthDate = IdNumbers.birthDate(idNumber).orElseThrow();
    }

    /**
     * What is wrong with a registration (already valid as a document) short of its people living elsewhere: a village
     * outside the caller's region, ID numbers with a wrong check digit or disagreeing with the sex or birth date given,
     * the same person twice, the same year's incomes twice. Empty when there is nothing.
     */
    public List<Violation> violations(HouseholdApi.Registration request) {
        LocalDate today = ChinaTime.today(clock);
        List<Violation> violations = new ArrayList<>();
        checkVillage(request.villageCode(), "villageCode", violations);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < request.members().size(); i++) {
            HouseholdApi.MemberRegistration member = request.members().get(i);
            String prefix = "members[" + i + "].";
            if (HouseholdRules.checkIdNumber(member, prefix, violations, today)) {
                Integer first = seen.putIfAbsent(IdNumbers.normalize(member.idNumber()), i);
                if (first != null) {
                    violations.add(
                            Violation.of(prefix + "idNumber", "DUPLICATE", "household.id-number.duplicate", first));
                }
            }
        }
        if (request.incomes() != null) {
            Set<Integer> years = new HashSet<>();
            for (int i = 0; i < request.incomes().size(); i++) {
                int year = request.incomes().get(i).year();
                if (!years.add(year)) {
                    violations.add(Violation.of(
                            "incomes[" + i + "].year", "DUPLICATE", "household.income.duplicate-year", year));
                }
            }
        }
        return violations;
    }

    /** Checks that the code names a village in the caller's region. */
    void checkVillage(String villageCode, String field, List<Violation> violations) {
        // a village outside the caller's region is, for the caller, a village that does not exist
        Division village = scope.covers(villageCode) ? entityManager.find(Division.class, villageCode) : null;
        if (village == null) {
            violations.add(Violation.of(field, "UNKNOWN_VILLAGE", "household.village.unknown", villageCode));
        } else if (village.level != DivisionLevel.VILLAGE) {
            violations.add(Violation.of(field, "NOT_A_VILLAGE", "household.village.not-village", villageCode));
        }
    }

    /**
     * Refuses with 409 when any of the people already lives in a household (one person, one household), naming the
     * other household only to a caller who may see it.
     *
     * @param field the name of the list the people came in, for the problem's field paths ({@code members[2]})
     * @param except a member who may hold the number already (the member whose number is being corrected)
     */
    void checkNotRegistered(List<HouseholdApi.MemberRegistration> people, String field, UUID except) {
        Map<String, String> idNumberByHash = new HashMap<>();
        for (HouseholdApi.MemberRegistration m : people) {
            String idNumber = IdNumbers.normalize(m.idNumber());
            protector
                    .lookupHashes(PersonalDataKind.ID_NUMBER, idNumber)
                    .forEach(hash -> idNumberByHash.put(hash, idNumber));
        }
        Map<String, Residences.Residence> found = new HashMap<>();
        residences
                .byHashes(idNumberByHash.keySet(), except)
                .forEach((hash, residence) -> found.put(idNumberByHash.get(hash), residence));
        List<Violation> conflicts = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            Residences.Residence other =
                    found.get(IdNumbers.normalize(people.get(i).idNumber()));
            if (other != null) {
                String path = field.isEmpty() ? "idNumber" : field + "[" + i + "].idNumber";
                conflicts.add(
                        scope.covers(other.villageCode())
                                ? Violation.of(
                                        path,
                                        "ALREADY_REGISTERED",
                                        "household.id-number.registered",
                                        other.householdId())
                                : Violation.of(path, "ALREADY_REGISTERED", "household.id-number.registered-elsewhere"));
            }
        }
        if (!conflicts.isEmpty()) {
            throw ProblemException.conflict(conflicts);
        }
    }

    /**
     * The household of a person, found by the exact ID number through its keyed hash (the number itself is never
     * searched for or stored in plain text); the household the person lives in now before one the person has left.
     * Outside the caller's region it does not exist.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Household findByIdNumber(String idNumber) {
        Household household = entityManager
                .createQuery("""
                        select m.household from Member m
                        where m.idNumberHash in :hashes
                        order by case when m.status = :active then 0 else 1 end, m.leftOn desc""", Household.class)
                .setParameter(
                        "hashes", protector.lookupHashes(PersonalDataKind.ID_NUMBER, IdNumbers.normalize(idNumber)))
                .setParameter("active", MemberStatus.ACTIVE)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .orElse(null);
        if (household == null || !scope.covers(household.villageCode)) {
            // the same answer whether the person is unknown or registered outside the caller's region
            throw ProblemException.notFound("household.id-number.not-found");
        }
        return household;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Household get(UUID id) {
        Household household = entityManager
                .createQuery("select h from Household h left join fetch h.members where h.id = :id", Household.class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst()
                .orElse(null);
        if (household == null || !scope.covers(household.villageCode)) {
            throw ProblemException.notFound("household.not-found", id);
        }
        // the view is built after the transaction, from a complete household
        Hibernate.initialize(household.incomes);
        return household;
    }

    /**
     * The household for a change: locked against concurrent changes for the rest of the transaction, in the caller's
     * region, and at the version the caller read ({@code If-Match}).
     */
    Household forChange(UUID id, String ifMatch) {
        Household household = locked(id);
        EntityTags.requireMatch(ifMatch, household.version);
        household.requireActive();
        Hibernate.initialize(household.members);
        Hibernate.initialize(household.incomes);
        return household;
    }

    /** The household, locked against concurrent changes for the rest of the transaction, in the caller's region. */
    public Household locked(UUID id) {
        Household household = entityManager.find(Household.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (household == null || !scope.covers(household.villageCode)) {
            throw ProblemException.notFound("household.not-found", id);
        }
        return household;
    }
}
