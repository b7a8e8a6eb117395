package cn.ruralwatch.household.workteam;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.audit.AuditTrail;
import cn.ruralwatch.audit.AuditedChange;
import cn.ruralwatch.events.AuditAction;
import cn.ruralwatch.events.EventTypes;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.events.WorkTeamChanged;
import cn.ruralwatch.events.WorkTeamFormed;
import cn.ruralwatch.events.WorkTeamInspected;
import cn.ruralwatch.events.WorkTeamMemberJoined;
import cn.ruralwatch.events.WorkTeamMemberRotated;
import cn.ruralwatch.events.WorkTeamTrained;
import cn.ruralwatch.household.division.Division;
import cn.ruralwatch.household.division.DivisionLevel;
import cn.ruralwatch.household.household.DateRules;
import cn.ruralwatch.http.EntityTags;
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
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * 驻村工作队 and 第一书记: the team a unit sends to a village, its members and who served when, rotations, trainings and
 * inspections. A member's service runs from the day they join until (excluded) the day they leave; a rotation ends one
 * service on the day the successor's begins, so the history shows who served on any day. A team holds at most one
 * current 第一书记 and one current 队长. Every change of the team or its members moves the team's version (its ETag).
 */
@ApplicationScoped
@Transactional
public class WorkTeamService {

    static final String TEAM = "work-team";

    static final String MEMBER = "work-team-member";

    static final String TRAINING = "work-team-training";

    static final String INSPECTION = "work-team-inspection";

    @Inject
    Clock clock;

    @Inject
    EntityManager entityManager;

    @Inject
    CallerScope scope;

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    public WorkTeam form(WorkTeamApi.TeamRequest request) {
        Division village = village(request.villageCode());
        List<Violation> violations = new ArrayList<>();
        DateRules.notFuture("formedOn", request.formedOn(), ChinaTime.today(clock), violations);
        termAfterForming(request.termEndsOn(), request.formedOn(), violations);
        Map<WorkTeamRole, Integer> single = new EnumMap<>(WorkTeamRole.class);
        for (int i = 0; i < request.members().size(); i++) {
            WorkTeamRole role = request.members().get(i).role();
            if (role.single() && single.putIfAbsent(role, i) != null) {
                violations.add(Violation.of(
                        "members[" + i + "].role", "DUPLICATE_ROLE", "work-team.role.duplicate", role.label()));
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        entityManager
                .createQuery("select t.id from WorkTeam t where t.villageCode = :village", UUID.class)
                .setParameter("village", village.code)
                .getResultStream()
                .findFirst()
                .ifPresent(existing -> {
                    throw ProblemException.conflict("work-team.exists", village.code, existing);
                });
        WorkTeam team = new WorkTeam();
        team.id = UuidCreator.getTimeOrderedEpoch();
        team.villageCode = village.code;
        team.dispatchingUnit = request.dispatchingUnit().trim();
        team.formedOn = request.formedOn();
        team.termEndsOn = request.termEndsOn();
        team.createdBy = scope.subject();
        team.createdAt = clock.instant();
        team.updatedAt = team.createdAt;
        entityManager.persist(team);
        entityManager.flush();
        List<AuditedChange> changes = new ArrayList<>(List.of(
                AuditedChange.created("villageCode", team.villageCode),
                AuditedChange.created("dispatchingUnit", team.dispatchingUnit),
                AuditedChange.created("formedOn", team.formedOn),
                AuditedChange.created("termEndsOn", team.termEndsOn)));
        for (int i = 0; i < request.members().size(); i++) {
            WorkTeamMember member = newMember(team, request.members().get(i), team.formedOn, null);
            memberChanges(changes, "members[" + i + "].", member);
        }
        entityManager.flush();
        outbox.publish(
                Topics.HOUSEHOLD_EVENTS,
                TEAM,
                team.id.toString(),
                EventTypes.WORK_TEAM_FORMED,
                new WorkTeamFormed(
                        team.id.toString(),
                        team.villageCode,
                        team.formedOn,
                        request.members().size(),
                        single.containsKey(WorkTeamRole.FIRST_SECRETARY),
                        team.createdAt));
        audit.changed(AuditAction.CREATE, TEAM, team.id.toString(), team.villageCode, changes);
        return team;
    }

    public WorkTeam update(UUID id, WorkTeamApi.TeamUpdate request, String ifMatch) {
        WorkTeam team = find(id, LockModeType.PESSIMISTIC_WRITE);
        EntityTags.requireMatch(ifMatch, team.version);
        List<Violation> violations = new ArrayList<>();
        DateRules.notFuture("formedOn", request.formedOn(), ChinaTime.today(clock), violations);
        LocalDate firstJoined = members(team.id).stream()
                .map(m -> m.joinsOn)
                .min(LocalDate::compareTo)
                .orElse(null);
        if (firstJoined != null && request.formedOn().isAfter(firstJoined)) {
            violations.add(Violation.of(
                    "formedOn",
                    "AFTER_FIRST_MEMBER",
                    "work-team.formed.after-first-member",
                    request.formedOn(),
                    firstJoined));
        }
        termAfterForming(request.termEndsOn(), request.formedOn(), violations);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        List<AuditedChange> changes = new ArrayList<>();
        changed(
                changes,
                "dispatchingUnit",
                team.dispatchingUnit,
                request.dispatchingUnit().trim());
        changed(changes, "formedOn", team.formedOn, request.formedOn());
        changed(changes, "termEndsOn", team.termEndsOn, request.termEndsOn());
        if (changes.isEmpty()) {
            return team;
        }
        team.dispatchingUnit = request.dispatchingUnit().trim();
        team.formedOn = request.formedOn();
        team.termEndsOn = request.termEndsOn();
        team.updatedAt = clock.instant();
        entityManager.flush();
        outbox.publish(
                Topics.HOUSEHOLD_EVENTS,
                TEAM,
                team.id.toString(),
                EventTypes.WORK_TEAM_CHANGED,
                new WorkTeamChanged(
                        team.id.toString(), team.villageCode, team.formedOn, team.termEndsOn, team.updatedAt));
        audit.changed(AuditAction.UPDATE, TEAM, team.id.toString(), team.villageCode, changes);
        return team;
    }

    /** A member joins the team outside a rotation (a team grows, or a 第一书记 is sent to a team without one). */
    public WorkTeam addMember(UUID id, WorkTeamApi.JoinRequest request, String ifMatch) {
        WorkTeam team = find(id, LockModeType.PESSIMISTIC_WRITE);
        EntityTags.requireMatch(ifMatch, team.version);
        List<Violation> violations = new ArrayList<>();
        DateRules.within(
                "joinsOn",
                request.joinsOn(),
                ChinaTime.today(clock),
                violations,
                DateRules.Floor.of(team.formedOn, "BEFORE_FORMED", "work-team.joins.before-formed"));
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        requireVacant(team, request.member().role(), null);
        WorkTeamMember member = newMember(team, request.member(), request.joinsOn(), null);
        team.updatedAt = clock.instant();
        entityManager.flush();
        outbox.publish(
                Topics.HOUSEHOLD_EVENTS,
                TEAM,
                team.id.toString(),
                EventTypes.WORK_TEAM_MEMBER_JOINED,
                new WorkTeamMemberJoined(
                        team.id.toString(),
                        team.villageCode,
                        member.id.toString(),
                        member.role.name(),
                        member.joinsOn));
        List<AuditedChange> changes = new ArrayList<>(List.of(AuditedChange.created("teamId", team.id)));
        memberChanges(changes, "", member);
        audit.changed(AuditAction.CREATE, MEMBER, member.id.toString(), team.villageCode, changes);
        return team;
    }

    /**
     * 轮换: the member leaves on the day and the successor joins that day. A member who is not a current member of this
     * team is refused with a 400 naming {@code memberId}; a successor for a single role (第一书记, 队长) another current
     * member holds is a 409.
     */
    public WorkTeam rotate(UUID id, WorkTeamApi.RotationRequest request, String ifMatch) {
        WorkTeam team = find(id, LockModeType.PESSIMISTIC_WRITE);
        EntityTags.requireMatch(ifMatch, team.version);
        WorkTeamMember leaving = entityManager.find(WorkTeamMember.class, request.memberId());
        if (leaving == null || !leaving.teamId.equals(team.id)) {
            throw ProblemException.invalid(
                    Violation.of("memberId", "UNKNOWN", "work-team.member.unknown", request.memberId()));
        }
        if (!leaving.current()) {
            throw ProblemException.invalid(
                    Violation.of("memberId", "NOT_CURRENT", "work-team.member.left", leaving.id, leaving.leavesOn));
        }
        List<Violation> violations = new ArrayList<>();
        DateRules.within(
                "leftOn",
                request.leftOn(),
                ChinaTime.today(clock),
                violations,
                DateRules.Floor.of(leaving.joinsOn, "BEFORE_JOINING", "work-team.left.before-joined"));
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        requireVacant(team, request.successor().role(), leaving);
        leaving.leave(request.leftOn(), request.reason().trim());
        entityManager.flush();
        WorkTeamMember successor = newMember(team, request.successor(), request.leftOn(), leaving.id);
        team.updatedAt = clock.instant();
        entityManager.flush();
        outbox.publish(
                Topics.HOUSEHOLD_EVENTS,
                TEAM,
                team.id.toString(),
                EventTypes.WORK_TEAM_MEMBER_ROTATED,
                new WorkTeamMemberRotated(
                        team.id.toString(),
                        team.villageCode,
                        leaving.id.toString(),
                        leaving.role.name(),
                        leaving.leavesOn,
                        successor.id.toString(),
                        successor.role.name()));
        audit.changed(
                AuditAction.UPDATE,
                MEMBER,
                leaving.id.toString(),
                team.villageCode,
                List.of(
                        AuditedChange.created("leavesOn", leaving.leavesOn),
                        AuditedChange.created("leaveReason", leaving.leaveReason),
                        AuditedChange.created("successorId", successor.id)));
        List<AuditedChange> changes = new ArrayList<>(
                List.of(AuditedChange.created("teamId", team.id), AuditedChange.created("predecessorId", leaving.id)));
        memberChanges(changes, "", successor);
        audit.changed(AuditAction.CREATE, MEMBER, successor.id.toString(), team.villageCode, changes);
        return team;
    }

    /** A 第一书记 or 队长 joins only where no other current member (than the one leaving) holds the role. */
    private void requireVacant(WorkTeam team, WorkTeamRole role, WorkTeamMember leaving) {
        if (!role.single()) {
            return;
        }
        for (WorkTeamMember m : members(team.id)) {
            if (m.current() && m.role == role && (leaving == null || !m.id.equals(leaving.id))) {
                throw ProblemException.conflict("work-team.role.taken", team.id, role.label(), m.joinsOn);
            }
        }
    }

    private WorkTeamMember newMember(
            WorkTeam team, WorkTeamApi.MemberRequest request, LocalDate joinsOn, UUID predecessorId) {
        WorkTeamMember member = new WorkTeamMember();
        member.id = UuidCreator.getTimeOrderedEpoch();
        member.teamId = team.id;
        member.name = request.name().trim();
        member.unit = request.unit().trim();
        member.phone = request.phone();
        member.role = request.role();
        member.joinsOn = joinsOn;
        member.predecessorId = predecessorId;
        member.createdBy = scope.subject();
        member.createdAt = clock.instant();
        entityManager.persist(member);
        return member;
    }

    private static void memberChanges(List<AuditedChange> changes, String prefix, WorkTeamMember member) {
        changes.add(AuditedChange.created(prefix + "name", member.name));
        changes.add(AuditedChange.created(prefix + "unit", member.unit));
        changes.add(AuditedChange.created(prefix + "phone", PersonalDataKind.PHONE.mask(member.phone)));
        changes.add(AuditedChange.created(prefix + "role", member.role));
        changes.add(AuditedChange.created(prefix + "joinsOn", member.joinsOn));
    }

    private static void termAfterForming(LocalDate termEndsOn, LocalDate formedOn, List<Violation> violations) {
        if (termEndsOn != null && formedOn != null && !termEndsOn.isAfter(formedOn)) {
            violations.add(Violation.of(
                    "termEndsOn", "NOT_AFTER_FORMED", "work-team.term.not-after-formed", termEndsOn, formedOn));
        }
    }

    private static void changed(List<AuditedChange> changes, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(AuditedChange.changed(field, before, after));
        }
    }

    /**
     * Records a training of the region's work team members. Each member must be one of a team in the region, serving on
     * the day; otherwise 400 naming {@code memberIds}.
     */
    public WorkTeamTraining train(WorkTeamApi.TrainingRequest request) {
        Division region = region(request.regionCode(), "regionCode");
        List<Violation> violations = new ArrayList<>();
        DateRules.notFuture("heldOn", request.heldOn(), ChinaTime.today(clock), violations);
        List<UUID> teamIds = new ArrayList<>();
        if (violations.isEmpty()) {
            Map<UUID, WorkTeamMember> members = new HashMap<>();
            Map<UUID, String> villages = new HashMap<>();
            entityManager
                    .createQuery(
                            "select m, t.villageCode from WorkTeamMember m, WorkTeam t where t.id = m.teamId"
                                    + " and m.id in :ids",
                            Object[].class)
                    .setParameter("ids", request.memberIds())
                    .getResultList()
                    .forEach(row -> {
                        WorkTeamMember m = (WorkTeamMember) row[0];
                        members.put(m.id, m);
                        villages.put(m.id, (String) row[1]);
                    });
            for (UUID memberId : request.memberIds()) {
                WorkTeamMember m = members.get(memberId);
                if (m == null || !villages.get(memberId).startsWith(region.code)) {
                    violations.add(Violation.of("memberIds", "UNKNOWN", "work-team.member.unknown", memberId));
                } else if (!m.servedOn(request.heldOn())) {
                    violations.add(Violation.of(
                            "memberIds", "NOT_SERVING", "work-team.member.not-serving", memberId, request.heldOn()));
                } else if (!teamIds.contains(m.teamId)) {
                    teamIds.add(m.teamId);
                }
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        WorkTeamTraining training = new WorkTeamTraining();
        training.id = UuidCreator.getTimeOrderedEpoch();
        training.regionCode = region.code;
        training.heldOn = request.heldOn();
        training.topic = request.topic().trim();
        training.hours = request.hours();
        training.organizer = blankToNull(request.organizer());
        training.memberIds.addAll(request.memberIds());
        training.recordedBy = scope.subject();
        training.recordedAt = clock.instant();
        entityManager.persist(training);
        entityManager.flush();
        outbox.publish(
                Topics.HOUSEHOLD_EVENTS,
                TRAINING,
                training.id.toString(),
                EventTypes.WORK_TEAM_TRAINED,
                new WorkTeamTrained(
                        training.id.toString(),
                        training.regionCode,
                        training.heldOn,
                        training.hours,
                        training.memberIds.stream().map(UUID::toString).toList(),
                        teamIds.stream().map(UUID::toString).toList()));
        audit.changed(
                AuditAction.CREATE,
                TRAINING,
                training.id.toString(),
                training.regionCode,
                List.of(
                        AuditedChange.created("heldOn", training.heldOn),
                        AuditedChange.created("topic", training.topic),
                        AuditedChange.created("hours", training.hours),
                        AuditedChange.created("organizer", training.organizer),
                        AuditedChange.created("memberIds", training.memberIds)));
        return training;
    }

    /**
     * Records a 督查 or 抽查 of the team. A reprimand (通报批评, 约谈, 召回) names what was found, finding nothing is
     * {@code NO_ISSUES}, and a recall names the member, who must have served on the team that day.
     */
    public WorkTeamInspection inspect(UUID teamId, WorkTeamApi.InspectionRequest request) {
        WorkTeam team = find(teamId, LockModeType.NONE);
        List<Violation> violations = new ArrayList<>();
        DateRules.within(
                "inspectedOn",
                request.inspectedOn(),
                ChinaTime.today(clock),
                violations,
                DateRules.Floor.of(team.formedOn, "BEFORE_FORMED", "work-team.inspected.before-formed"));
        InspectionOutcome outcome = request.outcome();
        if (outcome.reprimand() && request.findings().isEmpty()) {
            violations.add(
                    Violation.of("findings", "REQUIRED", "work-team.inspection.findings-required", outcome.label()));
        }
        if (outcome == InspectionOutcome.NO_ISSUES && !request.findings().isEmpty()) {
            violations.add(
                    Violation.of("findings", "FINDINGS_WITHOUT_ISSUES", "work-team.inspection.findings-no-issues"));
        }
        if (outcome == InspectionOutcome.RECALLED && request.memberId() == null) {
            violations.add(Violation.of("memberId", "REQUIRED", "work-team.inspection.member-required"));
        }
        if (request.memberId() != null) {
            WorkTeamMember member = entityManager.find(WorkTeamMember.class, request.memberId());
            if (member == null || !member.teamId.equals(team.id)) {
                violations.add(Violation.of("memberId", "UNKNOWN", "work-team.member.unknown", request.memberId()));
            } else if (request.inspectedOn() != null && !member.servedOn(request.inspectedOn())) {
                violations.add(Violation.of(
                        "memberId",
                        "NOT_SERVING",
                        "work-team.member.not-serving",
                        request.memberId(),
                        request.inspectedOn()));
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        WorkTeamInspection inspection = new WorkTeamInspection();
        inspection.id = UuidCreator.getTimeOrderedEpoch();
        inspection.teamId = team.id;
        inspection.inspectedOn = request.inspectedOn();
        inspection.kind = request.kind();
        inspection.inspectingBody = request.inspectingBody().trim();
        inspection.findings =
                new ArrayList<>(request.findings().stream().map(String::trim).toList());
        inspection.outcome = outcome;
        inspection.memberId = request.memberId();
        inspection.note = blankToNull(request.note());
        inspection.recordedBy = scope.subject();
        inspection.recordedAt = clock.instant();
        entityManager.persist(inspection);
        entityManager.flush();
        outbox.publish(
                Topics.HOUSEHOLD_EVENTS,
                TEAM,
                team.id.toString(),
                EventTypes.WORK_TEAM_INSPECTED,
                new WorkTeamInspected(
                        inspection.id.toString(),
                        team.id.toString(),
                        team.villageCode,
                        inspection.inspectedOn,
                        inspection.kind.name(),
                        inspection.outcome.name(),
                        inspection.findings.size(),
                        inspection.memberId == null ? null : inspection.memberId.toString(),
                        inspection.recordedAt));
        audit.changed(
                AuditAction.CREATE,
                INSPECTION,
                inspection.id.toString(),
                team.villageCode,
                List.of(
                        AuditedChange.created("teamId", team.id),
                        AuditedChange.created("inspectedOn", inspection.inspectedOn),
                        AuditedChange.created("kind", inspection.kind),
                        AuditedChange.created("inspectingBody", inspection.inspectingBody),
                        AuditedChange.created("findings", inspection.findings),
                        AuditedChange.created("outcome", inspection.outcome),
                        AuditedChange.created("memberId", inspection.memberId),
                        AuditedChange.created("note", inspection.note)));
        return inspection;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public WorkTeam get(UUID id) {
        return find(id, LockModeType.NONE);
    }

    /** The team of a village in the caller's region; any other 404. */
    private WorkTeam find(UUID id, LockModeType lock) {
        WorkTeam team = entityManager.find(WorkTeam.class, id, lock);
        if (team == null || !scope.covers(team.villageCode)) {
            throw ProblemException.notFound("work-team.not-found", id);
        }
        return team;
    }

    /** Every service on the team, latest joined first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WorkTeamMember> members(UUID teamId) {
        return entityManager
                .createQuery(
                        "from WorkTeamMember where teamId = :team order by joinsOn desc, createdAt desc, id desc",
                        WorkTeamMember.class)
                .setParameter("team", teamId)
                .getResultList();
    }

    /**
     * The training held by the caller's region, below it or by a region holding it (a village sees its township's);
     * any other 404. Its attendees are loaded with it: the resource reads them after the transaction.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public WorkTeamTraining training(UUID id) {
        WorkTeamTraining training = entityManager.find(WorkTeamTraining.class, id);
        if (training == null || !scope.overlaps(training.regionCode)) {
            throw ProblemException.notFound("work-team.training.not-found", id);
        }
        training.memberIds.size();
        return training;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public WorkTeamInspection inspection(UUID id) {
        WorkTeamInspection inspection = entityManager.find(WorkTeamInspection.class, id);
        if (inspection == null || !scope.covers(entityManager.find(WorkTeam.class, inspection.teamId).villageCode)) {
            throw ProblemException.notFound("work-team.inspection.not-found", id);
        }
        return inspection;
    }

    /**
     * The village of an inspection the caller sees, for a problem found there to be registered for rectification;
     * empty when there is no such inspection or it lies outside the caller's region.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> inspectedVillage(UUID inspectionId) {
        WorkTeamInspection inspection = entityManager.find(WorkTeamInspection.class, inspectionId);
        if (inspection == null) {
            return Optional.empty();
        }
        String village = entityManager.find(WorkTeam.class, inspection.teamId).villageCode;
        return scope.covers(village) ? Optional.of(village) : Optional.empty();
    }

    /**
     * The village a team is sent to: outside the caller's region 403 (the caller named it), not a registered village
     * 400 naming the field.
     */
    private Division village(String code) {
        if (!scope.covers(code)) {
            throw ProblemException.of(ProblemType.FORBIDDEN, "problem.forbidden.out-of-scope", code, scope.division());
        }
        Division division = entityManager.find(Division.class, code);
        if (division == null) {
            throw ProblemException.invalid(Violation.of("villageCode", "UNKNOWN", "work-team.division.unknown", code));
        }
        if (division.level != DivisionLevel.VILLAGE) {
            throw ProblemException.invalid(
                    Violation.of("villageCode", "NOT_VILLAGE", "work-team.village.level", code, division.level));
        }
        return division;
    }

    /**
     * The county or township that holds a training or issues a notice: outside the caller's region 403, not a
     * registered county or township 400 naming the field.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Division region(String code, String field) {
        if (!scope.covers(code)) {
            throw ProblemException.of(ProblemType.FORBIDDEN, "problem.forbidden.out-of-scope", code, scope.division());
        }
        Division division = entityManager.find(Division.class, code);
        if (division == null) {
            throw ProblemException.invalid(Violation.of(field, "UNKNOWN", "work-team.division.unknown", code));
        }
        if (division.level != DivisionLevel.COUNTY && division.level != DivisionLevel.TOWNSHIP) {
            throw ProblemException.invalid(
                    Violation.of(field, "NOT_TOWNSHIP_OR_COUNTY", "work-team.region.level", code, division.level));
        }
        return division;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public String divisionName(String code) {
        Division division = entityManager.find(Division.class, code);
        return division == null ? null : division.name;
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
