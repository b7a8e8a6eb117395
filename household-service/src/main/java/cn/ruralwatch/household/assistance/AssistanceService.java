package cn.ruralwatch.household.assistance;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.audit.AuditTrail;
import cn.ruralwatch.audit.AuditedChange;
import cn.ruralwatch.events.AssistanceMeasureAdded;
import cn.ruralwatch.events.AuditAction;
import cn.ruralwatch.events.EventTypes;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.events.VisitRecorded;
import cn.ruralwatch.household.cadre.Cadre;
import cn.ruralwatch.household.cadre.CadreService;
import cn.ruralwatch.household.household.DateRules;
import cn.ruralwatch.household.household.Household;
import cn.ruralwatch.household.household.Households;
import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.messaging.Outbox;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.Violation;
import cn.ruralwatch.time.ChinaTime;
import com.github.f4b6a3.uuid.UuidCreator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** 帮扶: the measures put in place for a household (一户一策) and the visits of its responsible cadres. */
@ApplicationScoped
@Transactional
public class AssistanceService {

    static final String MEASURE = "assistance-measure";

    static final String VISIT = "assistance-visit";

    @Inject
    Clock clock;

    @Inject
    EntityManager entityManager;

    @Inject
    Households households;

    @Inject
    CadreService cadres;

    @Inject
    CallerScope caller;

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    public AssistanceMeasure addMeasure(UUID householdId, AssistanceApi.MeasureRequest request) {
        Household household = households.get(householdId);
        household.requireActive();
        List<Violation> violations = new ArrayList<>();
        // a measure for the household cannot have started before its record began; its end may be the one planned
        DateRules.within(
                "startedOn",
                request.startedOn(),
                ChinaTime.today(clock),
                violations,
                DateRules.householdStart(household.startedOn()));
        DateRules.notBefore(
                "endedOn",
                request.endedOn(),
                violations,
                DateRules.Floor.of(request.startedOn(), "BEFORE_START", "assistance.measure.ends-before-start"));
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        AssistanceMeasure measure = new AssistanceMeasure();
        measure.id = UuidCreator.getTimeOrderedEpoch();
        measure.householdId = household.id;
        measure.type = request.type();
        measure.description = request.description().trim();
        measure.responsibleCadres = new ArrayList<>(request.responsibleCadres());
        measure.startedOn = request.startedOn();
        measure.endedOn = request.endedOn();
        measure.amount = request.amount();
        measure.recordedBy = caller.subject();
        measure.recordedAt = clock.instant();
        entityManager.persist(measure);
        outbox.publish(
                Topics.HOUSEHOLD_EVENTS,
                "household",
                household.id.toString(),
                EventTypes.ASSISTANCE_MEASURE_ADDED,
                new AssistanceMeasureAdded(
                        measure.id.toString(),
                        household.id.toString(),
                        household.villageCode,
                        measure.type.name(),
                        measure.startedOn,
                        measure.amount));
        audit.changed(
                AuditAction.CREATE,
                MEASURE,
                measure.id.toString(),
                household.villageCode,
                List.of(
                        AuditedChange.created("householdId", household.id),
                        AuditedChange.created("type", measure.type),
                        AuditedChange.created("description", measure.description),
                        AuditedChange.created("startedOn", measure.startedOn),
                        AuditedChange.created("amount", measure.amount)));
        return measure;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AssistanceMeasure> measures(UUID householdId, PageRequest page) {
        households.get(householdId);
        List<AssistanceMeasure> items = entityManager
                .createQuery(
                        "from AssistanceMeasure where householdId = :id order by startedOn desc, recordedAt desc",
                        AssistanceMeasure.class)
                .setParameter("id", householdId)
                .setFirstResult(page.offset())
                .setMaxResults(page.size())
                .getResultList();
        long total = entityManager
                .createQuery("select count(m) from AssistanceMeasure m where m.householdId = :id", Long.class)
                .setParameter("id", householdId)
                .getSingleResult();
        return page.page(items, total);
    }

    /** How many measures for the household had started by the day (一户一策: at least one before risk elimination). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long startedBy(UUID householdId, LocalDate day) {
        return entityManager
                .createQuery(
                        "select count(m) from AssistanceMeasure m where m.householdId = :id and m.startedOn <= :day",
                        Long.class)
                .setParameter("id", householdId)
                .setParameter("day", day)
                .getSingleResult();
    }

    public AssistanceVisit addVisit(UUID householdId, AssistanceApi.VisitRequest request) {
        Household household = households.get(householdId);
        List<Violation> violations = new ArrayList<>();
        DateRules.within(
                "visitedOn",
                request.visitedOn(),
                ChinaTime.today(clock),
                violations,
                DateRules.householdStart(household.startedOn()));
        Cadre cadre = null;
        if (request.cadreId() != null) {
            cadre = cadres.visitor(request.cadreId(), household, request.visitedOn(), violations);
        } else if (request.cadreName() == null || request.cadreName().isBlank()) {
            violations.add(Violation.of("cadreName", "REQUIRED", "assistance.visit.cadre-required"));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        AssistanceVisit visit = new AssistanceVisit();
        visit.id = UuidCreator.getTimeOrderedEpoch();
        visit.householdId = household.id;
        visit.cadreId = cadre == null ? null : cadre.id;
        visit.cadreName = cadre == null ? request.cadreName().trim() : cadre.name;
        visit.visitedOn = request.visitedOn();
        visit.note = request.note().trim();
        visit.recordedBy = caller.subject();
        visit.recordedAt = clock.instant();
        entityManager.persist(visit);
        outbox.publish(
                Topics.HOUSEHOLD_EVENTS,
                "household",
                household.id.toString(),
                EventTypes.VISIT_RECORDED,
                new VisitRecorded(
                        visit.id.toString(),
                        household.id.toString(),
                        household.villageCode,
                        visit.cadreId == null ? null : visit.cadreId.toString(),
                        visit.visitedOn));
        audit.changed(
                AuditAction.CREATE,
                VISIT,
                visit.id.toString(),
                household.villageCode,
                List.of(
                        AuditedChange.created("householdId", household.id),
                        AuditedChange.created("cadreId", visit.cadreId),
                        AuditedChange.created("cadreName", visit.cadreName),
                        AuditedChange.created("visitedOn", visit.visitedOn),
                        AuditedChange.created("note", visit.note)));
        return visit;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AssistanceVisit> visits(UUID householdId, PageRequest page) {
        households.get(householdId);
        List<AssistanceVisit> items = entityManager
                .createQuery(
                        "from AssistanceVisit where householdId = :id order by visitedOn desc, recordedAt desc",
                        AssistanceVisit.class)
                .setParameter("id", householdId)
                .setFirstResult(page.offset())
                .setMaxResults(page.size())
                .getResultList();
        long total = entityManager
                .createQuery("select count(v) from AssistanceVisit v where v.householdId = :id", Long.class)
                .setParameter("id", householdId)
                .getSingleResult();
        return page.page(items, total);
    }
}
