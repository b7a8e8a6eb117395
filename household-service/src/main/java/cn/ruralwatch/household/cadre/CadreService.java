package cn.ruralwatch.household.cadre;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.audit.AuditTrail;
import cn.ruralwatch.audit.AuditedChange;
import cn.ruralwatch.events.AuditAction;
import cn.ruralwatch.events.CadreAssigned;
import cn.ruralwatch.events.CadreChanged;
import cn.ruralwatch.events.CadreRegistered;
import cn.ruralwatch.events.EventTypes;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.household.division.Division;
import cn.ruralwatch.household.division.DivisionLevel;
import cn.ruralwatch.household.household.DateRules;
import cn.ruralwatch.household.household.Household;
import cn.ruralwatch.household.household.Households;
import cn.ruralwatch.http.EntityTags;
import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.messaging.Outbox;
import cn.ruralwatch.personal.PersonalDataKind;
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
import java.util.UUID;

/**
 * 帮扶责任人 and 帮扶联系人: the roster, and the cadres made responsible for households. A household has one current
 * cadre of each kind: assigning another ends the previous assignment that day, so the history shows who was
 * responsible on any day. A cadre who leaves ends all their assignments; their households then have no cadre until
 * one is assigned.
 */
@ApplicationScoped
@Transactional
public class CadreService {

    static final String CADRE = "cadre";

    static final String ASSIGNMENT = "cadre-assignment";

    @Inject
    Clock clock;

    @Inject
    EntityManager entityManager;

    @Inject
    CallerScope scope;

    @Inject
    Households households;

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    @Inject
    CadreQueries queries;

    public Cadre register(CadreApi.CadreRequest request) {
        Division division = servedDivision(request.divisionCode());
        Cadre cadre = new Cadre();
        cadre.id = UuidCreator.getTimeOrderedEpoch();
        apply(cadre, request, division);
        cadre.registeredBy = scope.subject();
        cadre.registeredAt = clock.instant();
        cadre.updatedAt = cadre.registeredAt;
        entityManager.persist(cadre);
        entityManager.flush();
        outbox.publish(
                Topics.HOUSEHOLD_EVENTS,
                CADRE,
                cadre.id.toString(),
                EventTypes.CADRE_REGISTERED,
                new CadreRegistered(
                        cadre.id.toString(), cadre.kind.name(), cadre.divisionCode, true, cadre.registeredAt));
        audit.changed(
                AuditAction.CREATE,
                CADRE,
                cadre.id.toString(),
                cadre.divisionCode,
                List.of(
                        AuditedChange.created("name", cadre.name),
                        AuditedChange.created("unit", cadre.unit),
                        AuditedChange.created("position", cadre.position),
                        AuditedChange.created("phone", PersonalDataKind.PHONE.mask(cadre.phone)),
                        AuditedChange.created("divisionCode", cadre.divisionCode),
                        AuditedChange.created("kind", cadre.kind)));
        return cadre;
    }

    public Cadre update(UUID id, CadreApi.CadreRequest request, String ifMatch) {
        Cadre cadre = find(id, LockModeType.PESSIMISTIC_WRITE);
        EntityTags.requireMatch(ifMatch, cadre.version);
        Division division = servedDivision(request.divisionCode());
        List<CadreAssignment> open = openAssignments(cadre.id);
        if (!open.isEmpty() && request.kind() != cadre.kind) {
            throw ProblemException.conflict("cadre.kind.assigned", cadre.id, open.size());
        }
        if (!division.code.equals(cadre.divisionCode)) {
            for (CadreAssignment a : open) {
                Household household = entityManager.find(Household.class, a.householdId);
                if (!household.villageCode.startsWith(division.code)) {
                    throw ProblemException.conflict(
                            "cadre.division.assigned-outside", cadre.id, division.code, household.villageCode);
                }
            }
        }
        List<AuditedChange> changes = new ArrayList<>();
        changed(changes, "name", cadre.name, request.name().trim());
        changed(changes, "unit", cadre.unit, request.unit().trim());
        changed(changes, "position", cadre.position, blankToNull(request.position()));
        if (!Objects.equals(cadre.phone, request.phone())) {
            changes.add(AuditedChange.changed(
                    "phone", PersonalDataKind.PHONE.mask(cadre.phone), PersonalDataKind.PHONE.mask(request.phone())));
        }
        changed(changes, "divisionCode", cadre.divisionCode, division.code);
        changed(changes, "kind", cadre.kind, request.kind());
        if (changes.isEmpty()) {
            return cadre;
        }
        String divisionBefore = cadre.divisionCode;
        apply(cadre, request, division);
        cadre.updatedAt = clock.instant();
        entityManager.flush();
        publishChanged(cadre, 0);
        audit.changed(AuditAction.UPDATE, CADRE, cadre.id.toString(), divisionBefore, changes);
        return cadre;
    }

    public Cadre deactivate(UUID id, CadreApi.DeactivationRequest request, String ifMatch) {
        Cadre cadre = find(id, LockModeType.PESSIMISTIC_WRITE);
        EntityTags.requireMatch(ifMatch, cadre.version);
        if (!cadre.active) {
            throw ProblemException.conflict("cadre.inactive", cadre.id, cadre.leftOn);
        }
        List<CadreAssignment> open = openAssignments(cadre.id);
        LocalDate latestStart =
                open.stream().map(a -> a.startsOn).max(LocalDate::compareTo).orElse(null);
        List<Violation> violations = new ArrayList<>();
        DateRules.within(
                "leftOn",
                request.leftOn(),
                ChinaTime.today(clock),
                violations,
                DateRules.Floor.of(latestStart, "BEFORE_ASSIGNMENT", "cadre.left.before-assignment"));
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        cadre.active = false;
        cadre.leftOn = request.leftOn();
        cadre.leftReason = request.reason().trim();
        cadre.updatedAt = clock.instant();
        for (CadreAssignment a : open) {
            a.end(cadre.leftOn, CadreAssignment.EndReason.CADRE_LEFT);
        }
        entityManager.flush();
        publishChanged(cadre, open.size());
        audit.changed(
                AuditAction.UPDATE,
                CADRE,
                cadre.id.toString(),
                cadre.divisionCode,
                List.of(
                        AuditedChange.changed("active", true, false),
                        AuditedChange.created("leftOn", cadre.leftOn),
                        AuditedChange.created("leftReason", cadre.leftReason),
                        AuditedChange.created("assignmentsEnded", open.size())));
        return cadre;
    }

    private void publishChanged(Cadre cadre, int assignmentsEnded) {
        outbox.publish(
                Topics.HOUSEHOLD_EVENTS,
                CADRE,
                cadre.id.toString(),
                EventTypes.CADRE_CHANGED,
                new CadreChanged(
                        cadre.id.toString(),
                        cadre.kind.name(),
                        cadre.divisionCode,
                        cadre.active,
                        cadre.leftOn,
                        assignmentsEnded,
                        cadre.updatedAt));
    }

    private static void apply(Cadre cadre, CadreApi.CadreRequest request, Division division) {
        cadre.name = request.name().trim();
        cadre.unit = request.unit().trim();
        cadre.position = blankToNull(request.position());
        cadre.phone = request.phone();
        cadre.divisionCode = division.code;
        cadre.kind = request.kind();
    }

    private static void changed(List<AuditedChange> changes, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(AuditedChange.changed(field, before, after));
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /**
     * The township or village a cadre serves: outside the caller's region 403 (the caller named it), not a registered
     * township or village 400 naming the field.
     */
    private Division servedDivision(String code) {
        if (!scope.covers(code)) {
            throw ProblemException.of(ProblemType.FORBIDDEN, "problem.forbidden.out-of-scope", code, scope.division());
        }
        Division division = entityManager.find(Division.class, code);
        if (division == null) {
            throw ProblemException.invalid(Violation.of("divisionCode", "UNKNOWN", "cadre.division.unknown", code));
        }
        if (division.level != DivisionLevel.TOWNSHIP && division.level != DivisionLevel.VILLAGE) {
            throw ProblemException.invalid(Violation.of(
                    "divisionCode", "NOT_TOWNSHIP_OR_VILLAGE", "cadre.division.level", code, division.level));
        }
        return division;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Cadre get(UUID id) {
        return find(id, LockModeType.NONE);
    }

    /** The cadre in the caller's region (a township's cadre is seen by its villages' callers); any other 404. */
    private Cadre find(UUID id, LockModeType lock) {
        Cadre cadre = entityManager.find(Cadre.class, id, lock);
        if (cadre == null || !visible(cadre)) {
            throw ProblemException.notFound("cadre.not-found", id);
        }
        return cadre;
    }

    boolean visible(Cadre cadre) {
        return scope.overlaps(cadre.divisionCode);
    }

    /** The cadres serving within the division or serving a region that holds it, by kind and whether active. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Cadre> list(String division, CadreKind kind, Boolean active, PageRequest page) {
        String prefix = scope.narrow(division)
                .orElseThrow(() -> ProblemException.of(
                        ProblemType.FORBIDDEN, "problem.forbidden.out-of-scope", division, scope.division()));
        String where = " where (c.divisionCode like :prefix or locate(c.divisionCode, :own) = 1)"
                + (kind != null ? " and c.kind = :kind" : "")
                + (active != null ? " and c.active = :active" : "");
        var query = entityManager.createQuery(
                "select c from Cadre c" + where + " order by c.divisionCode, c.name, c.id", Cadre.class);
        var count = entityManager.createQuery("select count(c) from Cadre c" + where, Long.class);
        for (var q : List.of(query, count)) {
            q.setParameter("prefix", prefix + "%");
            q.setParameter("own", prefix);
            if (kind != null) {
                q.setParameter("kind", kind);
            }
            if (active != null) {
                q.setParameter("active", active);
            }
        }
        return page.page(
                query.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList(),
                count.getSingleResult());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public String divisionName(String code) {
        Division division = entityManager.find(Division.class, code);
        return division == null ? null : division.name;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long currentHouseholds(UUID cadreId) {
        return entityManager
                .createQuery(
                        "select count(a) from CadreAssignment a where a.cadreId = :id and a.endsOn is null", Long.class)
                .setParameter("id", cadreId)
                .getSingleResult();
    }

    private List<CadreAssignment> openAssignments(UUID cadreId) {
        return entityManager
                .createQuery(
                        "from CadreAssignment where cadreId = :id and endsOn is null order by startsOn",
                        CadreAssignment.class)
                .setParameter("id", cadreId)
                .getResultList();
    }

    /**
     * Makes the cadre responsible for the household from the day; the household's current assignment of the cadre's
     * kind ends that day. A cadre that is unknown to the caller, has left, or serves neither the household's village
     * nor its township is refused with a 400 naming {@code cadreId}.
     */
    public CadreApi.HouseholdCadres assign(UUID householdId, CadreApi.AssignmentRequest request) {
        Household household = households.locked(householdId);
        household.requireActive();
        Cadre cadre = entityManager.find(Cadre.class, request.cadreId(), LockModeType.PESSIMISTIC_READ);
        List<Violation> violations = new ArrayList<>();
        violations.addAll(servingViolations(cadre, request.cadreId(), household.villageCode, null));
        CadreAssignment previous = cadre == null ? null : current(household.id, cadre.kind);
        if (previous != null && previous.cadreId.equals(request.cadreId())) {
            throw ProblemException.conflict("cadre.assignment.already", cadre.id, household.id, previous.startsOn);
        }
        DateRules.within(
                "startsOn",
                request.startsOn(),
                ChinaTime.today(clock),
                violations,
                DateRules.householdStart(household.startedOn()),
                previous == null
                        ? null
                        : DateRules.Floor.of(previous.startsOn, "BEFORE_PREVIOUS", "cadre.assignment.before-previous"));
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        if (previous != null) {
            previous.end(request.startsOn(), CadreAssignment.EndReason.REASSIGNED);
            entityManager.flush();
        }
        CadreAssignment assignment = new CadreAssignment();
        assignment.id = UuidCreator.getTimeOrderedEpoch();
        assignment.householdId = household.id;
        assignment.cadreId = cadre.id;
        assignment.kind = cadre.kind;
        assignment.startsOn = request.startsOn();
        assignment.reason = request.reason().trim();
        assignment.assignedBy = scope.subject();
        assignment.assignedAt = clock.instant();
        entityManager.persist(assignment);
        entityManager.flush();
        outbox.publish(
                Topics.HOUSEHOLD_EVENTS,
                "household",
                household.id.toString(),
                EventTypes.CADRE_ASSIGNED,
                new CadreAssigned(
                        assignment.id.toString(),
                        household.id.toString(),
                        household.villageCode,
                        cadre.id.toString(),
                        cadre.kind.name(),
                        assignment.startsOn,
                        previous == null ? null : previous.id.toString(),
                        previous == null ? null : previous.cadreId.toString(),
                        previous == null ? null : previous.endsOn));
        List<AuditedChange> changes = new ArrayList<>(List.of(
                AuditedChange.created("householdId", household.id),
                AuditedChange.created("cadreId", cadre.id),
                AuditedChange.created("kind", cadre.kind),
                AuditedChange.created("startsOn", assignment.startsOn),
                AuditedChange.created("reason", assignment.reason)));
        if (previous != null) {
            changes.add(AuditedChange.created("endedAssignmentId", previous.id));
        }
        audit.changed(AuditAction.CREATE, ASSIGNMENT, assignment.id.toString(), household.villageCode, changes);
        return cadres(household);
    }

    private CadreAssignment current(UUID householdId, CadreKind kind) {
        return entityManager
                .createQuery(
                        "from CadreAssignment where householdId = :h and kind = :k and endsOn is null",
                        CadreAssignment.class)
                .setParameter("h", householdId)
                .setParameter("k", kind)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    /**
     * Why the cadre may not act for a household of the village: unknown to the caller, left (by the day, when one is
     * given: a visit made before leaving may be logged later), or not serving it.
     */
    List<Violation> servingViolations(Cadre cadre, UUID cadreId, String villageCode, LocalDate on) {
        if (cadre == null || !visible(cadre)) {
            return List.of(Violation.of("cadreId", "UNKNOWN", "cadre.unknown", cadreId));
        }
        if (!cadre.active && (on == null || !on.isBefore(cadre.leftOn))) {
            return List.of(Violation.of("cadreId", "CADRE_INACTIVE", "cadre.left", cadreId, cadre.leftOn));
        }
        if (!cadre.serves(villageCode)) {
            return List.of(Violation.of(
                    "cadreId", "NOT_SERVING_VILLAGE", "cadre.not-serving", cadreId, cadre.divisionCode, villageCode));
        }
        return List.of();
    }

    /**
     * The cadre who logged a visit to the household: one of the roster, active, serving the household's village or
     * its township, on the day of the visit (a visit made before the cadre left may be logged later). The visit need
     * not be by the household's assigned cadre: a 帮扶联系人 or a township's cadre may visit any household they serve.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Cadre visitor(UUID cadreId, Household household, LocalDate visitedOn, List<Violation> violations) {
        Cadre cadre = entityManager.find(Cadre.class, cadreId);
        List<Violation> refused = servingViolations(cadre, cadreId, household.villageCode, visitedOn);
        violations.addAll(refused);
        return refused.isEmpty() ? cadre : null;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CadreApi.HouseholdCadres cadres(UUID householdId) {
        return cadres(households.get(householdId));
    }

    private CadreApi.HouseholdCadres cadres(Household household) {
        List<Object[]> rows = entityManager
                .createQuery(
                        "select a, c.name from CadreAssignment a, Cadre c where c.id = a.cadreId and a.householdId = :h"
                                + " order by a.startsOn desc, a.assignedAt desc",
                        Object[].class)
                .setParameter("h", household.id)
                .getResultList();
        List<CadreApi.AssignmentView> history = rows.stream()
                .map(r -> view((CadreAssignment) r[0], (String) r[1]))
                .toList();
        return new CadreApi.HouseholdCadres(
                household.id,
                household.villageCode,
                history.stream().filter(CadreApi.AssignmentView::current).toList(),
                history);
    }

    private static CadreApi.AssignmentView view(CadreAssignment a, String cadreName) {
        return new CadreApi.AssignmentView(
                a.id,
                a.householdId,
                a.cadreId,
                cadreName,
                a.kind,
                a.startsOn,
                a.endsOn,
                a.reason,
                a.endReason,
                a.current(),
                a.assignedBy,
                a.assignedAt);
    }

    /**
     * The visits logged against the cadre, to the households of the caller's region (a village clerk sees a township
     * cadre's visits to the village only).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<CadreApi.CadreVisit> visits(UUID cadreId, LocalDate from, LocalDate to, PageRequest page) {
        Cadre cadre = get(cadreId);
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.invalid(
                    Violation.of("to", "BEFORE_FROM", "screening.period.to-before-from", to, from));
        }
        return queries.visits(cadre.id, scope.division(), from, to, page);
    }
}
