package cn.ruralwatch.household.monitoring;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.access.Roles;
import cn.ruralwatch.audit.AuditTrail;
import cn.ruralwatch.audit.AuditedChange;
import cn.ruralwatch.events.AuditAction;
import cn.ruralwatch.events.EventTypes;
import cn.ruralwatch.events.HouseholdCategoryChanged;
import cn.ruralwatch.events.MonitoringCaseDecided;
import cn.ruralwatch.events.MonitoringCaseOpened;
import cn.ruralwatch.events.RiskEliminated;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.household.clue.ClueService;
import cn.ruralwatch.household.household.DateRules;
import cn.ruralwatch.household.household.Household;
import cn.ruralwatch.household.household.HouseholdChangeRecorder;
import cn.ruralwatch.household.household.HouseholdChangeRecorder.Operation;
import cn.ruralwatch.household.household.Households;
import cn.ruralwatch.household.household.MonitoringCategory;
import cn.ruralwatch.household.household.RiskState;
import cn.ruralwatch.household.household.RiskType;
import cn.ruralwatch.http.EntityTags;
import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.messaging.Outbox;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.ProblemType;
import cn.ruralwatch.problem.Violation;
import cn.ruralwatch.time.ChinaTime;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.f4b6a3.uuid.UuidCreator;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Hibernate;

/**
 * The monitoring workflow's cases: identification of a monitoring object and elimination of its risk, each walked
 * through the same review path. The county's approval changes the household (category or risk state) in the same
 * transaction as the decision.
 */
@ApplicationScoped
@Transactional
public class CaseService {

    static final String CASE = "monitoring-case";

    /** A moment as a notice's days are counted in messages: China Standard Time, to the minute. */
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** Who may record which step: the village and township prepare, the township reviews, the county decides. */
    private static final Set<String> PREPARING =
            Set.of(Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CLERK, Roles.INTEGRATION);

    @Inject
    Clock clock;

    @Inject
    EntityManager entityManager;

    @Inject
    Households households;

    @Inject
    HouseholdChangeRecorder recorder;

    @Inject
    EliminationCriteria criteria;

    @Inject
    ClueService clues;

    @Inject
    MonitoringConfig config;

    @Inject
    CallerScope scope;

    @Inject
    SecurityIdentity identity;

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    public MonitoringCase openIdentification(UUID householdId, CaseApi.IdentificationRequest request) {
        Household household = openable(householdId);
        if (household.monitoringCategory != null && household.riskState == RiskState.AT_RISK) {
            throw ProblemException.conflict(
                    "monitoring.case.already-monitored", household.id, household.monitoringCategory);
        }
        MonitoringCase opened = newCase(household, CaseKind.IDENTIFICATION, request.reason());
        opened.category = request.category();
        opened.riskTypes = new ArrayList<>(
                request.riskTypes().stream().distinct().map(RiskType::name).toList());
        List<UUID> clueIds = request.clueIds() == null ? List.of() : request.clueIds();
        // 15 days from the first clue, not from the day someone got round to opening the case
        LocalDate firstClue = clues.escalate(clueIds, household, opened.id);
        opened.deadline = (firstClue == null ? ChinaTime.today(clock) : firstClue).plusDays(config.deadlineDays());
        return persist(opened);
    }

    public MonitoringCase openElimination(UUID householdId, CaseApi.EliminationRequest request) {
        Household household = openable(householdId);
        if (household.monitoringCategory == null || household.riskState != RiskState.AT_RISK) {
            throw ProblemException.conflict("monitoring.case.not-at-risk", household.id);
        }
        List<Violation> unmet = criteria.unmet(household);
        if (!unmet.isEmpty()) {
            throw new ProblemException(ProblemType.CONFLICT, "monitoring.criteria.unmet", List.of(unmet.size()), unmet);
        }
        MonitoringCase opened = newCase(household, CaseKind.RISK_ELIMINATION, request.reason());
        opened.category = household.monitoringCategory;
        opened.riskTypes = new ArrayList<>(household.riskTypes);
        opened.deadline = ChinaTime.today(clock).plusDays(config.deadlineDays());
        return persist(opened);
    }

    /** The criteria of risk elimination as they stand today: the reasons the household cannot yet be eliminated. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Violation> eliminationCheck(UUID householdId) {
        Household household = households.get(householdId);
        if (household.monitoringCategory == null || household.riskState != RiskState.AT_RISK) {
            throw ProblemException.conflict("monitoring.case.not-at-risk", household.id);
        }
        return criteria.unmet(household);
    }

    private Household openable(UUID householdId) {
        // locked, so that two cases opened at once for one household meet here, one after the other, not at the index
        Household household = households.locked(householdId);
        household.requireActive();
        long open = entityManager
                .createQuery(
                        "select count(c) from MonitoringCase c where c.householdId = :id and c.status = :open",
                        Long.class)
                .setParameter("id", household.id)
                .setParameter("open", CaseStatus.OPEN)
                .getSingleResult();
        if (open > 0) {
            throw ProblemException.conflict("monitoring.case.open-exists", household.id);
        }
        return household;
    }

    private MonitoringCase newCase(Household household, CaseKind kind, String reason) {
        MonitoringCase opened = new MonitoringCase();
        opened.id = UuidCreator.getTimeOrderedEpoch();
        opened.householdId = household.id;
        opened.villageCode = household.villageCode;
        opened.kind = kind;
        opened.openedAt = clock.instant();
        opened.openedBy = scope.subject();
        opened.reason = reason;
        return opened;
    }

    private MonitoringCase persist(MonitoringCase opened) {
        entityManager.persist(opened);
        entityManager.flush();
        outbox.publish(
                Topics.HOUSEHOLD_EVENTS,
                "household",
                opened.householdId.toString(),
                EventTypes.MONITORING_CASE_OPENED,
                new MonitoringCaseOpened(
                        opened.id.toString(),
                        opened.householdId.toString(),
                        opened.villageCode,
                        opened.kind.name(),
                        opened.category == null ? null : opened.category.name(),
                        opened.riskTypes,
                        opened.openedAt,
                        opened.deadline));
        audit.changed(
                AuditAction.CREATE,
                CASE,
                opened.id.toString(),
                opened.villageCode,
                List.of(
                        AuditedChange.created("householdId", opened.householdId),
                        AuditedChange.created("kind", opened.kind),
                        AuditedChange.created("category", opened.category),
                        AuditedChange.created("riskTypes", opened.riskTypes),
                        AuditedChange.created("reason", opened.reason)));
        return opened;
    }

    /** Records the next review step; the county's approval changes the household. */
    public MonitoringCase recordStep(UUID caseId, CaseApi.StepRequest request, String ifMatch) {
        checkRole(request.step());
        checkStep(request);
        MonitoringCase monitoringCase = lockedCase(caseId);
        EntityTags.requireMatch(ifMatch, monitoringCase.version);
        monitoringCase.requireNext(request.step());
        checkDates(monitoringCase, request);
        CaseStep step = new CaseStep();
        step.step = request.step();
        step.outcome = request.outcome();
        step.actor = scope.subject();
        step.recordedAt = clock.instant();
        step.performedOn = request.performedOn();
        step.note = request.note();
        step.noticeFrom = request.noticeFrom();
        step.noticeTo = request.noticeTo();
        step.attachments = request.attachments() == null ? new ArrayList<>() : new ArrayList<>(request.attachments());
        monitoringCase.record(step);
        if (monitoringCase.status == CaseStatus.APPROVED) {
            decide(monitoringCase, step);
        }
        entityManager.flush();
        audit.changed(
                AuditAction.UPDATE,
                CASE,
                monitoringCase.id.toString(),
                monitoringCase.villageCode,
                List.of(
                        AuditedChange.created(
                                "steps[" + (monitoringCase.steps.size() - 1) + "]", step.step + " " + step.outcome),
                        AuditedChange.changed("status", CaseStatus.OPEN, monitoringCase.status)));
        if (monitoringCase.status != CaseStatus.OPEN) {
            decided(monitoringCase);
        }
        return monitoringCase;
    }

    public MonitoringCase withdraw(UUID caseId, CaseApi.WithdrawRequest request, String ifMatch) {
        MonitoringCase monitoringCase = lockedCase(caseId);
        EntityTags.requireMatch(ifMatch, monitoringCase.version);
        monitoringCase.withdraw(clock.instant(), request.reason());
        entityManager.flush();
        audit.changed(
                AuditAction.UPDATE,
                CASE,
                monitoringCase.id.toString(),
                monitoringCase.villageCode,
                List.of(AuditedChange.changed("status", CaseStatus.OPEN, CaseStatus.WITHDRAWN)));
        decided(monitoringCase);
        return monitoringCase;
    }

    private void decide(MonitoringCase monitoringCase, CaseStep decision) {
        Household household = households.locked(monitoringCase.householdId);
        household.requireActive();
        JsonNode before = recorder.before(household);
        String reason = decision.note;
        if (monitoringCase.kind == CaseKind.IDENTIFICATION) {
            MonitoringCategory previous = household.monitoringCategory;
            // identified again after its risk was eliminated: the earlier episode stays in the household's history
            household.keepEliminatedEpisode();
            household.monitoringCategory = monitoringCase.category;
            household.riskTypes = new ArrayList<>(monitoringCase.riskTypes);
            household.riskState = RiskState.AT_RISK;
            household.identifiedYear = decision.performedOn.getYear();
            household.monitoredSince = decision.performedOn;
            household.riskEliminatedOn = null;
            recorder.changed(
                    household,
                    before,
                    Operation.IDENTIFICATION,
                    reason,
                    decision.performedOn,
                    change -> new HouseholdCategoryChanged(
                            monitoringCase.id.toString(),
                            previous == null ? null : previous.name(),
                            monitoringCase.category.name(),
                            change.state()));
        } else {
            // the criteria must still hold on the day of the decision
            List<Violation> unmet = criteria.unmet(household);
            if (!unmet.isEmpty()) {
                throw new ProblemException(
                        ProblemType.CONFLICT, "monitoring.criteria.unmet", List.of(unmet.size()), unmet);
            }
            household.riskState = RiskState.ELIMINATED;
            household.riskEliminatedOn = decision.performedOn;
            recorder.changed(
                    household,
                    before,
                    Operation.RISK_ELIMINATION,
                    reason,
                    decision.performedOn,
                    change -> new RiskEliminated(monitoringCase.id.toString(), decision.performedOn, change.state()));
        }
    }

    private void decided(MonitoringCase monitoringCase) {
        ReviewStep failed = monitoringCase.failedStep();
        outbox.publish(
                Topics.HOUSEHOLD_EVENTS,
                "household",
                monitoringCase.householdId.toString(),
                EventTypes.MONITORING_CASE_DECIDED,
                new MonitoringCaseDecided(
                        monitoringCase.id.toString(),
                        monitoringCase.householdId.toString(),
                        monitoringCase.kind.name(),
                        monitoringCase.status.name(),
                        failed == null ? null : failed.name(),
                        monitoringCase.decidedAt,
                        monitoringCase.reason));
    }

    private void checkRole(ReviewStep step) {
        boolean allowed =
                switch (step) {
                    case COUNTY_DECISION -> identity.hasRole(Roles.COUNTY_ADMIN);
                    case TOWNSHIP_REVIEW ->
                        identity.hasRole(Roles.COUNTY_ADMIN) || identity.hasRole(Roles.TOWNSHIP_OFFICER);
                    default -> PREPARING.stream().anyMatch(identity::hasRole);
                };
        if (!allowed) {
            throw ProblemException.of(ProblemType.FORBIDDEN, "monitoring.step.forbidden", step);
        }
    }

    /** What a step must have, whatever its case: a notice its period, of at least the shortest notice; others none. */
    private void checkStep(CaseApi.StepRequest request) {
        List<Violation> violations = new ArrayList<>();
        if (request.step() == ReviewStep.PUBLIC_NOTICE) {
            if (request.noticeFrom() == null || request.noticeTo() == null) {
                violations.add(Violation.of("noticeFrom", "REQUIRED", "monitoring.notice.period-required"));
            } else {
                long days = ChronoUnit.DAYS.between(request.noticeFrom(), request.noticeTo()) + 1;
                if (days < config.noticeDays()) {
                    violations.add(Violation.of(
                            "noticeTo", "NOTICE_TOO_SHORT", "monitoring.notice.too-short", days, config.noticeDays()));
                }
            }
        } else if (request.noticeFrom() != null || request.noticeTo() != null) {
            violations.add(Violation.of("noticeFrom", "NOT_A_NOTICE", "monitoring.notice.not-a-notice"));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
    }

    /**
     * The dates of a step as its case allows them: not in the future, not before the case was opened nor before the
     * step it follows. The village notice is recorded when it is published: its period cannot start before that day.
     * The step after it is taken once the notice has run: after its last day, and its shortest number of days after it
     * was published, counted on the clock rather than on the dates typed (a failed step, which ends the case, need not
     * wait: objections raised during the notice end it at once).
     */
    private void checkDates(MonitoringCase monitoringCase, CaseApi.StepRequest request) {
        List<Violation> violations = new ArrayList<>();
        Instant now = clock.instant();
        LocalDate today = ChinaTime.today(clock);
        CaseStep previous = monitoringCase.steps.isEmpty() ? null : monitoringCase.steps.getLast();
        DateRules.within(
                "performedOn",
                request.performedOn(),
                today,
                violations,
                DateRules.Floor.of(
                        LocalDate.ofInstant(monitoringCase.openedAt, ChinaTime.ZONE),
                        "BEFORE_CASE",
                        "monitoring.step.before-case"),
                previous == null
                        ? null
                        : DateRules.Floor.of(
                                previous.performedOn,
                                "BEFORE_PREVIOUS_STEP",
                                "monitoring.step.before-previous",
                                previous.step));
        if (request.step() == ReviewStep.PUBLIC_NOTICE && request.noticeFrom() != null) {
            DateRules.notBefore(
                    "noticeFrom",
                    request.noticeFrom(),
                    violations,
                    DateRules.Floor.of(today, "BEFORE_PUBLICATION", "monitoring.notice.before-publication"));
        }
        if (violations.isEmpty()
                && previous != null
                && previous.step == ReviewStep.PUBLIC_NOTICE
                && request.outcome() == StepOutcome.PASSED) {
            LocalDate published = LocalDate.ofInstant(previous.recordedAt, ChinaTime.ZONE);
            LocalDate over =
                    Collections.max(List.of(previous.noticeTo.plusDays(1), published.plusDays(config.noticeDays())));
            Instant ran = previous.recordedAt.plus(Duration.ofDays(config.noticeDays()));
            if (request.performedOn().isBefore(over)) {
                violations.add(Violation.of(
                        "performedOn",
                        "NOTICE_NOT_OVER",
                        "monitoring.notice.not-over",
                        request.performedOn(),
                        over,
                        previous.noticeFrom,
                        previous.noticeTo,
                        published));
            } else if (now.isBefore(ran)) {
                violations.add(Violation.of(
                        "performedOn",
                        "NOTICE_NOT_OVER",
                        "monitoring.notice.not-run",
                        request.performedOn(),
                        MINUTE.format(ran.atZone(ChinaTime.ZONE)),
                        MINUTE.format(previous.recordedAt.atZone(ChinaTime.ZONE)),
                        config.noticeDays()));
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
    }

    private MonitoringCase lockedCase(UUID caseId) {
        return find(caseId, LockModeType.PESSIMISTIC_WRITE);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public MonitoringCase get(UUID caseId) {
        return find(caseId, LockModeType.NONE);
    }

    /** The case with its steps, in the caller's region; any other answers 404. */
    private MonitoringCase find(UUID caseId, LockModeType lock) {
        MonitoringCase found = entityManager.find(MonitoringCase.class, caseId, lock);
        if (found == null || !scope.covers(found.villageCode)) {
            throw ProblemException.notFound("monitoring.case.not-found", caseId);
        }
        Hibernate.initialize(found.steps);
        return found;
    }

    /** Cases in the division and the caller's region, oldest deadline first; overdue ones alone on request. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<MonitoringCase> list(
            String division, CaseStatus status, CaseKind kind, boolean overdue, PageRequest page) {
        String prefix =
                scope.narrow(division).orElseThrow(() -> ProblemException.notFound("division.not-found", division))
                        + "%";
        String where = " where c.villageCode like :prefix"
                + (status != null || overdue ? " and c.status = :status" : "")
                + (kind != null ? " and c.kind = :kind" : "")
                + (overdue ? " and c.deadline < :today" : "");
        var query = entityManager.createQuery(
                "select c from MonitoringCase c" + where + " order by c.deadline, c.openedAt", MonitoringCase.class);
        var count = entityManager.createQuery("select count(c) from MonitoringCase c" + where, Long.class);
        for (var q : List.of(query, count)) {
            q.setParameter("prefix", prefix);
            if (status != null || overdue) {
                q.setParameter("status", overdue ? CaseStatus.OPEN : status);
            }
            if (kind != null) {
                q.setParameter("kind", kind);
            }
            if (overdue) {
                q.setParameter("today", ChinaTime.today(clock));
            }
        }
        List<MonitoringCase> items =
                query.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        items.forEach(c -> Hibernate.initialize(c.steps));
        return page.page(items, count.getSingleResult());
    }
}
