package cn.ruralwatch.household.household;

import cn.ruralwatch.household.household.HouseholdChangeRecorder.Operation;
import cn.ruralwatch.http.IdempotencyKeys;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.Violation;
import cn.ruralwatch.time.ChinaTime;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.f4b6a3.uuid.UuidCreator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * 分户 and 合户. Members who move keep their history in the household they leave (marked as left by SPLIT or MERGE)
 * and start a new record in the household they join; both households get a revision and an event.
 */
@ApplicationScoped
@Transactional
public class HouseholdRestructuring {

    @Inject
    Clock clock;

    @Inject
    Households households;

    @Inject
    Villages villages;

    @Inject
    HouseholdChangeRecorder recorder;

    @Inject
    IdempotencyKeys idempotencyKeys;

    /** Splits members off into a new household; returns the new household. */
    public Household split(UUID id, HouseholdApi.Split request, String ifMatch, String idempotencyKey) {
        String created = idempotencyKeys
                .once("household-split:" + id, idempotencyKey, request, () -> doSplit(id, request, ifMatch)
                        .id
                        .toString())
                .resourceId();
        return households.get(UUID.fromString(created));
    }

    private Household doSplit(UUID id, HouseholdApi.Split request, String ifMatch) {
        List<Violation> violations = new ArrayList<>();
        checkDate(request.effectiveOn(), violations);
        checkPlacements(request.members(), violations);
        long heads = request.members().stream()
                .filter(p -> p.relation() == Relation.HEAD)
                .count();
        if (heads != 1) {
            violations.add(Violation.of("members", "HEAD_COUNT", "household.head.count", heads));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        Household source = households.forChange(id, ifMatch);
        String villageCode = request.villageCode() == null ? source.villageCode : request.villageCode();
        if (request.villageCode() != null) {
            villages.check(villageCode, "villageCode", violations);
        }
        List<Member> leaving = new ArrayList<>();
        for (int i = 0; i < request.members().size(); i++) {
            leaving.add(source.activeMember(request.members().get(i).memberId(), "members[" + i + "].memberId"));
        }
        DateRules.notBefore(
                "effectiveOn",
                request.effectiveOn(),
                violations,
                Stream.concat(
                                Stream.of(DateRules.householdStart(source.startedOn())),
                                leaving.stream().map(m -> DateRules.joined(m.joinedOn)))
                        .toArray(DateRules.Floor[]::new));
        if (leaving.size() >= source.activeMembers().size()) {
            violations.add(Violation.of("members", "EVERYONE", "household.split.everyone"));
        }
        boolean headLeaves = leaving.stream().anyMatch(m -> m.relation == Relation.HEAD);
        if (headLeaves && request.remainingHeadMemberId() == null) {
            violations.add(Violation.of("remainingHeadMemberId", "REQUIRED", "household.split.remaining-head"));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        JsonNode before = recorder.before(source);
        if (headLeaves) {
            Member remainingHead = source.activeMember(request.remainingHeadMemberId(), "remainingHeadMemberId");
            if (leaving.contains(remainingHead)) {
                throw ProblemException.invalid(
                        Violation.of("remainingHeadMemberId", "LEAVING", "household.split.remaining-head"));
            }
            remainingHead.relation = Relation.HEAD;
        }
        Household split = new Household();
        split.id = UuidCreator.getTimeOrderedEpoch();
        split.villageCode = villageCode;
        split.registeredAt = clock.instant();
        split.splitFrom = source.id;
        carryOver(source, split);
        for (int i = 0; i < leaving.size(); i++) {
            leaving.get(i)
                    .movedTo(split, request.members().get(i).relation(), MemberChange.SPLIT, request.effectiveOn());
        }
        // the source's members leave before anyone joins the new household: one person, one household at every step
        recorder.changed(
                source,
                before,
                Operation.SPLIT,
                request.reason(),
                request.effectiveOn(),
                change -> change.changed(Operation.SPLIT, request.reason()));
        recorder.registered(split, Operation.SPLIT_FROM, request.reason());
        return split;
    }

    /** Merges another household's members into this one; the other household is marked as merged into this one. */
    public Household merge(UUID id, HouseholdApi.Merge request, String ifMatch) {
        List<Violation> violations = new ArrayList<>();
        checkDate(request.effectiveOn(), violations);
        checkPlacements(request.members(), violations);
        for (int i = 0; i < request.members().size(); i++) {
            if (request.members().get(i).relation() == Relation.HEAD) {
                violations.add(Violation.of("members[" + i + "].relation", "HEAD", "household.merge.head"));
            }
        }
        if (request.householdId().equals(id)) {
            violations.add(Violation.of("householdId", "SAME", "household.merge.same"));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        // both households locked, always in the same order, so that two opposite merges cannot deadlock
        Household target;
        Household absorbed;
        if (id.compareTo(request.householdId()) < 0) {
            target = households.forChange(id, ifMatch);
            absorbed = absorbable(request.householdId());
        } else {
            absorbed = absorbable(request.householdId());
            target = households.forChange(id, ifMatch);
        }
        Set<UUID> listed = new HashSet<>();
        request.members().forEach(p -> listed.add(p.memberId()));
        Set<UUID> living = new HashSet<>();
        absorbed.activeMembers().forEach(m -> living.add(m.id));
        if (!listed.equals(living)) {
            throw ProblemException.invalid(Violation.of("members", "NOT_ALL_MEMBERS", "household.merge.all-members"));
        }
        // the merge acts on both households and on every member who moves
        DateRules.notBefore(
                "effectiveOn",
                request.effectiveOn(),
                violations,
                Stream.concat(
                                Stream.of(
                                        DateRules.householdStart(target.startedOn()),
                                        DateRules.Floor.of(
                                                absorbed.startedOn(),
                                                "BEFORE_HOUSEHOLD",
                                                "date.before-merged-household")),
                                absorbed.activeMembers().stream().map(m -> DateRules.joined(m.joinedOn)))
                        .toArray(DateRules.Floor[]::new));
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        JsonNode beforeAbsorbed = recorder.before(absorbed);
        JsonNode beforeTarget = recorder.before(target);
        // the members leave the absorbed household (written first) before they join this one: one person, one
        // household at every step
        List<Member> moving = request.members().stream()
                .map(p -> absorbed.member(p.memberId()).orElseThrow())
                .toList();
        moving.forEach(m -> m.leave(MemberChange.MERGE, request.effectiveOn()));
        absorbed.status = HouseholdStatus.MERGED;
        absorbed.mergedInto = target.id;
        recorder.changed(
                absorbed,
                beforeAbsorbed,
                Operation.MERGED_INTO,
                request.reason(),
                request.effectiveOn(),
                change -> change.changed(Operation.MERGED_INTO, request.reason()));
        for (int i = 0; i < moving.size(); i++) {
            moving.get(i)
                    .movedTo(target, request.members().get(i).relation(), MemberChange.MERGE, request.effectiveOn());
        }
        recorder.changed(
                target,
                beforeTarget,
                Operation.MERGE,
                request.reason(),
                request.effectiveOn(),
                change -> change.changed(Operation.MERGE, request.reason()));
        return target;
    }

    private Household absorbable(UUID id) {
        Household household;
        try {
            household = households.locked(id);
        } catch (ProblemException notFound) {
            throw ProblemException.invalid(Violation.of("householdId", "UNKNOWN", "household.not-found", id));
        }
        household.requireActive();
        return household;
    }

    /** A household split off starts with the attributes and monitoring of the one it came from; not its incomes. */
    private static void carryOver(Household from, Household to) {
        HouseholdMapper.apply(HouseholdMapper.attributes(from, null, null), to);
        HouseholdMapper.apply(HouseholdMapper.monitoring(from), to);
    }

    private void checkDate(LocalDate effectiveOn, List<Violation> violations) {
        DateRules.notFuture("effectiveOn", effectiveOn, ChinaTime.today(clock), violations);
    }

    private static void checkPlacements(List<HouseholdApi.MemberPlacement> placements, List<Violation> violations) {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < placements.size(); i++) {
            if (!seen.add(placements.get(i).memberId())) {
                violations.add(
                        Violation.of("members[" + i + "].memberId", "DUPLICATE", "household.member.listed-twice"));
            }
        }
    }
}
