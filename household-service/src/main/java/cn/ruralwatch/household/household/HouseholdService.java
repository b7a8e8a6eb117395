package cn.ruralwatch.household.household;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.audit.AuditTrail;
import cn.ruralwatch.audit.AuditedChange;
import cn.ruralwatch.events.AuditAction;
import cn.ruralwatch.events.EventTypes;
import cn.ruralwatch.events.HouseholdRegistered;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.household.division.Division;
import cn.ruralwatch.household.division.DivisionLevel;
import cn.ruralwatch.http.IdempotencyKeys;
import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.messaging.Outbox;
import cn.ruralwatch.personal.PersonalDataKind;
import cn.ruralwatch.personal.PersonalDataProtector;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;

/** Registers households with their members and answers look-ups. */
@ApplicationScoped
@Transactional
public class HouseholdService {

    static final String AGGREGATE = "household";
    private static final String ONE_PERSON_ONE_HOUSEHOLD = "member_id_number_unique";

    @Inject
    EntityManager entityManager;

    @Inject
    Outbox outbox;

    @Inject
    IdempotencyKeys idempotencyKeys;

    @Inject
    CallerScope scope;

    @Inject
    PersonalDataProtector protector;

    @Inject
    AuditTrail audit;

    public Household register(HouseholdApi.Registration request, String idempotencyKey) {
        String id = idempotencyKeys
                .once("household", idempotencyKey, request, () -> create(request)
                        .id
                        .toString())
                .resourceId();
        return get(UUID.fromString(id));
    }

    private Household create(HouseholdApi.Registration request) {
        validate(request);
        Household household = new Household();
        household.id = UUID.randomUUID();
        household.villageCode = request.villageCode();
        household.registeredAt = Instant.now();
        household.phoneCipher = protector.encrypt(PersonalDataKind.PHONE, request.phone());
        household.bankAccountCipher = protector.encrypt(PersonalDataKind.BANK_ACCOUNT, request.bankAccount());
        for (HouseholdApi.MemberRegistration m : request.members()) {
            String idNumber = IdNumbers.normalize(m.idNumber());
            Member member = new Member();
            member.id = UUID.randomUUID();
            member.name = m.name().trim();
            member.idNumberCipher = protector.encrypt(PersonalDataKind.ID_NUMBER, idNumber);
            member.idNumberHash = protector.lookupHash(PersonalDataKind.ID_NUMBER, idNumber);
            member.relation = m.relation();
            member.sex = IdNumbers.sex(idNumber);
            member.birthDate = IdNumbers.birthDate(idNumber).orElseThrow();
            member.medicalInsurance = m.medicalInsurance() == null ? MedicalInsurance.UNKNOWN : m.medicalInsurance();
            household.addMember(member);
        }
        entityManager.persist(household);
        try {
            entityManager.flush();
        } catch (PersistenceException e) {
            if (e.getCause() instanceof ConstraintViolationException violation
                    && ONE_PERSON_ONE_HOUSEHOLD.equals(violation.getConstraintName())) {
                // a concurrent registration took one of the members between our check and our insert
                throw alreadyRegistered(request, registeredElsewhere(request));
            }
            throw e;
        }
        outbox.publish(
                Topics.HOUSEHOLD_EVENTS,
                AGGREGATE,
                household.id.toString(),
                EventTypes.HOUSEHOLD_REGISTERED,
                registered(household));
        audit.changed(AuditAction.CREATE, AGGREGATE, household.id.toString(), household.villageCode, created(request));
        return household;
    }

    /** The registered fields as the audit log keeps them: personal numbers masked. */
    private static List<AuditedChange> created(HouseholdApi.Registration request) {
        List<AuditedChange> changes = new ArrayList<>();
        changes.add(AuditedChange.created("villageCode", request.villageCode()));
        changes.add(AuditedChange.created("phone", PersonalDataKind.PHONE.mask(request.phone())));
        changes.add(AuditedChange.created("bankAccount", PersonalDataKind.BANK_ACCOUNT.mask(request.bankAccount())));
        for (int i = 0; i < request.members().size(); i++) {
            HouseholdApi.MemberRegistration m = request.members().get(i);
            String prefix = "members[" + i + "].";
            changes.add(AuditedChange.created(prefix + "name", m.name().trim()));
            changes.add(AuditedChange.created(
                    prefix + "idNumber", PersonalDataKind.ID_NUMBER.mask(IdNumbers.normalize(m.idNumber()))));
            changes.add(AuditedChange.created(prefix + "relation", m.relation()));
            changes.add(AuditedChange.created(prefix + "medicalInsurance", m.medicalInsurance()));
        }
        return changes;
    }

    private void validate(HouseholdApi.Registration request) {
        List<Violation> violations = new ArrayList<>();
        // a village outside the caller's region is, for the caller, a village that does not exist
        Division village =
                scope.covers(request.villageCode()) ? entityManager.find(Division.class, request.villageCode()) : null;
        if (village == null) {
            violations.add(
                    Violation.of("villageCode", "UNKNOWN_VILLAGE", "household.village.unknown", request.villageCode()));
        } else if (village.level != DivisionLevel.VILLAGE) {
            violations.add(Violation.of(
                    "villageCode", "NOT_A_VILLAGE", "household.village.not-village", request.villageCode()));
        }
        long heads = request.members().stream()
                .filter(m -> m.relation() == Relation.HEAD)
                .count();
        if (heads != 1) {
            violations.add(Violation.of("members", "HEAD_COUNT", "household.head.count", heads));
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < request.members().size(); i++) {
            String field = "members[" + i + "].idNumber";
            String idNumber = IdNumbers.normalize(request.members().get(i).idNumber());
            if (!IdNumbers.checkDigitValid(idNumber)) {
                violations.add(Violation.of(
                        field,
                        "CHECK_DIGIT",
                        "household.id-number.check-digit",
                        String.valueOf(IdNumbers.expectedCheckCharacter(idNumber))));
                continue;
            }
            Optional<LocalDate> birthDate = IdNumbers.birthDate(idNumber);
            if (birthDate.isEmpty() || birthDate.get().isAfter(LocalDate.now())) {
                violations.add(
                        Violation.of(field, "BIRTH_DATE", "household.id-number.birth-date", idNumber.substring(6, 14)));
                continue;
            }
            Integer first = seen.putIfAbsent(idNumber, i);
            if (first != null) {
                violations.add(Violation.of(field, "DUPLICATE", "household.id-number.duplicate", first));
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        Map<String, Registration> elsewhere = registeredElsewhere(request);
        if (!elsewhere.isEmpty()) {
            throw alreadyRegistered(request, elsewhere);
        }
    }

    private ProblemException alreadyRegistered(HouseholdApi.Registration request, Map<String, Registration> elsewhere) {
        List<Violation> conflicts = new ArrayList<>();
        for (int i = 0; i < request.members().size(); i++) {
            Registration other =
                    elsewhere.get(IdNumbers.normalize(request.members().get(i).idNumber()));
            if (other != null) {
                String field = "members[" + i + "].idNumber";
                // the other household is named only to a caller who may see it
                conflicts.add(
                        scope.covers(other.villageCode())
                                ? Violation.of(
                                        field,
                                        "ALREADY_REGISTERED",
                                        "household.id-number.registered",
                                        other.householdId())
                                : Violation.of(
                                        field, "ALREADY_REGISTERED", "household.id-number.registered-elsewhere"));
            }
        }
        return ProblemException.conflict(conflicts);
    }

    /** Where a person is registered already. */
    private record Registration(UUID householdId, String villageCode) {}

    /** Where the members' ID numbers are registered already, by ID number, found through their look-up hashes. */
    private Map<String, Registration> registeredElsewhere(HouseholdApi.Registration request) {
        Map<String, String> idNumberByHash = new HashMap<>();
        for (HouseholdApi.MemberRegistration m : request.members()) {
            String idNumber = IdNumbers.normalize(m.idNumber());
            protector
                    .lookupHashes(PersonalDataKind.ID_NUMBER, idNumber)
                    .forEach(hash -> idNumberByHash.put(hash, idNumber));
        }
        Map<String, Registration> found = new HashMap<>();
        entityManager
                .createQuery(
                        "select m.idNumberHash, m.household.id, m.household.villageCode from Member m where m.idNumberHash in :hashes",
                        Object[].class)
                .setParameter("hashes", idNumberByHash.keySet())
                .getResultList()
                .forEach(row -> found.put(
                        idNumberByHash.get((String) row[0]), new Registration((UUID) row[1], (String) row[2])));
        return found;
    }

    /**
     * The household of a person, found by the exact ID number through its keyed hash (the number itself is never
     * searched for or stored in plain text). Outside the caller's region it does not exist.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Household findByIdNumber(String idNumber) {
        Household household = entityManager
                .createQuery("""
                        select h from Household h left join fetch h.members
                        where h.id in (select m.household.id from Member m where m.idNumberHash in :hashes)""", Household.class)
                .setParameter(
                        "hashes", protector.lookupHashes(PersonalDataKind.ID_NUMBER, IdNumbers.normalize(idNumber)))
                .getResultList()
                .stream()
                .findFirst()
                .orElse(null);
        if (household == null || !scope.covers(household.villageCode)) {
            // the same answer whether the person is unknown or registered outside the caller's region
            throw ProblemException.notFound("household.id-number.not-found");
        }
        return household;
    }

    private static HouseholdRegistered registered(Household household) {
        return new HouseholdRegistered(
                household.id.toString(),
                household.villageCode,
                household.registeredAt,
                household.members.stream()
                        .map(m -> new HouseholdRegistered.Member(
                                m.id.toString(),
                                m.relation.name(),
                                m.sex.name(),
                                m.birthDate,
                                m.medicalInsurance.name()))
                        .toList());
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
        return household;
    }

    /** Households whose village lies in the division (code prefix) and in the caller's region, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Household> list(String division, PageRequest page) {
        if (division != null && !DivisionLevel.isDivisionCode(division)) {
            throw ProblemException.invalid(Violation.of("division", "FORMAT", "household.division.invalid"));
        }
        String prefix =
                scope.narrow(division).orElseThrow(() -> ProblemException.notFound("division.not-found", division))
                        + "%";
        List<UUID> ids = entityManager
                .createQuery(
                        "select h.id from Household h where h.villageCode like :prefix order by h.registeredAt, h.id",
                        UUID.class)
                .setParameter("prefix", prefix)
                .setFirstResult(page.offset())
                .setMaxResults(page.size())
                .getResultList();
        Map<UUID, Household> loaded = new HashMap<>();
        if (!ids.isEmpty()) {
            entityManager
                    .createQuery(
                            "select distinct h from Household h left join fetch h.members where h.id in :ids",
                            Household.class)
                    .setParameter("ids", ids)
                    .getResultList()
                    .forEach(h -> loaded.put(h.id, h));
        }
        List<Household> items = ids.stream().map(loaded::get).toList();
        long total = entityManager
                .createQuery("select count(h) from Household h where h.villageCode like :prefix", Long.class)
                .setParameter("prefix", prefix)
                .getSingleResult();
        return page.page(items, total);
    }
}
