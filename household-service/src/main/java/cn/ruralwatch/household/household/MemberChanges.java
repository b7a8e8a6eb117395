package cn.ruralwatch.household.household;

import cn.ruralwatch.events.MemberAdded;
import cn.ruralwatch.events.MemberRemoved;
import cn.ruralwatch.household.household.HouseholdChangeRecorder.Operation;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.Violation;
import cn.ruralwatch.time.ChinaTime;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * 自然增减 as explicit operations: a member is born, marries in or moves in; dies, marries out or moves out (the record
 * stays, marked as removed, and the person may be registered elsewhere); enlists (stays, counted as an active
 * soldier). Also the change of head of household.
 */
@ApplicationScoped
@Transactional
public class MemberChanges {

    static final Set<MemberChange> ADDITIONS =
            EnumSet.of(MemberChange.BIRTH, MemberChange.MARRIAGE_IN, MemberChange.MOVE_IN);
    static final Set<MemberChange> REMOVALS =
            EnumSet.of(MemberChange.DEATH, MemberChange.MARRIAGE_OUT, MemberChange.MOVE_OUT);

    @Inject
    Clock clock;

    @Inject
    Households households;

    @Inject
    Residences residences;

    @Inject
    PersonalNumbers numbers;

    @Inject
    HouseholdChangeRecorder recorder;

    public Household change(UUID id, HouseholdApi.MemberChangeRequest request, String ifMatch) {
        validate(request);
        Household household = households.forChange(id, ifMatch);
        if (ADDITIONS.contains(request.change())) {
            return add(household, request);
        }
        if (REMOVALS.contains(request.change())) {
            return remove(household, request);
        }
        return enlist(household, request);
    }

    private void validate(HouseholdApi.MemberChangeRequest request) {
        List<Violation> violations = new ArrayList<>();
        DateRules.notFuture("effectiveOn", request.effectiveOn(), ChinaTime.today(clock), violations);
        if (ADDITIONS.contains(request.change())) {
            if (request.member() == null) {
                violations.add(Violation.of(
                        "member", "REQUIRED", "household.member-change.member-required", request.change()));
            } else if (HouseholdRules.checkIdNumber(request.member(), "member.", violations, ChinaTime.today(clock))
                    && request.change() == MemberChange.BIRTH
                    && !IdNumbers.birthDate(IdNumbers.normalize(request.member().idNumber()))
                            .orElseThrow()
                            .equals(request.effectiveOn())) {
                violations.add(Violation.of("effectiveOn", "NOT_BIRTH_DATE", "household.member-change.birth-date"));
            }
            if (request.member() != null && request.member().relation() == Relation.HEAD) {
                violations.add(Violation.of("member.relation", "HEAD", "household.member-change.head"));
            }
            if (request.member() != null
                    && (request.member().leftBy() != null || request.member().leftOn() != null)) {
                violations.add(Violation.of(
                        request.member().leftBy() != null ? "member.leftBy" : "member.leftOn",
                        "NOT_ALLOWED",
                        "household.member-change.left-by"));
            }
        } else if (REMOVALS.contains(request.change()) || request.change() == MemberChange.ENLISTMENT) {
            if (request.memberId() == null) {
                violations.add(Violation.of(
                        "memberId", "REQUIRED", "household.member-change.member-id-required", request.change()));
            }
            if (request.member() != null) {
                violations.add(Violation.of(
                        "member", "NOT_ALLOWED", "household.member-change.member-not-allowed", request.change()));
            }
        } else {
            violations.add(
                    Violation.of("change", "NOT_A_MEMBER_CHANGE", "household.member-change.type", request.change()));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
    }

    private Household add(Household household, HouseholdApi.MemberChangeRequest request) {
        // a person who lived in the household before its record began belongs in that record, not in a change of it
        requireDate(request, DateRules.householdStart(household.startedOn()));
        residences.requireNotRegistered(List.of(request.member()), "", null);
        JsonNode before = recorder.before(household);
        Member member = numbers.newMember(request.member(), request.change(), request.effectiveOn());
        household.addMember(member);
        recorder.changed(
                household,
                before,
                Operation.MEMBER_ADDED,
                request.reason(),
                request.effectiveOn(),
                change -> new MemberAdded(
                        member.id.toString(),
                        request.change().name(),
                        request.effectiveOn(),
                        request.reason(),
                        change.state()));
        return household;
    }

    private Household remove(Household household, HouseholdApi.MemberChangeRequest request) {
        Member member = household.activeMember(request.memberId(), "memberId");
        requireDate(request, DateRules.joined(member.joinedOn), DateRules.householdStart(household.startedOn()));
        JsonNode before = recorder.before(household);
        household.removeMember(member, request.change(), request.effectiveOn(), request.newHeadMemberId());
        recorder.changed(
                household,
                before,
                Operation.MEMBER_REMOVED,
                request.reason(),
                request.effectiveOn(),
                change -> new MemberRemoved(
                        member.id.toString(),
                        request.change().name(),
                        request.effectiveOn(),
                        request.reason(),
                        change.state()));
        return household;
    }

    private Household enlist(Household household, HouseholdApi.MemberChangeRequest request) {
        Member member = household.activeMember(request.memberId(), "memberId");
        requireDate(request, DateRules.joined(member.joinedOn), DateRules.householdStart(household.startedOn()));
        JsonNode before = recorder.before(household);
        household.enlist(member);
        recorder.changed(
                household,
                before,
                Operation.ENLISTMENT,
                request.reason(),
                request.effectiveOn(),
                change -> change.changed(Operation.ENLISTMENT, request.reason()));
        return household;
    }

    /** A change cannot precede the record it acts on: the household's, and the member's in it. */
    private static void requireDate(HouseholdApi.MemberChangeRequest request, DateRules.Floor... floors) {
        List<Violation> violations = new ArrayList<>();
        DateRules.notBefore("effectiveOn", request.effectiveOn(), violations, floors);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
    }

    /** 户主变更: the new head must live in the household; the former head takes the relation given. */
    public Household changeHead(UUID id, HouseholdApi.HeadChange request, String ifMatch) {
        Household household = households.forChange(id, ifMatch);
        JsonNode before = recorder.before(household);
        household.changeHead(request.memberId(), request.formerHeadRelation());
        recorder.changed(
                household,
                before,
                Operation.HEAD_CHANGE,
                request.reason(),
                null,
                change -> change.changed(Operation.HEAD_CHANGE, request.reason()));
        return household;
    }
}
