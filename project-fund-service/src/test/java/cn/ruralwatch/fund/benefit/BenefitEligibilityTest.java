package cn.ruralwatch.fund.benefit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ruralwatch.fund.projection.KnownMembers;
import cn.ruralwatch.problem.Violation;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who each kind of benefit is for, from the facts household-events give of the household and the member. */
class BenefitEligibilityTest {

    static final UUID HOUSEHOLD = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    static final UUID MEMBER = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    static final LocalDate GRANTED = LocalDate.of(2023, 9, 20);

    static final BenefitRuleApi.Rule TRANSPORT = new BenefitRuleApi.Rule(
            UUID.randomUUID(),
            BenefitKind.TRANSPORT_SUBSIDY,
            "42",
            2023,
            new BigDecimal("500.00"),
            null,
            null,
            3,
            List.of(EmploymentLocation.OUT_OF_PROVINCE),
            null,
            "test",
            Instant.EPOCH,
            null);

    static KnownMembers.KnownHousehold household(List<String> industries, boolean memberWorking) {
        return new KnownMembers.KnownHousehold(HOUSEHOLD, true, industries, memberWorking);
    }

    static KnownMembers.KnownMember member(
            LocalDate born, String labour, String stage, String schooling, String place, Integer months) {
        return new KnownMembers.KnownMember(
                MEMBER, HOUSEHOLD, "420281105201", true, born, labour, stage, schooling, place, months);
    }

    static KnownMembers.KnownMember adult(String stage, String schooling, String place, Integer months) {
        return member(LocalDate.of(1975, 4, 2), "ORDINARY", stage, schooling, place, months);
    }

    static List<String> unmet(BenefitKind kind, KnownMembers.KnownHousehold household, KnownMembers.KnownMember m) {
        return BenefitEligibility.unmet(
                        kind, household, m, GRANTED, kind == BenefitKind.TRANSPORT_SUBSIDY ? TRANSPORT : null)
                .stream()
                .map(v -> v.field() + ":" + v.code())
                .toList();
    }

    @Test
    void yuluPaysStudentsInSchoolAtVocationalStages() {
        assertEquals(
                List.of(),
                unmet(
                        BenefitKind.YULU_SUBSIDY,
                        household(List.of(), false),
                        adult("SENIOR_SECONDARY", "IN_SCHOOL", null, null)));
        assertEquals(
                List.of(),
                unmet(
                        BenefitKind.YULU_SUBSIDY,
                        household(List.of(), false),
                        adult("TERTIARY", "IN_SCHOOL", null, null)));
        // the 48-year-old of the issue: finished school long ago
        assertEquals(
                List.of("memberId:NOT_IN_SCHOOL"),
                unmet(
                        BenefitKind.YULU_SUBSIDY,
                        household(List.of(), false),
                        adult("SENIOR_SECONDARY", "NOT_IN_SCHOOL", null, null)));
        assertEquals(
                List.of("memberId:STAGE_NOT_COVERED"),
                unmet(
                        BenefitKind.YULU_SUBSIDY,
                        household(List.of(), false),
                        adult("JUNIOR_SECONDARY", "IN_SCHOOL", null, null)));
        // nothing recorded is nothing met
        List<Violation> unknown = BenefitEligibility.unmet(
                BenefitKind.YULU_SUBSIDY, household(null, false), adult(null, null, null, null), GRANTED, null);
        assertEquals(
                List.of("NOT_IN_SCHOOL", "STAGE_NOT_COVERED"),
                unknown.stream().map(Violation::code).toList());
        assertEquals(List.of(MEMBER, "未登记"), unknown.getFirst().args());
    }

    @Test
    void transportPaysMembersWorkingAwayForTheRulesMonths() {
        assertEquals(
                List.of(),
                unmet(
                        BenefitKind.TRANSPORT_SUBSIDY,
                        household(List.of(), true),
                        adult(null, null, "OUT_OF_PROVINCE", 3)));
        // the member of the issue: no migrant work at all
        List<Violation> none = BenefitEligibility.unmet(
                BenefitKind.TRANSPORT_SUBSIDY,
                household(List.of(), false),
                adult(null, null, null, null),
                GRANTED,
                TRANSPORT);
        assertEquals(
                List.of("NOT_WORKING_AWAY", "TOO_FEW_MONTHS"),
                none.stream().map(Violation::code).toList());
        assertEquals(List.of(MEMBER, "未登记", "省外"), none.getFirst().args());
        assertEquals(List.of(MEMBER, "未登记", 3), none.get(1).args());
        assertEquals(
                List.of("memberId:NOT_WORKING_AWAY"),
                unmet(BenefitKind.TRANSPORT_SUBSIDY, household(List.of(), true), adult(null, null, "IN_PROVINCE", 10)));
        assertEquals(
                List.of("memberId:TOO_FEW_MONTHS"),
                unmet(
                        BenefitKind.TRANSPORT_SUBSIDY,
                        household(List.of(), true),
                        adult(null, null, "OUT_OF_PROVINCE", 2)));
    }

    @Test
    void industryRewardsNeedAnIndustryOrForThreeIndustriesWork() {
        assertEquals(List.of(), unmet(BenefitKind.INDUSTRY_REWARD, household(List.of("柑橘"), false), null));
        assertEquals(
                List.of("householdId:NO_INDUSTRY"),
                unmet(BenefitKind.INDUSTRY_REWARD, household(List.of(), true), null));
        assertEquals(
                List.of("householdId:NO_INDUSTRY"), unmet(BenefitKind.INDUSTRY_REWARD, household(null, true), null));
        assertEquals(List.of(), unmet(BenefitKind.THREE_INDUSTRY_REWARD, household(List.of(), true), null));
        assertEquals(List.of(), unmet(BenefitKind.THREE_INDUSTRY_REWARD, household(List.of("桑蚕"), false), null));
        assertEquals(
                List.of("householdId:NO_INDUSTRY_OR_WORK"),
                unmet(BenefitKind.THREE_INDUSTRY_REWARD, household(List.of(), false), null));
    }

    @Test
    void jobWagesArePaidToMembersOfWorkingAgeWhoCanWork() {
        assertEquals(
                List.of(),
                unmet(BenefitKind.PUBLIC_WELFARE_JOB_WAGE, household(List.of(), false), adult(null, null, null, null)));
        assertEquals(
                List.of("memberId:NO_LABOUR_ABILITY"),
                unmet(
                        BenefitKind.PUBLIC_WELFARE_JOB_WAGE,
                        household(List.of(), false),
                        member(LocalDate.of(1950, 1, 1), "LOST", null, null, null, null)));
        assertEquals(
                List.of("memberId:UNDER_WORKING_AGE"),
                unmet(
                        BenefitKind.PUBLIC_WELFARE_JOB_WAGE,
                        household(List.of(), false),
                        member(LocalDate.of(2007, 9, 21), "ORDINARY", null, null, null, null)));
        assertEquals(
                List.of(),
                unmet(
                        BenefitKind.PUBLIC_WELFARE_JOB_WAGE,
                        household(List.of(), false),
                        member(LocalDate.of(2007, 9, 20), "ORDINARY", null, null, null, null)));
    }
}
