package cn.ruralwatch.fund.benefit;

import cn.ruralwatch.fund.projection.KnownMembers;
import cn.ruralwatch.problem.Violation;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who a benefit of each kind is for, from the facts household-events give of the household and the member (besides
 * the household being a 脱贫户 or 监测对象, which {@link BenefitService} checks with the amounts):
 *
 * <ul>
 *   <li>产业奖补/以奖代补: the household takes part in an industry (特色产业);
 *   <li>三业奖补 (发展产业、积极就业、自主创业): the household takes part in an industry or one of its members works;
 *   <li>雨露计划: the member is in school (在校) at the upper-secondary stage (高中阶段, which holds 中职) or above (大专及以上,
 *       which holds 高职) — the stages household-service records cannot tell 中职 from 普通高中;
 *   <li>一次性交通补贴: the member works at a place the rule in force names, for at least its months this year;
 *   <li>公益性岗位工资: the member can work and is of working age (16, 劳动法 第十五条).
 * </ul>
 *
 * A fact household-service has not sent (before this service kept it, or never recorded) is not met: the message says
 * it is not recorded, so the household's data can be completed there.
 */
final class BenefitEligibility {

    /** 雨露计划 pays students of vocational education: 中职 sits in the upper-secondary stage, 高职 in the tertiary. */
    static final Set<String> YULU_STAGES = Set.of("SENIOR_SECONDARY", "TERTIARY");

    /** 法定劳动年龄: nobody under 16 is employed (劳动法 第十五条). */
    static final int WORKING_AGE = 16;

    private static final String NOT_RECORDED = "未登记";

    private static final Map<String, String> SCHOOLING =
            Map.of("IN_SCHOOL", "在校", "DROPPED_OUT", "辍学或失学", "DEFERRED", "缓学或免学", "NOT_IN_SCHOOL", "不在校");

    private static final Map<String, String> STAGES = Map.of(
            "PRESCHOOL", "学前",
            "PRIMARY", "小学",
            "JUNIOR_SECONDARY", "初中",
            "SENIOR_SECONDARY", "高中或中职",
            "TERTIARY", "大专及以上",
            "NONE", "未上学");

    private static final Map<String, String> LABOUR = Map.of(
            "ORDINARY", "普通劳动力",
            "SKILLED", "技能劳动力",
            "WEAK", "弱劳动力或半劳动力",
            "LOST", "丧失劳动力",
            "NONE", "无劳动力");

    private static final Map<String, String> PLACES =
            Arrays.stream(EmploymentLocation.values()).collect(Collectors.toMap(Enum::name, EmploymentLocation::label));

    private BenefitEligibility() {}

    /**
     * The facts a benefit of the kind needs and the household or member lacks, each a violation on {@code householdId}
     * or {@code memberId}.
     *
     * @param member the member named, for the per-member kinds (checked to live in the household)
     * @param rule the rule in force, for the transport subsidy's condition
     */
    static List<Violation> unmet(
            BenefitKind kind,
            KnownMembers.KnownHousehold household,
            KnownMembers.KnownMember member,
            LocalDate grantedOn,
            BenefitRuleApi.Rule rule) {
        List<Violation> unmet = new ArrayList<>();
        switch (kind) {
            case INDUSTRY_REWARD -> {
                if (!inIndustry(household)) {
                    unmet.add(Violation.of(
                            "householdId", "NO_INDUSTRY", "benefit.eligibility.industry", household.householdId()));
                }
            }
            case THREE_INDUSTRY_REWARD -> {
                if (!inIndustry(household) && !household.memberWorking()) {
                    unmet.add(Violation.of(
                            "householdId",
                            "NO_INDUSTRY_OR_WORK",
                            "benefit.eligibility.three-industry",
                            household.householdId()));
                }
            }
            case YULU_SUBSIDY -> {
                if (!"IN_SCHOOL".equals(member.schoolingStatus())) {
                    unmet.add(Violation.of(
                            "memberId",
                            "NOT_IN_SCHOOL",
                            "benefit.eligibility.yulu.schooling",
                            member.memberId(),
                            label(SCHOOLING, member.schoolingStatus())));
                }
                if (member.educationStage() == null || !YULU_STAGES.contains(member.educationStage())) {
                    unmet.add(Violation.of(
                            "memberId",
                            "STAGE_NOT_COVERED",
                            "benefit.eligibility.yulu.stage",
                            member.memberId(),
                            label(STAGES, member.educationStage())));
                }
            }
            case TRANSPORT_SUBSIDY -> transport(member, rule, unmet);
            case PUBLIC_WELFARE_JOB_WAGE -> {
                if (member.laborAbility() == null || member.withoutLabour()) {
                    unmet.add(Violation.of(
                            "memberId",
                            "NO_LABOUR_ABILITY",
                            "benefit.eligibility.job.labour",
                            member.memberId(),
                            label(LABOUR, member.laborAbility())));
                }
                if (member.birthDate() != null
                        && Period.between(member.birthDate(), grantedOn).getYears() < WORKING_AGE) {
                    unmet.add(Violation.of(
                            "memberId",
                            "UNDER_WORKING_AGE",
                            "benefit.eligibility.job.age",
                            member.memberId(),
                            grantedOn,
                            WORKING_AGE));
                }
            }
            default -> {
                // computed or paid by another record: refused before the facts are asked
            }
        }
        return unmet;
    }

    /** Working at a place the rule names, for at least its months this year. */
    private static void transport(KnownMembers.KnownMember member, BenefitRuleApi.Rule rule, List<Violation> unmet) {
        List<String> places =
                rule.employmentLocations().stream().map(Enum::name).toList();
        if (!places.contains(member.employmentLocation())) {
            unmet.add(Violation.of(
                    "memberId",
                    "NOT_WORKING_AWAY",
                    "benefit.eligibility.transport.place",
                    member.memberId(),
                    label(PLACES, member.employmentLocation()),
                    rule.employmentLocations().stream()
                            .map(EmploymentLocation::label)
                            .collect(Collectors.joining("、"))));
        }
        if (member.employmentMonths() == null || member.employmentMonths() < rule.minEmploymentMonths()) {
            unmet.add(Violation.of(
                    "memberId",
                    "TOO_FEW_MONTHS",
                    "benefit.eligibility.transport.months",
                    member.memberId(),
                    member.employmentMonths() == null
                            ? NOT_RECORDED
                            : member.employmentMonths().toString(),
                    rule.minEmploymentMonths()));
        }
    }

    private static boolean inIndustry(KnownMembers.KnownHousehold household) {
        return household.industries() != null && !household.industries().isEmpty();
    }

    private static String label(Map<String, String> labels, String code) {
        return code == null ? NOT_RECORDED : labels.getOrDefault(code, code);
    }
}
