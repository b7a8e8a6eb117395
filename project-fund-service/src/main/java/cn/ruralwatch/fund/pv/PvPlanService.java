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
import cn.ruralwatch.time.ChinaTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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

    @Inject
    Clock clock;

    @Inject
    EntityManager entityManager;

    @Inject
    PvRepository repository;

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

    public PvDistributionPlan create(PvApi.PlanRequest request, String idempotencyKey) {
        String id = idempotencyKeys
                .once("pv-plan", idempotencyKey, request, () -> insert(request)
                        .id
                        .toString())
                .resourceId();
        return get(UUID.fromString(id));
    }

    private PvDistributionPlan insert(PvApi.PlanRequest request) {
        // a division outside the caller's region is unknown to them, whether it has a plan or not
        requireKnownDivision(request.divisionCode());
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
        // checked once the division's plan of the year is known not to exist, so that a second one is a 409 rather than
        // a plan over the revenue the first one already takes
        PvPlanPolicy.Content content = check(request, null);
        PvDistributionPlan plan = new PvDistributionPlan();
        plan.id = UUID.randomUUID();
        plan.countyCode = request.divisionCode().substring(0, 6);
        plan.divisionCode = request.divisionCode();
        plan.year = request.year();
        plan.status = PvDistributionPlan.Status.DRAFT;
        plan.createdBy = scope.subject();
        plan.createdAt = clock.instant();
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
        PvPlanPolicy.Content content = check(request, plan.id);
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
        if (publication.publishedOn().isAfter(ChinaTime.today(clock))) {
            throw ProblemException.invalid(
                    Violation.of("publishedOn", "FUTURE", "project.date.future", publication.publishedOn()));
        }
        // the rules are checked again: members may have left or lost their labour ability since the draft was saved
        try {
            check(request(plan), plan.id);
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
        plan.updatedAt = clock.instant();
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
        return PvPlanPolicy.totals(distributable, jobs, works, rewards, requirement(division, year));
    }

    private ShareRequirementApi.Requirement requirement(String division, int year) {
        return requirements
                .inForce(ShareRequirementKind.PV_WAGES_AND_LABOUR, division.substring(0, 2), year)
                .orElse(null);
    }

    /**
     * Checks a request against the directory (400 for a division that does not exist or lies outside the caller's
     * sight) and then against the {@link PvPlanPolicy rules}, the revenue included: the plan itself ({@code planId},
     * {@code null} for a new one) is left out of what other plans distribute.
     */
    private PvPlanPolicy.Content check(PvApi.PlanRequest request, UUID planId) {
        String division = request.divisionCode();
        requireKnownDivision(division);
        long stations = entityManager
                .createQuery("select count(s) from PvStation s where s.villageCode like :prefix", Long.class)
                .setParameter("prefix", division + "%")
                .getSingleResult();
        return PvPlanPolicy.check(
                request,
                stations,
                requirement(division, request.year()),
                revenuePools(division, request.year(), planId),
                new PvPlanPolicy.Facts() {
                    @Override
                    public Optional<KnownMembers.KnownMember> member(UUID memberId) {
                        return members.find(memberId);
                    }

                    @Override
                    public Optional<String> villageOf(UUID householdId) {
                        return directory.villageOf(householdId);
                    }

                    @Override
                    public long households(Set<String> villages) {
                        return repository.households(villages);
                    }
                });
    }

    /** A township (9 digits) or village (12) that exists within the caller's region; otherwise 400. */
    private void requireKnownDivision(String division) {
        Optional<KnownDivision> known = directory
                .division(division)
                .filter(d -> scope.covers(d.code))
                .filter(d -> d.level.equals(division.length() == 9 ? "TOWNSHIP" : "VILLAGE"));
        if (known.isEmpty()) {
            throw ProblemException.invalid(
                    Violation.of("divisionCode", "UNKNOWN_DIVISION", "fund.division.unknown", division));
        }
    }

    /**
     * The revenue a plan of the division and year draws on: its own division's, and each enclosing division's that has
     * a plan (a township's plan and its villages' plans share the villages' revenue), each less what the other plans
     * within it distribute. The plans of a county and year are checked one at a time, so that two saved at once
     * cannot both take the same revenue.
     */
    private List<PvPlanPolicy.RevenuePool> revenuePools(String division, int year, UUID planId) {
        TransactionLocks.lock(entityManager, "pv-plan-revenue:" + division.substring(0, 6) + ":" + year);
        UUID leftOut = planId == null ? NO_PLAN : planId;
        List<PvPlanPolicy.RevenuePool> pools = new ArrayList<>();
        List<String> divisions = new ArrayList<>(List.of(division));
        divisions.addAll(repository.enclosingPlanDivisions(division, year));
        for (String pool : divisions) {
            pools.add(new PvPlanPolicy.RevenuePool(
                    pool, repository.recordedRevenue(pool, year), repository.distributedWithin(pool, year, leftOut)));
        }
        return pools;
    }

    /** Left out of the plans' sums for a plan not yet saved: no plan has this id. */
    private static final UUID NO_PLAN = new UUID(0, 0);

    private void fill(PvDistributionPlan plan, PvApi.PlanRequest request, PvPlanPolicy.Content content) {
        plan.distributable = request.distributable().setScale(2);
        plan.documentNumber = request.documentNumber() == null
                ? null
                : request.documentNumber().strip();
        plan.note = request.note();
        plan.jobs = content.jobs();
        plan.works = content.works();
        plan.rewards = content.rewards();
        plan.updatedBy = scope.subject();
        plan.updatedAt = clock.instant();
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
