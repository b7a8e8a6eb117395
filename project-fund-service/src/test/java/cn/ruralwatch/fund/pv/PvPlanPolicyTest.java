package cn.ruralwatch.fund.pv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.ruralwatch.fund.projection.KnownMembers;
import cn.ruralwatch.fund.rule.ShareRequirementApi;
import cn.ruralwatch.fund.rule.ShareRequirementKind;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.ProblemType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PvPlanPolicyTest {

    static final String VILLAGE = "450422101201";
    static final String OTHER_VILLAGE = "450422102201";
    static final UUID WORKER = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    static final UUID SECOND_WORKER = UUID.fromString("00000000-0000-0000-0000-0000000000a2");
    static final UUID BEDRIDDEN = UUID.fromString("00000000-0000-0000-0000-0000000000a3");
    static final UUID LEFT = UUID.fromString("00000000-0000-0000-0000-0000000000a4");
    static final UUID STRANGER = UUID.fromString("00000000-0000-0000-0000-0000000000a5");
    static final UUID HOUSEHOLD_A = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    static final UUID HOUSEHOLD_B = UUID.fromString("00000000-0000-0000-0000-0000000000b2");
    static final UUID HOUSEHOLD_C = UUID.fromString("00000000-0000-0000-0000-0000000000b3");
    static final UUID HOUSEHOLD_ELSEWHERE = UUID.fromString("00000000-0000-0000-0000-0000000000b4");

    /** Three households in the village (A, B, C); one in another village; members of A and B. */
    static final PvPlanPolicy.Facts FACTS = new PvPlanPolicy.Facts() {
        final Map<UUID, KnownMembers.KnownMember> members = Map.of(
                WORKER, knownMember(WORKER, HOUSEHOLD_A, VILLAGE, true, "FULL"),
                SECOND_WORKER, knownMember(SECOND_WORKER, HOUSEHOLD_B, VILLAGE, true, "PARTIAL"),
                BEDRIDDEN, knownMember(BEDRIDDEN, HOUSEHOLD_B, VILLAGE, true, "LOST"),
                LEFT, knownMember(LEFT, HOUSEHOLD_A, VILLAGE, false, "FULL"),
                STRANGER, knownMember(STRANGER, HOUSEHOLD_ELSEWHERE, OTHER_VILLAGE, true, "FULL"));
        final Map<UUID, String> villages = Map.of(
                HOUSEHOLD_A, VILLAGE, HOUSEHOLD_B, VILLAGE, HOUSEHOLD_C, VILLAGE, HOUSEHOLD_ELSEWHERE, OTHER_VILLAGE);

        @Override
        public Optional<KnownMembers.KnownMember> member(UUID memberId) {
            return Optional.ofNullable(members.get(memberId));
        }

        @Override
        public Optional<String> villageOf(UUID householdId) {
            return Optional.ofNullable(villages.get(householdId));
        }

        @Override
        public long households(Set<String> villages) {
            return villages.equals(Set.of(VILLAGE)) ? 3 : 99;
        }
    };

    static KnownMembers.KnownMember knownMember(
            UUID id, UUID household, String village, boolean active, String labour) {
        return new KnownMembers.KnownMember(
                id, household, village, active, LocalDate.of(1980, 1, 1), labour, null, null, null, null);
    }

    /** More revenue than any plan here distributes. */
    static final List<PvPlanPolicy.RevenuePool> PLENTY =
            List.of(new PvPlanPolicy.RevenuePool(VILLAGE, new BigDecimal("1000000.00"), BigDecimal.ZERO));

    static ShareRequirementApi.Requirement requiring(String percent) {
        return new ShareRequirementApi.Requirement(
                ShareRequirementKind.PV_WAGES_AND_LABOUR, "45", 2024, new BigDecimal(percent), null, null, null);
    }

    static PvApi.JobRequest job(String village, UUID... holders) {
        List<PvApi.HolderRequest> list = new ArrayList<>();
        for (UUID holder : holders) {
            list.add(new PvApi.HolderRequest(holder, new BigDecimal("500"), 12));
        }
        return new PvApi.JobRequest(" 护林员 ", village, list);
    }

    static PvApi.RewardRequest reward(String... householdsAndAmounts) {
        List<PvApi.RecipientRequest> recipients = new ArrayList<>();
        for (int i = 0; i < householdsAndAmounts.length; i += 2) {
            recipients.add(new PvApi.RecipientRequest(
                    UUID.fromString(householdsAndAmounts[i]), new BigDecimal(householdsAndAmounts[i + 1])));
        }
        return new PvApi.RewardRequest("环境整治奖励", "参加义务劳动", recipients);
    }

    static PvApi.PlanRequest plan(
            String distributable,
            List<PvApi.JobRequest> jobs,
            List<PvApi.WorksRequest> works,
            List<PvApi.RewardRequest> rewards) {
        return new PvApi.PlanRequest(VILLAGE, 2024, new BigDecimal(distributable), null, null, jobs, works, rewards);
    }

    static List<String> codes(ProblemException problem) {
        return problem.violations().stream()
                .map(v -> v.field() + ":" + v.code())
                .toList();
    }

    static ProblemException refused(
            PvApi.PlanRequest request, long stations, ShareRequirementApi.Requirement required) {
        return assertThrows(
                ProblemException.class, () -> PvPlanPolicy.check(request, stations, required, PLENTY, FACTS));
    }

    @Test
    void aPlanKeepingEveryRuleComesBackWithItsHouseholds() {
        var content = PvPlanPolicy.check(
                plan(
                        "20000",
                        List.of(job(VILLAGE, WORKER, SECOND_WORKER)),
                        List.of(new PvApi.WorksRequest(
                                " 修路 ", VILLAGE, new BigDecimal("3000"), new BigDecimal("2000"))),
                        List.of(reward(HOUSEHOLD_A.toString(), "100", HOUSEHOLD_B.toString(), "200"))),
                1,
                requiring("60.00"),
                PLENTY,
                FACTS);
        assertEquals("护林员", content.jobs().getFirst().title());
        assertEquals(
                List.of(HOUSEHOLD_A, HOUSEHOLD_B),
                content.jobs().getFirst().holders().stream()
                        .map(PvDistributionPlan.Holder::householdId)
                        .toList());
        assertEquals(
                new BigDecimal("500.00"),
                content.jobs().getFirst().holders().getFirst().monthlyWage());
        assertEquals("修路", content.works().getFirst().name());
        assertEquals(new BigDecimal("300.00"), content.rewards().getFirst().amount());
    }

    @Test
    void whatIsUnknownOrOutsideTheDivisionIsInvalid() {
        ProblemException problem = refused(
                plan(
                        "20000",
                        List.of(job(OTHER_VILLAGE, LEFT, STRANGER)),
                        List.of(new PvApi.WorksRequest(
                                "修路", OTHER_VILLAGE, new BigDecimal("10"), new BigDecimal("11"))),
                        List.of(reward(
                                HOUSEHOLD_ELSEWHERE.toString(),
                                "1",
                                HOUSEHOLD_A.toString(),
                                "1",
                                HOUSEHOLD_A.toString(),
                                "2"))),
                0,
                null);
        assertEquals(ProblemType.VALIDATION_FAILED, problem.type());
        assertEquals(
                List.of(
                        "jobs[0].villageCode:OUTSIDE_DIVISION",
                        "jobs[0].holders[0].memberId:UNKNOWN_MEMBER",
                        "jobs[0].holders[1].memberId:UNKNOWN_MEMBER",
                        "works[0].villageCode:OUTSIDE_DIVISION",
                        "works[0].labourAmount:LABOUR_EXCEEDS_AMOUNT",
                        "rewards[0].recipients[0].householdId:UNKNOWN_HOUSEHOLD",
                        "rewards[0].recipients[2].householdId:DUPLICATE"),
                codes(problem));
    }

    @Test
    void everyBrokenRuleIsListed() {
        ProblemException problem = refused(
                plan(
                        "10000",
                        List.of(job(VILLAGE, WORKER, BEDRIDDEN), job(VILLAGE, WORKER)),
                        null,
                        List.of(reward(
                                HOUSEHOLD_A.toString(),
                                "1000",
                                HOUSEHOLD_B.toString(),
                                "1000",
                                HOUSEHOLD_C.toString(),
                                "1000.00"))),
                0,
                requiring("60.00"));
        assertEquals(ProblemType.UNPROCESSABLE, problem.type());
        assertEquals(List.of(5), problem.detailArgs());
        assertEquals(
                List.of(
                        "divisionCode:NO_STATION",
                        "jobs[0].holders[1].memberId:NO_LABOUR_ABILITY",
                        "jobs[1].holders[0].memberId:DUPLICATE_HOLDER",
                        "rewards[0].recipients:PLAIN_HAND_OUT",
                        "distributable:EXCEEDS_DISTRIBUTABLE"),
                codes(problem));
        assertEquals(
                List.of("jobs[0].holders[0].memberId"),
                problem.violations().get(2).args());
        ProblemException share =
                refused(plan("100000", List.of(job(VILLAGE, WORKER)), null, null), 1, requiring("60.00"));
        assertEquals(List.of("jobs:BELOW_WAGES_AND_LABOUR_SHARE"), codes(share));
        assertEquals(
                List.of("6.00", "60.00", "54000.00"),
                share.violations().getFirst().args());
    }

    @Test
    void noMoreIsDistributedThanTheStationsEarnedLessWhatOtherPlansDistribute() {
        PvApi.PlanRequest works = plan(
                "500000",
                List.of(),
                List.of(new PvApi.WorksRequest("修路", VILLAGE, new BigDecimal("500000"), new BigDecimal("500000"))),
                null);
        ProblemException problem = assertThrows(
                ProblemException.class,
                () -> PvPlanPolicy.check(
                        works,
                        1,
                        requiring("80.00"),
                        List.of(new PvPlanPolicy.RevenuePool(VILLAGE, new BigDecimal("135595"), BigDecimal.ZERO)),
                        FACTS));
        assertEquals(ProblemType.UNPROCESSABLE, problem.type());
        assertEquals(List.of("distributable:EXCEEDS_REVENUE"), codes(problem));
        assertEquals(
                List.of("500000.00", VILLAGE, 2024, "135595.00", "0.00", "135595.00"),
                problem.violations().getFirst().args());

        // within its village's revenue, but the township's plan already takes most of the township's
        PvApi.PlanRequest small = plan(
                "30000",
                List.of(),
                List.of(new PvApi.WorksRequest("修路", VILLAGE, new BigDecimal("30000"), new BigDecimal("30000"))),
                null);
        ProblemException township = assertThrows(
                ProblemException.class,
                () -> PvPlanPolicy.check(
                        small,
                        1,
                        null,
                        List.of(
                                new PvPlanPolicy.RevenuePool(VILLAGE, new BigDecimal("135595"), BigDecimal.ZERO),
                                new PvPlanPolicy.RevenuePool(
                                        "450422101", new BigDecimal("135595"), new BigDecimal("120000"))),
                        FACTS));
        assertEquals(
                List.of("30000.00", "450422101", 2024, "135595.00", "120000.00", "15595.00"),
                township.violations().getFirst().args());
        PvPlanPolicy.check(
                small,
                1,
                null,
                List.of(
                        new PvPlanPolicy.RevenuePool(VILLAGE, new BigDecimal("135595"), BigDecimal.ZERO),
                        new PvPlanPolicy.RevenuePool("450422101", new BigDecimal("135595"), new BigDecimal("105595"))),
                FACTS);

        // a division without a station is refused for that alone, not again for its revenue of nothing
        ProblemException noStation = assertThrows(
                ProblemException.class,
                () -> PvPlanPolicy.check(
                        small,
                        0,
                        null,
                        List.of(new PvPlanPolicy.RevenuePool(VILLAGE, BigDecimal.ZERO, BigDecimal.ZERO)),
                        FACTS));
        assertEquals(List.of("divisionCode:NO_STATION"), codes(noStation));
    }

    @Test
    void differentSumsOrHouseholdsLeftOutAreNoHandOut() {
        PvPlanPolicy.check(
                plan(
                        "10000",
                        List.of(),
                        null,
                        List.of(reward(HOUSEHOLD_A.toString(), "100", HOUSEHOLD_B.toString(), "100"))),
                1,
                null,
                PLENTY,
                FACTS);
        PvPlanPolicy.check(
                plan(
                        "10000",
                        List.of(),
                        null,
                        List.of(reward(
                                HOUSEHOLD_A.toString(),
                                "100",
                                HOUSEHOLD_B.toString(),
                                "100",
                                HOUSEHOLD_C.toString(),
                                "101"))),
                1,
                null,
                PLENTY,
                FACTS);
    }

    @Test
    void totalsSumTheItemsAndTheShareOfWagesAndLabour() {
        var holder = new PvDistributionPlan.Holder(WORKER, HOUSEHOLD_A, new BigDecimal("500.00"), 12);
        PvApi.Totals totals = PvPlanPolicy.totals(
                new BigDecimal("20000.00"),
                List.of(new PvDistributionPlan.Job("护林员", VILLAGE, List.of(holder))),
                List.of(new PvDistributionPlan.Works(
                        "修路", VILLAGE, new BigDecimal("3000.00"), new BigDecimal("2000.00"))),
                List.of(new PvDistributionPlan.Reward(
                        "奖励", "依据", List.of(new PvDistributionPlan.Recipient(HOUSEHOLD_A, new BigDecimal("100.00"))))),
                null);
        assertEquals(
                new PvApi.Totals(
                        1,
                        new BigDecimal("6000.00"),
                        new BigDecimal("3000.00"),
                        new BigDecimal("2000.00"),
                        new BigDecimal("100.00"),
                        new BigDecimal("9100.00"),
                        new BigDecimal("10900.00"),
                        new BigDecimal("40.00"),
                        null),
                totals);
        assertNull(PvPlanPolicy.percent(BigDecimal.ONE, BigDecimal.ZERO));
    }
}
