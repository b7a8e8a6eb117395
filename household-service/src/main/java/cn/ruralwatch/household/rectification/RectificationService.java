package cn.ruralwatch.household.rectification;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.audit.AuditTrail;
import cn.ruralwatch.audit.AuditedChange;
import cn.ruralwatch.events.AuditAction;
import cn.ruralwatch.events.EventTypes;
import cn.ruralwatch.events.RectificationChanged;
import cn.ruralwatch.events.RectificationClosed;
import cn.ruralwatch.events.RectificationRegistered;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.household.division.Division;
import cn.ruralwatch.household.division.DivisionLevel;
import cn.ruralwatch.household.household.DateRules;
import cn.ruralwatch.household.workteam.WorkTeamService;
import cn.ruralwatch.http.EntityTags;
import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.messaging.Outbox;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.ProblemType;
import cn.ruralwatch.problem.Violation;
import cn.ruralwatch.time.ChinaTime;
import com.github.f4b6a3.uuid.UuidCreator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * 问题整改: the problems an assessment, inspection or campaign fed back, claimed by a county, township or village with
 * an owner, a deadline and measures. A problem is closed (已完成整改) only with evidence and the day; until then it is
 * overdue once its deadline has passed on the service's clock. A problem found in an inspection of a work team names
 * the inspection.
 */
@ApplicationScoped
@Transactional
public class RectificationService {

    static final String RECTIFICATION = "rectification";

    @Inject
    Clock clock;

    @Inject
    EntityManager entityManager;

    @Inject
    CallerScope scope;

    @Inject
    WorkTeamService teams;

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    public Rectification register(RectificationApi.RectificationRequest request) {
        Division region = region(request.regionCode());
        List<Violation> violations = new ArrayList<>();
        DateRules.notFuture("foundOn", request.foundOn(), ChinaTime.today(clock), violations);
        deadlineNotBeforeFound(request.deadline(), request.foundOn(), violations);
        if (request.inspectionId() != null) {
            Optional<String> village = teams.inspectedVillage(request.inspectionId());
            if (village.isEmpty()) {
                violations.add(Violation.of(
                        "inspectionId", "UNKNOWN", "rectification.inspection.unknown", request.inspectionId()));
            } else if (!village.get().startsWith(region.code)) {
                violations.add(Violation.of(
                        "inspectionId",
                        "OUTSIDE_REGION",
                        "rectification.inspection.outside-region",
                        village.get(),
                        region.code));
            }
            if (request.source() != RectificationSource.INSPECTION) {
                violations.add(
                        Violation.of("source", "NOT_INSPECTION", "rectification.inspection.source", request.source()));
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        Rectification item = new Rectification();
        item.id = UuidCreator.getTimeOrderedEpoch();
        item.regionCode = region.code;
        item.source = request.source();
        item.sourceDocument = request.sourceDocument().trim();
        item.aspect = blankToNull(request.aspect());
        item.description = request.description().trim();
        item.ownerUnit = request.ownerUnit().trim();
        item.ownerPerson = blankToNull(request.ownerPerson());
        item.foundOn = request.foundOn();
        item.deadline = request.deadline();
        item.measures = blankToNull(request.measures());
        item.status = RectificationStatus.OPEN;
        item.inspectionId = request.inspectionId();
        item.registeredBy = scope.subject();
        item.registeredAt = clock.instant();
        item.updatedAt = item.registeredAt;
        entityManager.persist(item);
        entityManager.flush();
        outbox.publish(
                Topics.HOUSEHOLD_EVENTS,
                RECTIFICATION,
                item.id.toString(),
                EventTypes.RECTIFICATION_REGISTERED,
                new RectificationRegistered(
                        item.id.toString(),
                        item.regionCode,
                        item.source.name(),
                        item.foundOn,
                        item.deadline,
                        item.status.name(),
                        item.inspectionId == null ? null : item.inspectionId.toString(),
                        item.registeredAt));
        audit.changed(
                AuditAction.CREATE,
                RECTIFICATION,
                item.id.toString(),
                item.regionCode,
                List.of(
                        AuditedChange.created("source", item.source),
                        AuditedChange.created("sourceDocument", item.sourceDocument),
                        AuditedChange.created("aspect", item.aspect),
                        AuditedChange.created("description", item.description),
                        AuditedChange.created("ownerUnit", item.ownerUnit),
                        AuditedChange.created("ownerPerson", item.ownerPerson),
                        AuditedChange.created("foundOn", item.foundOn),
                        AuditedChange.created("deadline", item.deadline),
                        AuditedChange.created("measures", item.measures),
                        AuditedChange.created("inspectionId", item.inspectionId)));
        return item;
    }

    public Rectification update(UUID id, RectificationApi.RectificationUpdate request, String ifMatch) {
        Rectification item = forChange(id, ifMatch);
        List<Violation> violations = new ArrayList<>();
        if (request.status() == RectificationStatus.RECTIFIED) {
            violations.add(Violation.of("status", "CLOSURE_REQUIRED", "rectification.status.closure-required"));
        }
        deadlineNotBeforeFound(request.deadline(), item.foundOn, violations);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        List<AuditedChange> changes = new ArrayList<>();
        changed(changes, "aspect", item.aspect, blankToNull(request.aspect()));
        changed(changes, "description", item.description, request.description().trim());
        changed(changes, "ownerUnit", item.ownerUnit, request.ownerUnit().trim());
        changed(changes, "ownerPerson", item.ownerPerson, blankToNull(request.ownerPerson()));
        changed(changes, "deadline", item.deadline, request.deadline());
        changed(changes, "measures", item.measures, blankToNull(request.measures()));
        changed(changes, "status", item.status, request.status());
        if (changes.isEmpty()) {
            return item;
        }
        item.aspect = blankToNull(request.aspect());
        item.description = request.description().trim();
        item.ownerUnit = request.ownerUnit().trim();
        item.ownerPerson = blankToNull(request.ownerPerson());
        item.deadline = request.deadline();
        item.measures = blankToNull(request.measures());
        item.status = request.status();
        item.updatedAt = clock.instant();
        entityManager.flush();
        outbox.publish(
                Topics.HOUSEHOLD_EVENTS,
                RECTIFICATION,
                item.id.toString(),
                EventTypes.RECTIFICATION_CHANGED,
                new RectificationChanged(
                        item.id.toString(),
                        item.regionCode,
                        item.source.name(),
                        item.deadline,
                        item.status.name(),
                        item.updatedAt));
        audit.changed(AuditAction.UPDATE, RECTIFICATION, item.id.toString(), item.regionCode, changes);
        return item;
    }

    /** 销号: the problem is rectified on the day, as the evidence shows; a closed problem stays closed (409). */
    public Rectification close(UUID id, RectificationApi.ClosureRequest request, String ifMatch) {
        Rectification item = forChange(id, ifMatch);
        List<Violation> violations = new ArrayList<>();
        DateRules.within(
                "rectifiedOn",
                request.rectifiedOn(),
                ChinaTime.today(clock),
                violations,
                DateRules.Floor.of(item.foundOn, "BEFORE_FOUND", "rectification.rectified.before-found"));
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        RectificationStatus before = item.status;
        item.close(request.rectifiedOn(), request.evidence().trim(), clock.instant());
        entityManager.flush();
        outbox.publish(
                Topics.HOUSEHOLD_EVENTS,
                RECTIFICATION,
                item.id.toString(),
                EventTypes.RECTIFICATION_CLOSED,
                new RectificationClosed(
                        item.id.toString(),
                        item.regionCode,
                        item.source.name(),
                        item.foundOn,
                        item.deadline,
                        item.rectifiedOn,
                        !item.rectifiedOn.isAfter(item.deadline),
                        item.updatedAt));
        audit.changed(
                AuditAction.UPDATE,
                RECTIFICATION,
                item.id.toString(),
                item.regionCode,
                List.of(
                        AuditedChange.changed("status", before, item.status),
                        AuditedChange.created("rectifiedOn", item.rectifiedOn),
                        AuditedChange.created("evidence", item.evidence)));
        return item;
    }

    /**
     * The problem to change: seen by the caller (else 404), of the caller's region or below it (a village clerk reads
     * the township's problems but does not close them: 403), at the version the caller read, and not yet closed.
     */
    private Rectification forChange(UUID id, String ifMatch) {
        Rectification item = find(id, LockModeType.PESSIMISTIC_WRITE);
        if (!scope.covers(item.regionCode)) {
            throw ProblemException.of(
                    ProblemType.FORBIDDEN, "problem.forbidden.out-of-scope", item.regionCode, scope.division());
        }
        EntityTags.requireMatch(ifMatch, item.version);
        if (item.status == RectificationStatus.RECTIFIED) {
            throw ProblemException.conflict("rectification.closed", item.id, item.rectifiedOn);
        }
        return item;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Rectification get(UUID id) {
        return find(id, LockModeType.NONE);
    }

    /** The problem of the caller's region, or of a region holding it (a village sees its township's); any other 404. */
    private Rectification find(UUID id, LockModeType lock) {
        Rectification item = entityManager.find(Rectification.class, id, lock);
        if (item == null || !scope.overlaps(item.regionCode)) {
            throw ProblemException.notFound("rectification.not-found", id);
        }
        return item;
    }

    /**
     * The problems of the caller's region: claimed within the division, or by a region holding it (a village sees its
     * township's), by source, status and inspection, latest found first.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Rectification> list(
            String division,
            RectificationSource source,
            RectificationStatus status,
            UUID inspectionId,
            PageRequest page) {
        String prefix = prefix(division);
        String where = " where (r.regionCode like :prefix or locate(r.regionCode, :own) = 1)"
                + (source != null ? " and r.source = :source" : "")
                + (status != null ? " and r.status = :status" : "")
                + (inspectionId != null ? " and r.inspectionId = :inspection" : "");
        var query = entityManager.createQuery(
                "select r from Rectification r" + where + " order by r.foundOn desc, r.id", Rectification.class);
        var count = entityManager.createQuery("select count(r) from Rectification r" + where, Long.class);
        for (var q : List.of(query, count)) {
            q.setParameter("prefix", prefix + "%");
            q.setParameter("own", prefix);
            if (source != null) {
                q.setParameter("source", source);
            }
            if (status != null) {
                q.setParameter("status", status);
            }
            if (inspectionId != null) {
                q.setParameter("inspection", inspectionId);
            }
        }
        return page.page(
                query.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList(),
                count.getSingleResult());
    }

    /** The region a list is asked of, within the caller's: outside it 403. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String prefix(String division) {
        return scope.narrow(division)
                .orElseThrow(() -> ProblemException.of(
                        ProblemType.FORBIDDEN, "problem.forbidden.out-of-scope", division, scope.division()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public String divisionName(String code) {
        Division division = entityManager.find(Division.class, code);
        return division == null ? null : division.name;
    }

    public LocalDate today() {
        return ChinaTime.today(clock);
    }

    /**
     * The county, township or village that claims a problem: outside the caller's region 403 (the caller named it), not
     * a registered one 400 naming the field.
     */
    private Division region(String code) {
        if (!scope.covers(code)) {
            throw ProblemException.of(ProblemType.FORBIDDEN, "problem.forbidden.out-of-scope", code, scope.division());
        }
        Division division = entityManager.find(Division.class, code);
        if (division == null) {
            throw ProblemException.invalid(Violation.of("regionCode", "UNKNOWN", "rectification.region.unknown", code));
        }
        if (division.level != DivisionLevel.COUNTY
                && division.level != DivisionLevel.TOWNSHIP
                && division.level != DivisionLevel.VILLAGE) {
            throw ProblemException.invalid(Violation.of(
                    "regionCode",
                    "NOT_COUNTY_TOWNSHIP_OR_VILLAGE",
                    "rectification.region.level",
                    code,
                    division.level));
        }
        return division;
    }

    private static void deadlineNotBeforeFound(LocalDate deadline, LocalDate foundOn, List<Violation> violations) {
        DateRules.notBefore(
                "deadline",
                deadline,
                violations,
                DateRules.Floor.of(foundOn, "BEFORE_FOUND", "rectification.deadline.before-found"));
    }

    private static void changed(List<AuditedChange> changes, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(AuditedChange.changed(field, before, after));
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
