package cn.ruralwatch.household.household;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.household.household.HouseholdChangeRecorder.Operation;
import cn.ruralwatch.personal.PersonalDataKind;
import cn.ruralwatch.personal.PersonalDataProtector;
import cn.ruralwatch.problem.Problem;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.ProblemExceptionMappers;
import cn.ruralwatch.problem.Violation;
import cn.ruralwatch.sql.Sql;
import cn.ruralwatch.time.ChinaTime;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Hibernate;

/**
 * Households of an import file, checked as registrations are and stored many at a time: a household none of whose
 * people lives in a household yet is registered; one whose people live in one household of the caller's region updates
 * that household (a later file updates by ID number). Every stored household gets its revision, event and audit entry,
 * as a registration or change through the API does.
 */
@ApplicationScoped
public class ImportedHouseholds {

    @Inject
    Clock clock;

    @Inject
    Sql sql;

    @Inject
    HouseholdService registrations;

    @Inject
    Households households;

    @Inject
    Villages villages;

    @Inject
    PersonalNumbers numbers;

    @Inject
    Residences residences;

    @Inject
    HouseholdChangeRecorder recorder;

    @Inject
    PersonalDataProtector protector;

    @Inject
    Validator validator;

    @Inject
    ObjectMapper mapper;

    @Inject
    CallerScope scope;

    @Inject
    EntityManager entityManager;

    /**
     * A household of the file checked on its own.
     *
     * @param violations what is wrong with it (fields of the registration document); empty when it may be stored
     * @param household the household it would register, when nothing is wrong
     * @param stage how far the checks went: a document that is not valid as such, or one with violations that its
     *     content shows, is not built; the rules are checked on a built one
     */
    public record Checked(
            HouseholdApi.Registration registration, List<Violation> violations, Household household, Stage stage) {

        /** How far a household's checks went. */
        public enum Stage {
            /** Not valid as a document (a value missing or out of range): nothing else was checked. */
            INVALID_DOCUMENT,
            /** Valid as a document, with violations its content shows: not built. */
            DOCUMENT_CHECKED,
            /** Built as a household and checked against the household rules. */
            BUILT
        }
    }

    /** What became of a checked household. */
    public enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED,
        REJECTED
    }

    /** What became of a checked household, with the reasons when it was rejected. */
    public record Result(Outcome outcome, List<Violation> violations) {

        static Result rejected(List<Violation> violations) {
            return new Result(Outcome.REJECTED, violations);
        }
    }

    /**
     * The columns a file has, as fields of the registration document: the household's ({@code attributes.phone}) and
     * the member's ({@code attributes.health}). A later file changes only what it has columns for.
     */
    public record Fields(Set<String> household, Set<String> member) {}

    /**
     * Checks a registration document read from a file as the API checks a registration, short of look-ups: the
     * village is checked by {@link #checkVillage}. Needs neither a transaction nor the caller, so an import checks its
     * next households while it stores the current ones.
     */
    public Checked checkDocument(HouseholdApi.Registration registration, Instant registeredAt) {
        List<Violation> violations = new ArrayList<>();
        for (ConstraintViolation<HouseholdApi.Registration> violation : validator.validate(registration)) {
            Problem.FieldViolation error = ProblemExceptionMappers.fieldViolation(violation);
            violations.add(Violation.of(error.field(), error.code(), error.message()));
        }
        if (!violations.isEmpty()) {
            return new Checked(registration, violations, null, Checked.Stage.INVALID_DOCUMENT);
        }
        violations.addAll(registrations.documentViolations(registration));
        if (!violations.isEmpty()) {
            return new Checked(registration, violations, null, Checked.Stage.DOCUMENT_CHECKED);
        }
        Household household = registrations.build(registration, registeredAt);
        violations.addAll(HouseholdRules.check(household, ChinaTime.today(clock)));
        return new Checked(registration, violations, violations.isEmpty() ? household : null, Checked.Stage.BUILT);
    }

    /**
     * A household checked by {@link #checkDocument} with its village checked too: what the API finds for the same
     * registration. A village that is not one of the caller's comes first, as the API lists it; the household is then
     * not built, so the household rules are not reported.
     */
    public Checked checkVillage(Checked checked) {
        if (checked.stage() == Checked.Stage.INVALID_DOCUMENT) {
            return checked;
        }
        List<Violation> violations = new ArrayList<>();
        villages.check(checked.registration().villageCode(), "villageCode", violations);
        if (violations.isEmpty()) {
            return checked;
        }
        if (checked.stage() == Checked.Stage.DOCUMENT_CHECKED) {
            violations.addAll(checked.violations());
        }
        return new Checked(checked.registration(), violations, null, Checked.Stage.DOCUMENT_CHECKED);
    }

    /**
     * Stores checked households without violations in the caller's transaction: registers the new ones in one batch
     * and updates the registered ones. A person found in a household outside the caller's region, in several
     * households, or missing from the household the others live in rejects the file's household.
     *
     * @return what became of each household, in the order given
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Result> store(List<Checked> checked, Fields fields, String reason) {
        if (checked.isEmpty()) {
            return List.of();
        }
        // a chunk of a file: the same look-ups and inserts for every household in it
        sql.planOnce();
        Map<String, int[]> memberByHash = new HashMap<>();
        for (int c = 0; c < checked.size(); c++) {
            List<HouseholdApi.MemberRegistration> members =
                    checked.get(c).registration().members();
            for (int m = 0; m < members.size(); m++) {
                if (members.get(m).leftBeforeRegistration()) {
                    continue; // gone before the household was registered: not where the household is found
                }
                int[] at = {c, m};
                protector
                        .lookupHashes(
                                PersonalDataKind.ID_NUMBER,
                                IdNumbers.normalize(members.get(m).idNumber()))
                        .forEach(hash -> memberByHash.put(hash, at));
            }
        }
        List<Map<Integer, Residences.Residence>> found = new ArrayList<>();
        checked.forEach(c -> found.add(new HashMap<>()));
        residences.byHashes(memberByHash.keySet(), null).forEach((hash, residence) -> {
            int[] at = memberByHash.get(hash);
            found.get(at[0]).put(at[1], residence);
        });
        List<Result> results = new ArrayList<>(checked.size());
        List<Household> created = new ArrayList<>();
        for (int c = 0; c < checked.size(); c++) {
            Map<Integer, Residences.Residence> residences = found.get(c);
            if (residences.isEmpty()) {
                created.add(checked.get(c).household());
                results.add(new Result(Outcome.CREATED, List.of()));
            } else {
                results.add(update(checked.get(c), residences, fields, reason));
            }
        }
        recorder.registeredAll(created, Operation.IMPORT, reason);
        return results;
    }

    private Result update(
            Checked checked, Map<Integer, Residences.Residence> residences, Fields fields, String reason) {
        HouseholdApi.Registration file = checked.registration();
        Set<UUID> targets = new LinkedHashSet<>();
        residences.values().forEach(r -> targets.add(r.householdId()));
        Residences.Residence residence = residences.values().iterator().next();
        if (targets.size() > 1 || !scope.covers(residence.villageCode())) {
            List<Violation> violations = new ArrayList<>();
            residences.forEach((m, r) -> violations.add(
                    scope.covers(r.villageCode()) && targets.size() > 1
                            ? Violation.of(
                                    "members[" + m + "].idNumber",
                                    "IN_ANOTHER_HOUSEHOLD",
                                    "household-import.member.several-households",
                                    r.householdId())
                            : Violation.of(
                                    "members[" + m + "].idNumber",
                                    "ALREADY_REGISTERED",
                                    "household.id-number.registered-elsewhere")));
            return Result.rejected(violations);
        }
        Household household = households.locked(residence.householdId());
        Hibernate.initialize(household.members);
        Hibernate.initialize(household.incomes);
        Hibernate.initialize(household.pastMonitoring);
        List<Violation> violations = new ArrayList<>();
        if (!household.villageCode.equals(file.villageCode())) {
            violations.add(Violation.of(
                    "villageCode", "VILLAGE_DIFFERS", "household-import.village.differs", household.villageCode));
        }
        HouseholdApi.Monitoring monitoring = HouseholdMapper.monitoring(household);
        if (file.monitoring() != null && !sameMonitoring(file.monitoring(), monitoring)) {
            violations.add(Violation.of("monitoring", "BY_WORKFLOW_ONLY", "household-import.monitoring.workflow"));
        }
        List<Member> matched = new ArrayList<>();
        for (int m = 0; m < file.members().size(); m++) {
            Set<String> hashes = Set.copyOf(protector.lookupHashes(
                    PersonalDataKind.ID_NUMBER,
                    IdNumbers.normalize(file.members().get(m).idNumber())));
            boolean gone = file.members().get(m).leftBeforeRegistration();
            // a member the file gives as gone is found among those who left too
            Member member = (gone ? household.members : household.activeMembers())
                    .stream()
                            .filter(candidate -> hashes.contains(candidate.idNumberHash))
                            .findFirst()
                            .orElse(null);
            if (member == null) {
                violations.add(Violation.of(
                        "members[" + m + "].idNumber",
                        "NOT_IN_HOUSEHOLD",
                        "household-import.member.not-in-household",
                        household.id));
            } else if (gone && member.active()) {
                // a member who lives in the household leaves by a member change (减员), dated, not by a file
                violations.add(Violation.of(
                        "members[" + m + "].leftBy",
                        "BY_MEMBER_CHANGE_ONLY",
                        "household-import.member.leaves-by-change"));
            }
            matched.add(member);
        }
        if (!violations.isEmpty()) {
            return Result.rejected(violations);
        }
        JsonNode before = recorder.before(household);
        HouseholdApi.HouseholdAttributes current = numbers.attributes(household);
        HouseholdApi.HouseholdAttributes attributes = merged(
                current, file.attributes(), fields.household(), "attributes.", HouseholdApi.HouseholdAttributes.class);
        HouseholdMapper.apply(attributes, household);
        numbers.reseal(household, attributes, current);
        for (int m = 0; m < matched.size(); m++) {
            Member member = matched.get(m);
            HouseholdApi.MemberRegistration given = file.members().get(m);
            member.name = given.name().trim();
            member.relation = given.relation();
            HouseholdMapper.apply(
                    merged(
                            HouseholdMapper.attributes(member),
                            given.attributes(),
                            fields.member(),
                            "attributes.",
                            HouseholdApi.MemberAttributes.class),
                    member);
        }
        if (file.incomes() != null) {
            LocalDate today = ChinaTime.today(clock);
            file.incomes().forEach(income -> HouseholdMapper.apply(income, household, today));
        }
        try {
            List<?> changes = recorder.changed(
                    household,
                    before,
                    Operation.IMPORT,
                    reason,
                    null,
                    change -> change.changed(Operation.IMPORT, reason));
            return new Result(changes.isEmpty() ? Outcome.UNCHANGED : Outcome.UPDATED, List.of());
        } catch (ProblemException refused) {
            // nothing of the refused change may reach the database with the rest of the chunk
            entityManager.detach(household);
            return Result.rejected(refused.violations());
        }
    }

    /** Blank monitoring cells keep what the workflow recorded; given ones must agree with it. */
    private static boolean sameMonitoring(HouseholdApi.Monitoring given, HouseholdApi.Monitoring current) {
        return current != null
                && given.category() == current.category()
                && given.riskState() == current.riskState()
                && Objects.equals(given.identifiedYear(), current.identifiedYear())
                && Set.copyOf(given.riskTypes()).equals(Set.copyOf(current.riskTypes()))
                && (given.monitoredSince() == null || given.monitoredSince().equals(current.monitoredSince()));
    }

    /**
     * The current attributes with the file's value for every field the file has a column for (a blank cell clears it),
     * and the current value for every other.
     */
    private <T> T merged(T current, T given, Set<String> columns, String prefix, Class<T> type) {
        ObjectNode document = mapper.valueToTree(current);
        JsonNode file = given == null ? mapper.createObjectNode() : mapper.valueToTree(given);
        for (String column : columns) {
            if (!column.startsWith(prefix)) {
                continue;
            }
            String[] path = column.substring(prefix.length()).split("\\.");
            ObjectNode target = document;
            JsonNode source = file;
            for (int i = 0; i < path.length - 1; i++) {
                target = target.get(path[i]) instanceof ObjectNode child ? child : target.putObject(path[i]);
                source = source == null ? null : source.get(path[i]);
            }
            String name = path[path.length - 1];
            JsonNode value = source == null ? null : source.get(name);
            target.set(name, value == null ? mapper.nullNode() : value);
        }
        return mapper.convertValue(document, type);
    }
}
