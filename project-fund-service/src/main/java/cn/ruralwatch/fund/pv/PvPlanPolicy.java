package cn.ruralwatch.fund.pv;

import cn.ruralwatch.fund.projection.KnownMembers;
import cn.ruralwatch.fund.rule.ShareRequirementApi;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.ProblemType;
import cn.ruralwatch.problem.Violation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The rules of a PV revenue distribution plan 光伏收益分配方案: every job held by a member of the plan's division who can
 * work, one job per member, small works' labour within their amount, rewards never the same sum to every household of
 * the villages they reach (no plain cash hand-outs, 不得简单发钱), no more allocated than the distributable revenue, no
 * more distributable than the stations earned less what other plans distribute from the same revenue, and at least
 * the required share to wages and labour.
 *
 * <p>A request naming what does not exist or lies outside the division is invalid (400); a plan that breaks a rule is
 * refused with every broken rule listed (422).
 */
public final class PvPlanPolicy {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** What the rules look up in the suite. */
    public interface Facts {

        /** The member as the household service last told it. */
        Optional<KnownMembers.KnownMember> member(UUID memberId);

        /** The village of a household. */
        Optional<String> villageOf(UUID householdId);

        /** How many households the villages have. */
        long households(Set<String> villages);
    }

    /**
     * The revenue a plan draws on: what the stations within a division recorded for the plan's year, and what the
     * other plans within the division (a township's plan and its villages' plans) distribute of it. A plan is checked
     * against its own division's and against each enclosing division that has a plan of its own.
     */
    public record RevenuePool(String divisionCode, BigDecimal recorded, BigDecimal distributedByOthers) {

        /** What is left for the plan. */
        BigDecimal available() {
            return recorded.subtract(distributedByOthers).max(BigDecimal.ZERO);
        }
    }

    /** A plan's items once checked, with each holder's household filled in. */
    public record Content(
            List<PvDistributionPlan.Job> jobs,
            List<PvDistributionPlan.Works> works,
            List<PvDistributionPlan.Reward> rewards) {}

    private PvPlanPolicy() {}

    /**
     * Checks a plan of a known division.
     *
     * @param stations how many PV stations the division has
     * @param requirement the minimum share of wages and labour in force for the plan, if any
     * @param pools the revenue the plan draws on: its division's, and each enclosing division's with a plan
     */
    public static Content check(
            PvApi.PlanRequest request,
            long stations,
            ShareRequirementApi.Requirement requirement,
            List<RevenuePool> pools,
            Facts facts) {
        String division = request.divisionCode();
        List<Violation> invalid = new ArrayList<>();
        List<Violation> broken = new ArrayList<>();
        if (stations == 0) {
            broken.add(Violation.of("divisionCode", "NO_STATION", "pv.plan.no-station", division));
        }
        List<PvDistributionPlan.Job> jobs = jobs(request, facts, invalid, broken);
        List<PvDistributionPlan.Works> works = works(request, invalid);
        List<PvDistributionPlan.Reward> rewards = rewards(request, facts, invalid, broken);
        if (!invalid.isEmpty()) {
            throw ProblemException.invalid(invalid);
        }

        PvApi.Totals totals = totals(request.distributable(), jobs, works, rewards, requirement);
        if (totals.allocated().compareTo(request.distributable()) > 0) {
            broken.add(Violation.of(
                    "distributable",
                    "EXCEEDS_DISTRIBUTABLE",
                    "pv.plan.exceeds",
                    totals.allocated().toPlainString(),
                    request.distributable().toPlainString()));
        }
        if (stations > 0) {
            for (RevenuePool pool : pools) {
                if (request.distributable().compareTo(pool.available()) > 0) {
                    broken.add(Violation.of(
                            "distributable",
                            "EXCEEDS_REVENUE",
                            "pv.plan.exceeds-revenue",
                            request.distributable().setScale(2).toPlainString(),
                            pool.divisionCode(),
                            request.year(),
                            pool.recorded().setScale(2).toPlainString(),
                            pool.distributedByOthers().setScale(2).toPlainString(),
                            pool.available().setScale(2).toPlainString()));
                }
            }
        }
        BigDecimal wagesAndLabour = totals.wages().add(totals.worksLabour());
        if (requirement != null
                && wagesAndLabour
                                .multiply(HUNDRED)
                                .compareTo(requirement.minimumPercent().multiply(request.distributable()))
                        < 0) {
            BigDecimal shortfall = requirement
                    .minimumPercent()
                    .multiply(request.distributable())
                    .movePointLeft(2)
                    .subtract(wagesAndLabour)
                    .setScale(2, RoundingMode.UP);
            broken.add(Violation.of(
                    "jobs",
                    "BELOW_WAGES_AND_LABOUR_SHARE",
                    "pv.plan.share",
                    totals.wagesAndLabourPercent().toPlainString(),
                    requirement.minimumPercent().toPlainString(),
                    shortfall.toPlainString()));
        }
        if (!broken.isEmpty()) {
            throw new ProblemException(
                    ProblemType.UNPROCESSABLE, "pv.plan.rules-broken", List.of(broken.size()), broken);
        }
        return new Content(List.copyOf(jobs), List.copyOf(works), List.copyOf(rewards));
    }

    /** Each job in the division, held by active members of it who can work, each member holding one job. */
    private static List<PvDistributionPlan.Job> jobs(
            PvApi.PlanRequest request, Facts facts, List<Violation> invalid, List<Violation> broken) {
        String division = request.divisionCode();
        List<PvDistributionPlan.Job> jobs = new ArrayList<>();
        Map<UUID, String> holders = new HashMap<>();
        for (int j = 0; j < request.jobs().size(); j++) {
            PvApi.JobRequest job = request.jobs().get(j);
            String field = "jobs[" + j + "]";
            outsideDivision(field, job.villageCode(), division, invalid);
            List<PvDistributionPlan.Holder> jobHolders = new ArrayList<>();
            for (int h = 0; h < job.holders().size(); h++) {
                PvApi.HolderRequest holder = job.holders().get(h);
                String holderField = field + ".holders[" + h + "].memberId";
                Optional<KnownMembers.KnownMember> member = facts.member(holder.memberId())
                        .filter(KnownMembers.KnownMember::active)
                        .filter(m -> m.villageCode().startsWith(division));
                if (member.isEmpty()) {
                    invalid.add(Violation.of(
                            holderField, "UNKNOWN_MEMBER", "pv.plan.member.unknown", holder.memberId(), division));
                    continue;
                }
                String first = holders.putIfAbsent(holder.memberId(), holderField);
                if (first != null) {
                    broken.add(Violation.of(holderField, "DUPLICATE_HOLDER", "pv.plan.holder.duplicate", first));
                }
                if (member.get().withoutLabour()) {
                    broken.add(Violation.of(holderField, "NO_LABOUR_ABILITY", "pv.plan.holder.no-labour"));
                }
                jobHolders.add(new PvDistributionPlan.Holder(
                        holder.memberId(),
                        member.get().householdId(),
                        holder.monthlyWage().setScale(2),
                        holder.months()));
            }
            jobs.add(new PvDistributionPlan.Job(job.title().strip(), job.villageCode(), List.copyOf(jobHolders)));
        }
        return jobs;
    }

    /** Each small work in the division, its labour within its amount. */
    private static List<PvDistributionPlan.Works> works(PvApi.PlanRequest request, List<Violation> invalid) {
        List<PvDistributionPlan.Works> works = new ArrayList<>();
        List<PvApi.WorksRequest> requested = request.works() == null ? List.of() : request.works();
        for (int w = 0; w < requested.size(); w++) {
            PvApi.WorksRequest item = requested.get(w);
            String field = "works[" + w + "]";
            outsideDivision(field, item.villageCode(), request.divisionCode(), invalid);
            if (item.labourAmount().compareTo(item.amount()) > 0) {
                invalid.add(Violation.of(
                        field + ".labourAmount",
                        "LABOUR_EXCEEDS_AMOUNT",
                        "pv.plan.works.labour",
                        item.labourAmount().toPlainString(),
                        item.amount().toPlainString()));
            }
            works.add(new PvDistributionPlan.Works(
                    item.name().strip(),
                    item.villageCode(),
                    item.amount().setScale(2),
                    item.labourAmount().setScale(2)));
        }
        return works;
    }

    /** Each reward to households of the division, each named once, and no plain hand-out. */
    private static List<PvDistributionPlan.Reward> rewards(
            PvApi.PlanRequest request, Facts facts, List<Violation> invalid, List<Violation> broken) {
        String division = request.divisionCode();
        List<PvDistributionPlan.Reward> rewards = new ArrayList<>();
        List<PvApi.RewardRequest> requested = request.rewards() == null ? List.of() : request.rewards();
        for (int r = 0; r < requested.size(); r++) {
            PvApi.RewardRequest reward = requested.get(r);
            String field = "rewards[" + r + "]";
            Set<UUID> seen = new HashSet<>();
            Set<String> villages = new HashSet<>();
            List<PvDistributionPlan.Recipient> recipients = new ArrayList<>();
            for (int i = 0; i < reward.recipients().size(); i++) {
                PvApi.RecipientRequest recipient = reward.recipients().get(i);
                String recipientField = field + ".recipients[" + i + "].householdId";
                if (!seen.add(recipient.householdId())) {
                    invalid.add(Violation.of(
                            recipientField, "DUPLICATE", "project.beneficiary.duplicate", recipient.householdId()));
                } else {
                    Optional<String> village =
                            facts.villageOf(recipient.householdId()).filter(v -> v.startsWith(division));
                    if (village.isEmpty()) {
                        invalid.add(Violation.of(
                                recipientField,
                                "UNKNOWN_HOUSEHOLD",
                                "pv.plan.household.unknown",
                                recipient.householdId(),
                                division));
                    } else {
                        villages.add(village.get());
                    }
                }
                recipients.add(new PvDistributionPlan.Recipient(
                        recipient.householdId(), recipient.amount().setScale(2)));
            }
            if (plainHandOut(villages, recipients, facts)) {
                broken.add(Violation.of(
                        field + ".recipients", "PLAIN_HAND_OUT", "pv.plan.reward.hand-out", recipients.size()));
            }
            rewards.add(new PvDistributionPlan.Reward(
                    reward.name().strip(), reward.basis().strip(), List.copyOf(recipients)));
        }
        return rewards;
    }

    private static void outsideDivision(String field, String village, String division, List<Violation> invalid) {
        if (!village.startsWith(division)) {
            invalid.add(Violation.of(
                    field + ".villageCode", "OUTSIDE_DIVISION", "pv.plan.outside-division", village, division));
        }
    }

    /** The same sum to every household of the villages a reward reaches: a cash hand-out, whatever it is called. */
    static boolean plainHandOut(Set<String> villages, List<PvDistributionPlan.Recipient> recipients, Facts facts) {
        if (villages.isEmpty()
                || recipients.size() < 2
                || recipients.stream()
                                .map(r -> r.amount().stripTrailingZeros())
                                .distinct()
                                .count()
                        > 1) {
            return false;
        }
        return recipients.size() >= facts.households(villages);
    }

    /** A plan's sums and its share of wages and labour, against the requirement in force (if any). */
    public static PvApi.Totals totals(
            BigDecimal distributable,
            List<PvDistributionPlan.Job> jobs,
            List<PvDistributionPlan.Works> works,
            List<PvDistributionPlan.Reward> rewards,
            ShareRequirementApi.Requirement requirement) {
        BigDecimal wages = jobs.stream()
                .flatMap(j -> j.holders().stream())
                .map(PvDistributionPlan.Holder::wages)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        BigDecimal worksTotal = works.stream()
                .map(PvDistributionPlan.Works::amount)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        BigDecimal labour = works.stream()
                .map(PvDistributionPlan.Works::labourAmount)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        BigDecimal rewardTotal = rewards.stream()
                .map(PvDistributionPlan.Reward::amount)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        BigDecimal allocated = wages.add(worksTotal).add(rewardTotal);
        return new PvApi.Totals(
                jobs.stream().mapToInt(j -> j.holders().size()).sum(),
                wages,
                worksTotal,
                labour,
                rewardTotal,
                allocated,
                distributable.subtract(allocated),
                percent(wages.add(labour), distributable),
                requirement);
    }

    /** {@code part} as a percentage of {@code whole}, two decimals; none of nothing. */
    public static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? null : part.multiply(HUNDRED).divide(whole, 2, RoundingMode.HALF_UP);
    }
}
