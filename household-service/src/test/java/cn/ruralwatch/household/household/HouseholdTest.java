package cn.ruralwatch.household.household;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.ProblemType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Member changes on the household aggregate itself: no database, no service. */
class HouseholdTest {

    static final LocalDate ON = LocalDate.of(2026, 3, 1);

    @Test
    void aHeadWhoLeavesOthersBehindHandsOverToAMemberWhoStays() {
        Household household = household(Relation.HEAD, Relation.SPOUSE, Relation.SON);
        Member head = household.members.get(0);
        Member son = household.members.get(2);

        ProblemException refused =
                assertThrows(ProblemException.class, () -> household.removeMember(head, MemberChange.DEATH, ON, null));
        assertEquals(ProblemType.VALIDATION_FAILED, refused.type());
        assertThrows(ProblemException.class, () -> household.removeMember(head, MemberChange.DEATH, ON, head.id));
        assertTrue(head.active(), "a refused change changes nothing");

        household.removeMember(head, MemberChange.DEATH, ON, son.id);
        assertEquals(MemberStatus.REMOVED, head.status);
        assertEquals(ON, head.leftOn);
        assertEquals(son, household.head());
        assertEquals(HouseholdStatus.ACTIVE, household.status);
    }

    @Test
    void anEliminatedEpisodeIsKeptWhenTheHouseholdIsIdentifiedAgain() {
        Household household = household(Relation.HEAD);
        household.keepEliminatedEpisode();
        assertTrue(household.pastMonitoring.isEmpty(), "a household never monitored has no episode to keep");
        household.monitoringCategory = MonitoringCategory.UNSTABLE_EXITED;
        household.riskTypes = new java.util.ArrayList<>(java.util.List.of("ILLNESS"));
        household.riskState = RiskState.AT_RISK;
        household.monitoredSince = LocalDate.of(2019, 5, 6);
        household.keepEliminatedEpisode();
        assertTrue(household.pastMonitoring.isEmpty(), "an episode still at risk is not over");
        household.riskState = RiskState.ELIMINATED;
        household.riskEliminatedOn = LocalDate.of(2020, 10, 9);
        household.keepEliminatedEpisode();
        assertEquals(1, household.pastMonitoring.size());
        MonitoringEpisode kept = household.pastMonitoring.getFirst();
        assertEquals(MonitoringCategory.UNSTABLE_EXITED, kept.category);
        assertEquals(java.util.List.of("ILLNESS"), kept.riskTypes);
        assertEquals(LocalDate.of(2019, 5, 6), kept.identifiedOn);
        assertEquals(LocalDate.of(2020, 10, 9), kept.eliminatedOn);
        assertTrue(kept.overlaps(LocalDate.of(2020, 10, 9), LocalDate.of(2021, 1, 1)));
        assertTrue(!kept.overlaps(LocalDate.of(2020, 10, 10), LocalDate.of(2021, 1, 1)));
    }

    @Test
    void theLastMemberToLeaveDissolvesTheHousehold() {
        Household household = household(Relation.HEAD);
        household.removeMember(household.members.getFirst(), MemberChange.MOVE_OUT, ON, null);
        assertEquals(HouseholdStatus.DISSOLVED, household.status);
        assertThrows(ProblemException.class, household::requireActive);
    }

    @Test
    void onlyAMemberLivingThereCanBeNamed() {
        Household household = household(Relation.HEAD, Relation.SON);
        Member son = household.members.get(1);
        son.leave(MemberChange.MOVE_OUT, ON);
        ProblemException refused =
                assertThrows(ProblemException.class, () -> household.activeMember(son.id, "memberId"));
        assertEquals(ProblemType.VALIDATION_FAILED, refused.type());
        assertThrows(ProblemException.class, () -> household.activeMember(UUID.randomUUID(), "memberId"));
    }

    @Test
    void aNewHeadComesFromTheMembersAndTheFormerHeadTakesTheRelationGiven() {
        Household household = household(Relation.HEAD, Relation.SON);
        Member head = household.members.get(0);
        Member son = household.members.get(1);
        assertThrows(ProblemException.class, () -> household.changeHead(head.id, Relation.FATHER));
        assertThrows(ProblemException.class, () -> household.changeHead(son.id, Relation.HEAD));

        household.changeHead(son.id, Relation.FATHER);
        assertEquals(
                List.of(Relation.FATHER, Relation.HEAD),
                household.members.stream().map(m -> m.relation).toList());
    }

    @Test
    void enlistingTwiceIsAConflict() {
        Household household = household(Relation.HEAD, Relation.SON);
        Member son = household.members.get(1);
        household.enlist(son);
        assertTrue(son.activeSoldier);
        assertEquals(
                ProblemType.CONFLICT,
                assertThrows(ProblemException.class, () -> household.enlist(son))
                        .type());
    }

    private static Household household(Relation... relations) {
        Household household = new Household();
        household.id = UUID.randomUUID();
        for (Relation relation : relations) {
            Member member = new Member();
            member.id = UUID.randomUUID();
            member.relation = relation;
            household.addMember(member);
        }
        return household;
    }
}
