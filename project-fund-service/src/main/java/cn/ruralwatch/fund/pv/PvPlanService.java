package cn.ruralwatch.fund.pv;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.audit.AuditTrail;
import cn.ruralwatch.audit.AuditedChange;
import cn.ruralwatch.directory.HouseholdDirectory;
import cn.ruralwatch.directory.KnownDivision;
import cn.ruralwatch.events.AuditAction;
import cn.ruralwatch.events.EventTypes;
import cn.ruralwatch.events.PvPlanPublished;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.fund.benefit.BenefitKind;
import cn.ruralwatch.fund.benefit.BenefitService;
import cn.ruralwatch.fund.project.ProjectService;
import cn.ruralwatch.fund.projection.KnownMembers;
import cn.ruralwatch.fund.rule.ShareRequirementApi;
import cn.ruralwatch.fund.rule.ShareRequirementKind;
import cn.ruralwatch.fund.rule.ShareRequirements;
import cn.ruralwatch.http.EntityTags;
import cn.ruralwatch.http.IdempotencyKeys;
import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.http.TransactionLocks;
import cn.ruralwatch.messaging.Outbox;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.ProblemType;
import cn.ruralwatch.problem.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Yearly PV revenue distribution plans 光伏收益分配方案 and the rules they must keep: every job held by a member of the
 * plan's division who can work, one job per member, small works' labour within their amount, rewards only for a stated
 * deed and never the same sum to every household (no plain cash hand-outs, 不得简单发钱), no more allocated than the
 * distributable revenue, and at least the required share to wages and labour. A plan that breaks a rule is refused
 * with every broken rule listed. Once published, its wages and rewards are paid to the households as their benefits.
 */
@ApplicationScoped
@Transactional
public class PvPlanService {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Inject
    EntityManager entityManager;

    @Inject
    HouseholdDirectory directory;

    @Inject
    KnownMembers members;

    @Inject
    ShareRequirements requirements;

    @Inject
    BenefitService benefits;

    @Inject
    IdempotencyKeys idempotencyKeys;

    @Inject
    CallerScope scope;

    @Inject
    AuditTrail audit;

    @Inject
    Outbox outbox;

    /** What a request becomes once checked: the plan's items with each holder's household filled in. */
    private record Content(
            List<PvDistributionPlan.Job> jobs,
            List<PvDistributionPlan.Works> works,
            List<PvDistributionPlan.Reward> rewards) {}

    public PvDistributionPlan create(PvApi.PlanRequest request, String idempotencyKey) {
        String id = idempotencyKeys
                .once("pv-plan", idempotencyKey, request, () -> insert(request)
                        .id
                        .toString())
                .resourceId();
        return get(UUID.fromString(id));
    }

    private PvDistributionPlan insert(PvApi.PlanRequest request) {
        Content content = check(request);
        TransactionLocks.lock(entityManager, "pv-plan:" + request.divisionCode() + ":" + request.year());
        boolean exists = !entityManager
                .createQuery(
                        "select p.id from PvDistributionPlan p where p.divisionCode = :division and p.year = :year",
                        UUID.class)
                .setParameter("division", request.divisionCode())
                .setParameter("year", request.year())
                .getResultList()
                .isEmpty();
        if (exists) {
            throw ProblemException.conflict("pv.plan.exists", request.divisionCode(), request.year());
        }
        PvDistributionPlan plan = new PvDistributionPlan();
        plan.id = UUID.randomUUID();
        plan.countyCode = request.divisionCode().substring(0, 6);
        plan.divisionCode = request.divisionCode();
        plan.year = request.year();
        plan.status = PvDistributionPlan.Status.DRAFT;
        plan.createdBy = scope.subject();
        plan.createdAt = Instant.now();
        fill(plan, request, content);
        entityManager.persist(plan);
        audit.changed(AuditAction.CREATE, "pv-distribution-plan", plan.id.toString(), plan.divisionCode, changes(plan));
        return plan;
    }

    /** Replaces a draft plan's content; the division and year stay. */
    public PvDistributionPlan replace(UUID id, String ifMatch, PvApi.PlanRequest request) {
        PvDistributionPlan plan = find(id, LockModeType.PESSIMISTIC_WRITE);
        EntityTags.requireMatch(ifMatch, plan.version);
        if (plan.status != PvDistributionPlan.Status.DRAFT) {
            throw ProblemException.conflict("pv.plan.published", plan.id, plan.publishedOn);
        }
        List<Violation> fixed = new ArrayList<>();
        if (!plan.divisionCode.equals(request.divisionCode())) {
            fixed.add(Violation.of("divisionCode", "IMMUTABLE", "pv.plan.immutable", plan.divisionCode));
        }
        if (plan.year != request.year()) {
            fixed.add(Violation.of("year", "IMMUTABLE", "pv.plan.immutable", plan.year));
        }
        if (!fixed.isEmpty()) {
            throw ProblemException.invalid(fixed);
        }
        Content content = check(request);
        List<AuditedChange> before = changes(plan);
        fill(plan, request, content);
        entityManager.flush();
        audit.changed(
                AuditAction.UPDATE,
                "pv-distribution-plan",
                plan.id.toString(),
                plan.divisionCode,
                diff(before, changes(plan)));
        return plan;
    }

    /** Publishes (公示) a draft plan: from then on it is in force and no longer changes. */
    public PvDistributionPlan publish(UUID id, String ifMatch, PvApi.Publication publication) {
        PvDistributionPlan plan = find(id, LockModeType.PESSIMISTIC_WRITE);
        EntityTags.requireMatch(ifMatch, plan.version);
        if (plan.status != PvDistributionPlan.Status.DRAFT) {
            throw ProblemException.conflict("pv.plan.published", plan.id, plan.publishedOn);
        }
        if (publication.publishedOn().isAfter(LocalDate.now(ProjectService.CHINA))) {
            throw ProblemException.invalid(
                    Violation.of("publishedOn", "FUTURE", "project.date.future", publication.publishedOn()));
        }
        // the rules are checked again: members may have left or lost their labour ability since the draft was saved
        try {
            check(request(plan));
        } catch (ProblemException changed) {
            // a holder or household that has since left is a rule the plan no longer keeps, not a bad request
            if (changed.type() != ProblemType.VALIDATION_FAILED) {
                throw changed;
            }
            throw new ProblemException(
                    ProblemType.UNPROCESSABLE,
                    "pv.plan.rules-broken",
                    List.of(changed.violations().size()),
                    changed.violations());
        }
        plan.status = PvDistributionPlan.Status.PUBLISHED;
        plan.publishedOn = publication.publishedOn();
        if (publication.documentNumber() != null) {
            plan.documentNumber = publication.documentNumber().strip();
        }
        plan.updatedBy = scope.subject();
        plan.updatedAt = Instant.now();
        entityManager.flush();
        // in force: the wages and rewards become the households' benefits of the plan's year
        List<BenefitService.Grant> grants = new ArrayList<>();
        for (PvDistributionPlan.Job job : plan.jobs) {
            for (PvDistributionPlan.Holder holder : job.holders()) {
                grants.add(new BenefitService.Grant(
                        holder.householdId(),
                        holder.memberId(),
                        BenefitKind.PUBLIC_WELFARE_JOB_WAGE,
                        holder.wages(),
                        "光伏公益性岗位：" + job.title()));
            }
        }
        for (PvDistributionPlan.Reward reward : plan.rewards) {
            for (PvDistributionPlan.Recipient recipient : reward.recipients()) {
                grants.add(new BenefitService.Grant(
                        recipient.householdId(),
                        null,
                        BenefitKind.PV_REWARD,
                        recipient.amount(),
                        "光伏收益奖励补助：" + reward.name()));
            }
        }
        benefits.grantFrom("pv-plan:" + plan.id, plan.year, plan.publishedOn, grants);
        publishPublished(plan);
        audit.changed(
                AuditAction.UPDATE,
                "pv-distribution-plan",
                plan.id.toString(),
                plan.divisionCode,
                List.of(
                        AuditedChange.changed("status", PvDistributionPlan.Status.DRAFT, plan.status),
                        AuditedChange.changed("publishedOn", null, plan.publishedOn)));
        return plan;
    }

    /** {@code pv-plan.published.v1} of a published plan with its totals, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    void publishPublished(PvDistributionPlan plan) {
        PvApi.Totals totals =
                totals(plan.divisionCode, plan.year, plan.distributable, plan.jobs, plan.works, plan.rewards);
        outbox.publish(
                Topics.FUND_EVENTS,
                "pv-distribution-plan",
                plan.id.toString(),
                EventTypes.PV_PLAN_PUBLISHED,
                new PvPlanPublished(
                        plan.id.toString(),
                        plan.countyCode,
                        plan.divisionCode,
                        plan.year,
                        plan.publishedOn,
                        plan.documentNumber,
                        plan.distributable,
                        totals.jobHolders(),
                        totals.wages(),
                        totals.works(),
                        totals.worksLabour(),
                        totals.rewards(),
                        (int) plan.rewards.stream()
                                .flatMap(r -> r.recipients().stream())
                                .map(PvDistributionPlan.Recipient::householdId)
                                .distinct()
                                .count(),
                        plan.updatedAt));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PvDistributionPlan get(UUID id) {
        return find(id, LockModeType.NONE);
    }

    private PvDistributionPlan find(UUID id, LockModeType lock) {
        PvDistributionPlan plan = entityManager.find(PvDistributionPlan.class, id, lock);
        if (plan == null || !scope.covers(plan.divisionCode)) {
            throw ProblemException.notFound("pv.plan.not-found", id);
        }
        return plan;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PvDistributionPlan> list(String division, Integer year, PageRequest page) {
        String prefix = scope.narrow(division)
                .orElseThrow(() -> ProblemException.notFound("fund.division.not-found", division));
        String where = " where p.divisionCode like :prefix" + (year == null ? "" : " and p.year = :year");
        var items = entityManager.createQuery(
                "from PvDistributionPlan p" + where + " order by p.year desc, p.divisionCode",
                PvDistributionPlan.class);
        var total = entityManager.createQuery("select count(p) from PvDistributionPlan p" + where, Long.class);
        items.setParameter("prefix", prefix + "%");
        total.setParameter("prefix", prefix + "%");
        if (year != null) {
            items.setParameter("year", year);
            total.setParameter("year", year);
        }
        return page.page(
                items.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList(),
                total.getSingleResult());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PvApi.PlanView view(PvDistributionPlan plan) {
        return new PvApi.PlanView(
                plan.id,
                plan.countyCode,
                plan.divisionCode,
                plan.year,
                plan.distributable,
                plan.status,
                plan.publishedOn,
                plan.documentNumber,
                plan.note,
                plan.jobs,
                plan.works,
                plan.rewards,
                totals(plan.divisionCode, plan.year, plan.distributable, plan.jobs, plan.works, plan.rewards),
                plan.version,
                plan.createdBy,
                plan.createdAt,
                plan.updatedBy,
                plan.updatedAt);
    }

    PvApi.Totals totals(
            String division,
            int year,
            BigDecimal distributable,
            List<PvDistributionPlan.Job> jobs,
            List<PvDistributionPlan.Works> works,
            List<PvDistributionPlan.Reward> rewards) {
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
                requirements
                        .inForce(ShareRequirementKind.PV_WAGES_AND_LABOUR, division.substring(0, 2), year)
                        .orElse(null));
    }

    static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? null : part.multiply(HUNDRED).divide(whole, 2, RoundingMode.HALF_UP);
    }

    /**
     * Checks a request against the directory (400 for what does not exist or lies outside the division) and then
     * against the rules (422 listing every rule broken).
     */
    private Content check(PvApi.PlanRequest request) {
        String division = request.divisionCode();
        List<Violation> invalid = new ArrayList<>();
        List<Violation> broken = new ArrayList<>();
        Optional<KnownDivision> known = directory
                .division(division)
                .filter(d -> scope.covers(d.code))
                .filter(d -> d.level.equals(division.length() == 9 ? "TOWNSHIP" : "VILLAGE"));
        if (known.isEmpty()) {
            throw ProblemException.invalid(
                    Violation.of("divisionCode", "UNKNOWN_DIVISION", "fund.division.unknown", division));
        }
        long stations = entityManager
                .createQuery("select count(s) from PvStation s where s.villageCode like :prefix", Long.class)
                .setParameter("prefix", division + "%")
                .getSingleResult();
        if (stations == 0) {
            broken.add(Violation.of("divisionCode", "NO_STATION", "pv.plan.no-station", division));
        }

        List<PvDistributionPlan.Job> jobs = new ArrayList<>();
        Map<UUID, String> holders = new HashMap<>();
        for (int j = 0; j < request.jobs().size(); j++) {
            PvApi.JobRequest job = request.jobs().get(j);
            String field = "jobs[" + j + "]";
            if (!job.villageCode().startsWith(division)) {
                invalid.add(Violation.of(
                        field + ".villageCode",
                        "OUTSIDE_DIVISION",
                        "pv.plan.outside-division",
                        job.villageCode(),
                        division));
            }
            List<PvDistributionPlan.Holder> jobHolders = new ArrayList<>();
            for (int h = 0; h < job.holders().size(); h++) {
                PvApi.HolderRequest holder = job.holders().get(h);
                String holderField = field + ".holders[" + h + "].memberId";
                Optional<KnownMembers.KnownMember> member = members.find(holder.memberId())
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

        List<PvDistributionPlan.Works> works = new ArrayList<>();
        List<PvApi.WorksRequest> requestedWorks = request.works() == null ? List.of() : request.works();
        for (int w = 0; w < requestedWorks.size(); w++) {
            PvApi.WorksRequest item = requestedWorks.get(w);
            String field = "works[" + w + "]";
            if (!item.villageCode().startsWith(division)) {
                invalid.add(Violation.of(
                        field + ".villageCode",
                        "OUTSIDE_DIVISION",
                        "pv.plan.outside-division",
                        item.villageCode(),
                        division));
            }
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

        List<PvDistributionPlan.Reward> rewards = new ArrayList<>();
        List<PvApi.RewardRequest> requestedRewards = request.rewards() == null ? List.of() : request.rewards();
        for (int r = 0; r < requestedRewards.size(); r++) {
            PvApi.RewardRequest reward = requestedRewards.get(r);
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
                            directory.villageOf(recipient.householdId()).filter(v -> v.startsWith(division));
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
            if (plainHandOut(villages, recipients)) {
                broken.add(Violation.of(
                        field + ".recipients", "PLAIN_HAND_OUT", "pv.plan.reward.hand-out", recipients.size()));
            }
            rewards.add(new PvDistributionPlan.Reward(
                    reward.name().strip(), reward.basis().strip(), List.copyOf(recipients)));
        }
        if (!invalid.isEmpty()) {
            throw ProblemException.invalid(invalid);
        }

        PvApi.Totals totals = totals(division, request.year(), request.distributable(), jobs, works, rewards);
        if (totals.allocated().compareTo(request.distributable()) > 0) {
            broken.add(Violation.of(
                    "distributable",
                    "EXCEEDS_DISTRIBUTABLE",
                    "pv.plan.exceeds",
                    totals.allocated().toPlainString(),
                    request.distributable().toPlainString()));
        }
        ShareRequirementApi.Requirement requirement = totals.requirement();
        if (requirement != null
                && totals.wages()
                                .add(totals.worksLabour())
                                .multiply(HUNDRED)
                                .compareTo(requirement.minimumPercent().multiply(request.distributable()))
                        < 0) {
            BigDecimal shortfall = requirement
                    .minimumPercent()
                    .multiply(request.distributable())
                    .movePointLeft(2)
                    .subtract(totals.wages().add(totals.worksLabour()))
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

    /** The same sum to every household of the villages a reward reaches: a cash hand-out, whatever it is called. */
    private boolean plainHandOut(Set<String> villages, List<PvDistributionPlan.Recipient> recipients) {
        if (villages.isEmpty()
                || recipients.size() < 2
                || recipients.stream()
                                .map(r -> r.amount().stripTrailingZeros())
                                .distinct()
                                .count()
                        > 1) {
            return false;
        }
        long households = ((Number) entityManager
                        .createNativeQuery("select count(*) from known_household where village_code in (:villages)")
                        .setParameter("villages", villages)
                        .getSingleResult())
                .longValue();
        return recipients.size() >= households;
    }

    private void fill(PvDistributionPlan plan, PvApi.PlanRequest request, Content content) {
        plan.distributable = request.distributable().setScale(2);
        plan.documentNumber = request.documentNumber() == null
                ? null
                : request.documentNumber().strip();
        plan.note = request.note();
        plan.jobs = content.jobs();
        plan.works = content.works();
        plan.rewards = content.rewards();
        plan.updatedBy = scope.subject();
        plan.updatedAt = Instant.now();
    }

    /** A stored plan as a request again, to check it once more before it is published. */
    private static PvApi.PlanRequest request(PvDistributionPlan plan) {
        return new PvApi.PlanRequest(
                plan.divisionCode,
                plan.year,
                plan.distributable,
                plan.documentNumber,
                plan.note,
                plan.jobs.stream()
                        .map(j -> new PvApi.JobRequest(
                                j.title(),
                                j.villageCode(),
                                j.holders().stream()
                                        .map(h -> new PvApi.HolderRequest(h.memberId(), h.monthlyWage(), h.months()))
                                        .toList()))
                        .toList(),
                plan.works.stream()
                        .map(w -> new PvApi.WorksRequest(w.name(), w.villageCode(), w.amount(), w.labourAmount()))
                        .toList(),
                plan.rewards.stream()
                        .map(r -> new PvApi.RewardRequest(
                                r.name(),
                                r.basis(),
                                r.recipients().stream()
                                        .map(x -> new PvApi.RecipientRequest(x.householdId(), x.amount()))
                                        .toList()))
                        .toList());
    }

    /** The audited figures of a plan (its items are kept whole in the plan's own row). */
    private static List<AuditedChange> changes(PvDistributionPlan plan) {
        return List.of(
                AuditedChange.created("divisionCode", plan.divisionCode),
                AuditedChange.created("year", plan.year),
                AuditedChange.created("distributable", plan.distributable.toPlainString()),
                AuditedChange.created(
                        "jobHolders",
                        plan.jobs.stream().mapToInt(j -> j.holders().size()).sum()),
                AuditedChange.created("works", plan.works.size()),
                AuditedChange.created("rewards", plan.rewards.size()));
    }

    private static List<AuditedChange> diff(List<AuditedChange> before, List<AuditedChange> after) {
        List<AuditedChange> changes = new ArrayList<>();
        for (int i = 0; i < after.size(); i++) {
            changes.add(AuditedChange.changed(
                    after.get(i).field(), before.get(i).newValue(), after.get(i).newValue()));
        }
        return changes;
    }
}
