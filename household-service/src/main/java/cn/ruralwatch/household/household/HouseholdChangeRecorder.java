package cn.ruralwatch.household.household;

import cn.ruralwatch.audit.AuditTrail;
import cn.ruralwatch.audit.AuditedChange;
import cn.ruralwatch.events.AuditAction;
import cn.ruralwatch.events.EventTypes;
import cn.ruralwatch.events.HouseholdCategoryChanged;
import cn.ruralwatch.events.HouseholdChanged;
import cn.ruralwatch.events.HouseholdRegistered;
import cn.ruralwatch.events.HouseholdState;
import cn.ruralwatch.events.HouseholdStateEvent;
import cn.ruralwatch.events.MemberAdded;
import cn.ruralwatch.events.MemberRemoved;
import cn.ruralwatch.events.RiskEliminated;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.household.history.HouseholdHistory;
import cn.ruralwatch.messaging.Outbox;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.Violation;
import cn.ruralwatch.sql.EntityRows;
import cn.ruralwatch.time.ChinaTime;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.hibernate.exception.ConstraintViolationException;

/**
 * How every change to a household ends, whatever the operation: the rules are checked (a broken rule changes
 * nothing), the change is written with a new version, and in the same transaction the history gets a revision (who,
 * when, why, old → new), the outbox an event carrying the new state and the audit trail an entry. The values are
 * written once, in the revision; the audit entry names the revision and the changed fields, and a registration's event
 * is built from the revision as it is published ({@link RegistrationEvents}).
 */
@ApplicationScoped
public class HouseholdChangeRecorder {

    /** The partial unique index that keeps one person in one household. */
    static final String ONE_PERSON_ONE_HOUSEHOLD = "member_id_number_hash_active";

    /** What the history and the change event call an operation. */
    public enum Operation {
        REGISTER,
        UPDATE,
        MEMBER_UPDATE,
        INCOME,
        ENLISTMENT,
        HEAD_CHANGE,
        MEMBER_ADDED,
        MEMBER_REMOVED,
        SPLIT,
        SPLIT_FROM,
        MERGE,
        MERGED_INTO,
        /** 识别纳入监测对象 (county decision) */
        IDENTIFICATION,
        /** 风险消除 (county decision) */
        RISK_ELIMINATION,
        /** 批量导入: registered or updated from an import file */
        IMPORT,
        /** 录入此前的监测经历 */
        MONITORING_HISTORY
    }

    @Inject
    Clock clock;

    @Inject
    EntityManager entityManager;

    @Inject
    EntityRows rows;

    @Inject
    HouseholdViews views;

    @Inject
    HouseholdHistory history;

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    /** The household as the history keeps it, to be passed back to {@link #changed} after the change. */
    public JsonNode before(Household household) {
        return views.snapshot(household);
    }

    /** Checks the rules a household must satisfy; throws a 400 problem naming every broken one. */
    void checkRules(Household household) {
        List<Violation> violations = HouseholdRules.check(household, ChinaTime.today(clock));
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
    }

    /**
     * Records a new household (registration, or the new household of a split): persisted, so that it stays managed
     * for the rest of the caller's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void registered(Household household, Operation operation, String reason) {
        prepare(household);
        entityManager.persist(household);
        flush();
        recordRegistrations(List.of(household), operation, reason);
    }

    /**
     * Records new households in one batch (a bulk import stores thousands in a transaction): their rows written by
     * COPY through the entities' mapping ({@link EntityRows}), then the revisions, events and audit entries of all of
     * them. The households are not managed afterwards. A person who would be in two households at once fails the
     * batch as {@link #registered} fails, with a 409.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void registeredAll(List<Household> households, Operation operation, String reason) {
        List<Member> members = new ArrayList<>();
        for (Household household : households) {
            prepare(household);
            members.addAll(household.members);
        }
        try {
            rows.insert(Household.class, households);
            rows.insert(Member.class, members);
        } catch (PersistenceException e) {
            throw conflictIfInTwoHouseholds(e);
        }
        recordRegistrations(households, operation, reason);
    }

    private void prepare(Household household) {
        checkRules(household);
        household.recomputeIncomes();
        household.updatedAt = household.registeredAt;
    }

    /** The revisions, events and audit entries of households just written. */
    private void recordRegistrations(List<Household> households, Operation operation, String reason) {
        List<HouseholdHistory.Entry> revisions = new ArrayList<>(households.size());
        List<Outbox.Message> messages = new ArrayList<>(2 * households.size());
        for (Household household : households) {
            JsonNode after = views.snapshot(household);
            revisions.add(new HouseholdHistory.Entry(
                    household.id,
                    household.version,
                    household.registeredAt,
                    null,
                    operation.name(),
                    reason,
                    null,
                    after));
            // the event carries the household as registered: the revision holds it, and the event is built from it
            // as it is published rather than stored twice
            messages.add(Outbox.Message.referencing(
                    Topics.HOUSEHOLD_EVENTS,
                    HouseholdService.AGGREGATE,
                    household.id.toString(),
                    EventTypes.HOUSEHOLD_REGISTERED,
                    RegistrationEvents.reference(household)));
            // the revision holds the household as registered: the entry points to it rather than copying it
            messages.add(audit.revisionEntry(
                    AuditAction.CREATE,
                    HouseholdService.AGGREGATE,
                    household.id.toString(),
                    household.villageCode,
                    household.version,
                    List.of()));
        }
        history.recordAll(revisions);
        outbox.publishAll(messages);
    }

    /**
     * Records a change made to a managed household since {@code before} was taken. Returns the changed fields; when
     * nothing changed, nothing is written and no version is spent.
     *
     * @param event the event to publish, given the changed field names and the household's new state
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<AuditedChange> changed(
            Household household,
            JsonNode before,
            Operation operation,
            String reason,
            LocalDate effectiveOn,
            Function<Change, HouseholdStateEvent> event) {
        checkRules(household);
        household.recomputeIncomes();
        JsonNode changed = views.snapshot(household);
        List<AuditedChange> changes = history.changes(before, changed);
        if (changes.isEmpty()) {
            return changes;
        }
        household.updatedAt = clock.instant();
        flush();
        JsonNode after = views.stamped(changed, household);
        history.record(new HouseholdHistory.Entry(
                household.id,
                household.version,
                household.updatedAt,
                effectiveOn,
                operation.name(),
                reason,
                changes,
                after));
        List<String> fields = changes.stream().map(AuditedChange::field).toList();
        HouseholdStateEvent published = event.apply(new Change(fields, HouseholdMapper.state(household)));
        publish(household, type(published), published);
        audit.revised(
                AuditAction.UPDATE,
                HouseholdService.AGGREGATE,
                household.id.toString(),
                household.villageCode,
                household.version,
                fields);
        return changes;
    }

    /** What an event about a change is built from. */
    public record Change(List<String> changedFields, HouseholdState state) {

        public HouseholdChanged changed(Operation operation, String reason) {
            return new HouseholdChanged(operation.name(), reason, changedFields, state);
        }
    }

    private void publish(Household household, String type, HouseholdStateEvent event) {
        outbox.publishAll(List.of(message(household, type, event)));
    }

    private static Outbox.Message message(Household household, String type, HouseholdStateEvent event) {
        return new Outbox.Message(
                Topics.HOUSEHOLD_EVENTS, HouseholdService.AGGREGATE, household.id.toString(), type, event);
    }

    private static String type(HouseholdStateEvent event) {
        return switch (event) {
            case HouseholdRegistered ignored -> EventTypes.HOUSEHOLD_REGISTERED;
            case HouseholdChanged ignored -> EventTypes.HOUSEHOLD_CHANGED;
            case MemberAdded ignored -> EventTypes.MEMBER_ADDED;
            case MemberRemoved ignored -> EventTypes.MEMBER_REMOVED;
            case HouseholdCategoryChanged ignored -> EventTypes.HOUSEHOLD_CATEGORY_CHANGED;
            case RiskEliminated ignored -> EventTypes.RISK_ELIMINATED;
        };
    }

    /**
     * Writes pending changes now, so that a person who would be in two households at once is refused with a 409 here
     * rather than failing the commit.
     */
    void flush() {
        try {
            entityManager.flush();
        } catch (PersistenceException e) {
            throw conflictIfInTwoHouseholds(e);
        }
    }

    /** A write refused by {@link #ONE_PERSON_ONE_HOUSEHOLD} as a 409 naming the members; any other as it is. */
    private static RuntimeException conflictIfInTwoHouseholds(PersistenceException e) {
        ConstraintViolationException violation = e instanceof ConstraintViolationException direct
                ? direct
                : e.getCause() instanceof ConstraintViolationException cause ? cause : null;
        if (violation != null && ONE_PERSON_ONE_HOUSEHOLD.equals(violation.getConstraintName())) {
            return ProblemException.conflict(
                    List.of(Violation.of("members", "ALREADY_REGISTERED", "household.id-number.registered-elsewhere")));
        }
        return e;
    }
}
