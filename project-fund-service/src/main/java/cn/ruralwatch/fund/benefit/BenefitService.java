package cn.ruralwatch.fund.benefit;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.audit.AuditTrail;
import cn.ruralwatch.audit.AuditedChange;
import cn.ruralwatch.directory.HouseholdDirectory;
import cn.ruralwatch.events.AuditAction;
import cn.ruralwatch.events.EventTypes;
import cn.ruralwatch.events.HouseholdBenefitsTotalled;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.fund.projection.KnownMembers;
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
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Benefits paid to a household or one of its members 到户帮扶, each checked against who it is for (the household's
 * category and the facts {@link BenefitEligibility} names) and the amounts and caps of the {@link BenefitRules rule}
 * in force for its village and year; and the household's yearly totals (小额信贷 counted as its interest subsidy),
 * published as {@code household-benefits.totalled.v1} after every change.
 */
@ApplicationScoped
@Transactional
public class BenefitService {

    @Inject
    Clock clock;

    @Inject
    EntityManager entityManager;

    @Inject
    BenefitRepository repository;

    @Inject
    HouseholdDirectory directory;

    @Inject
    KnownMembers members;

    @Inject
    MicrocreditService loans;

    @Inject
    BenefitRules rules;

    @Inject
    IdempotencyKeys idempotencyKeys;

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    @Inject
    CallerScope scope;

    /** A grant entered by an official. */
    public BenefitApi.BenefitView grant(BenefitApi.GrantRequest request, String idempotencyKey) {
        String id = idempotencyKeys
                .once("household-benefit", idempotencyKey, request, () -> checkAndInsert(request)
                        .toString())
                .resourceId();
        return get(UUID.fromString(id));
    }

    private UUID checkAndInsert(BenefitApi.GrantRequest request) {
        BenefitKind kind = request.kind();
        List<Violation> invalid = new ArrayList<>();
        switch (kind.recorded()) {
            case COMPUTED -> invalid.add(Violation.of("kind", "COMPUTED", "benefit.kind.computed"));
            case BY_SOURCE ->
                invalid.add(Violation.of("kind", "PAID_BY_SOURCE", "benefit.kind.by-source", kind.label()));
            default -> {
                // recorded by hand
            }
        }
        if (request.grantedOn().isAfter(ChinaTime.today(clock))) {
            invalid.add(Violation.of("grantedOn", "FUTURE", "project.date.future", request.grantedOn()));
        }
        String village = householdVillage(request.householdId(), "householdId", invalid);
        Optional<KnownMembers.KnownMember> member = Optional.empty();
        if (kind.perMember() && request.memberId() == null) {
            invalid.add(Violation.of("memberId", "REQUIRED", "benefit.member.required", kind.label()));
        } else if (request.memberId() != null) {
            member = requireMember(request.householdId(), request.memberId(), "memberId", invalid);
        }
        if (!invalid.isEmpty()) {
            throw ProblemException.invalid(invalid);
        }
        int year = request.grantedOn().getYear();
        BenefitRuleApi.Rule rule = kind.ruled()
                ? rules.inForce(kind, village, year)
                        .orElseThrow(() -> ProblemException.invalid(
                                Violation.of("grantedOn", "NO_RULE", "benefit.rule.none", kind.label(), village, year)))
                : null;
        // who it is for: the facts of the household and the member the kind needs
        KnownMembers.KnownHousehold household = members.household(request.householdId())
                .orElse(new KnownMembers.KnownHousehold(request.householdId(), false, null, false));
        List<Violation> unmet =
                BenefitEligibility.unmet(kind, household, member.orElse(null), request.grantedOn(), rule);
        if (!unmet.isEmpty()) {
            throw ProblemException.invalid(unmet);
        }
        // the yearly limits are checked and written by one request of a household at a time
        TransactionLocks.lock(entityManager, "household-benefits:" + request.householdId());
        if (kind == BenefitKind.THREE_INDUSTRY_REWARD
                && repository
                                .grantedToHousehold(request.householdId(), kind, year)
                                .signum()
                        > 0) {
            throw ProblemException.conflict(
                    List.of(Violation.of("kind", "ONCE_A_YEAR", "benefit.three-industry.once", year)));
        }
        if (kind == BenefitKind.TRANSPORT_SUBSIDY
                && repository.grantedToMember(request.memberId(), kind, year).signum() > 0) {
            throw ProblemException.conflict(
                    List.of(Violation.of("memberId", "ONCE_A_YEAR", "benefit.transport.once", year)));
        }
        List<Violation> broken = new ArrayList<>();
        if (kind.targetHouseholdsOnly() && !household.target()) {
            broken.add(
                    Violation.of("householdId", "NOT_TARGET_HOUSEHOLD", "benefit.household.not-target", kind.label()));
        }
        if (rule != null) {
            withinRule(request, rule, year, broken);
        }
        if (!broken.isEmpty()) {
            throw new ProblemException(
                    ProblemType.UNPROCESSABLE, "benefit.rules-broken", List.of(broken.size()), broken);
        }
        UUID id = insert(
                request.householdId(),
                village,
                request.memberId(),
                kind,
                year,
                request.amount().setScale(2),
                request.grantedOn(),
                request.description(),
                null);
        publishTotals(request.householdId(), village, year);
        return id;
    }

    /**
     * The amount against the rule in force: at most its amount per grant, and within its yearly caps per member and
     * per household together with what was paid of the kind that year.
     */
    private void withinRule(
            BenefitApi.GrantRequest request, BenefitRuleApi.Rule rule, int year, List<Violation> broken) {
        BenefitKind kind = request.kind();
        BigDecimal amount = request.amount().setScale(2);
        if (rule.amountPerGrant() != null && amount.compareTo(rule.amountPerGrant()) > 0) {
            broken.add(Violation.of(
                    "amount",
                    "ABOVE_STANDARD",
                    "benefit.amount.per-grant",
                    kind.label(),
                    rule.amountPerGrant().toPlainString(),
                    rule.regionLabel(),
                    rule.fromYear(),
                    amount.toPlainString()));
        }
        if (rule.memberYearlyCap() != null && request.memberId() != null) {
            BigDecimal already = repository.grantedToMember(request.memberId(), kind, year);
            if (already.add(amount).compareTo(rule.memberYearlyCap()) > 0) {
                broken.add(Violation.of(
                        "amount",
                        "ABOVE_YEARLY_CAP",
                        "benefit.amount.member-cap",
                        kind.label(),
                        rule.memberYearlyCap().toPlainString(),
                        rule.regionLabel(),
                        rule.fromYear(),
                        request.memberId(),
                        year,
                        already.setScale(2).toPlainString(),
                        amount.toPlainString()));
            }
        }
        if (rule.householdYearlyCap() != null) {
            BigDecimal already = repository.grantedToHousehold(request.householdId(), kind, year);
            if (already.add(amount).compareTo(rule.householdYearlyCap()) > 0) {
                broken.add(Violation.of(
                        "amount",
                        "ABOVE_HOUSEHOLD_YEARLY_CAP",
                        "benefit.amount.household-cap",
                        kind.label(),
                        rule.householdYearlyCap().toPlainString(),
                        rule.regionLabel(),
                        rule.fromYear(),
                        year,
                        already.setScale(2).toPlainString(),
                        amount.toPlainString()));
            }
        }
    }

    /**
     * Benefits another record pays — a published PV plan's wages and rewards, an asset revenue's shares — with that
     * record as their source, in its year; the caller has checked every household. The totals of each household
     * reached are published.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void grantFrom(String source, int year, LocalDate grantedOn, List<Grant> grants) {
        Map<UUID, String> reached = new LinkedHashMap<>();
        for (Grant grant : grants) {
            String village = directory
                    .villageOf(grant.householdId())
                    .orElseThrow(
                            () -> new IllegalStateException("household " + grant.householdId() + " was not checked"));
            insert(
                    grant.householdId(),
                    village,
                    grant.memberId(),
                    grant.kind(),
                    year,
                    grant.amount(),
                    grantedOn,
                    grant.description(),
                    source);
            reached.put(grant.householdId(), village);
        }
        reached.forEach((household, village) -> publishTotals(household, village, year));
    }

    /** A benefit paid by another record. */
    public record Grant(UUID householdId, UUID memberId, BenefitKind kind, BigDecimal amount, String description) {}

    private UUID insert(
            UUID householdId,
            String village,
            UUID memberId,
            BenefitKind kind,
            int year,
            BigDecimal amount,
            LocalDate grantedOn,
            String description,
            String source) {
        UUID id = UUID.randomUUID();
        repository.insert(new BenefitRepository.NewBenefit(
                id,
                village,
                householdId,
                memberId,
                kind,
                year,
                amount,
                grantedOn,
                description,
                source,
                scope.subject(),
                clock.instant()));
        audit.changed(
                AuditAction.CREATE,
                "household-benefit",
                id.toString(),
                village,
                List.of(
                        AuditedChange.created("householdId", householdId),
                        AuditedChange.created("kind", kind),
                        AuditedChange.created("amount", amount.toPlainString()),
                        AuditedChange.created("grantedOn", grantedOn)));
        return id;
    }

    /** The household's village where it exists and lies in the caller's area; otherwise a violation on the field. */
    String householdVillage(UUID householdId, String field, List<Violation> violations) {
        Optional<String> village = directory.villageOf(householdId).filter(scope::covers);
        if (village.isEmpty()) {
            violations.add(Violation.of(field, "UNKNOWN_HOUSEHOLD", "benefit.household.unknown", householdId));
            return null;
        }
        return village.get();
    }

    /** The member where it lives in the household; otherwise a violation on the field. */
    Optional<KnownMembers.KnownMember> requireMember(
            UUID householdId, UUID memberId, String field, List<Violation> violations) {
        Optional<KnownMembers.KnownMember> member = members.find(memberId)
                .filter(KnownMembers.KnownMember::active)
                .filter(m -> m.householdId().equals(householdId));
        if (member.isEmpty()) {
            violations.add(Violation.of(field, "UNKNOWN_MEMBER", "benefit.member.unknown", memberId, householdId));
        }
        return member;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public BenefitApi.BenefitView get(UUID id) {
        return repository
                .find(id)
                .filter(benefit -> scope.covers(benefit.villageCode()))
                .orElseThrow(() -> ProblemException.notFound("benefit.not-found", id));
    }

    /** A household's benefits, or those of a division's households, in a year, in the order they were granted. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<BenefitApi.BenefitView> list(String division, UUID householdId, int year, PageRequest page) {
        String prefix = scope.narrow(division)
                .orElseThrow(() -> ProblemException.notFound("fund.division.not-found", division));
        return repository.page(prefix, householdId, year, page);
    }

    /** The yearly totals of the households of a division with any benefit that year, by household. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<BenefitApi.Totals> totals(String division, UUID householdId, int year, PageRequest page) {
        String prefix = scope.narrow(division)
                .orElseThrow(() -> ProblemException.notFound("fund.division.not-found", division));
        Page<BenefitRepository.Beneficiary> households = repository.beneficiaries(prefix, householdId, year, page);
        Map<UUID, String> villages = new LinkedHashMap<>();
        households.items().forEach(h -> villages.putIfAbsent(h.householdId(), h.villageCode()));
        return page.page(totals(villages, year), households.totalItems());
    }

    /** One household's totals of a year: each kind granted, and its loans' interest subsidy for the year. */
    BenefitApi.Totals totals(UUID householdId, String village, int year) {
        return totals(Map.of(householdId, village), year).getFirst();
    }

    /** The totals of a year of each household given (with its village), in the order given: two queries in all. */
    private List<BenefitApi.Totals> totals(Map<UUID, String> villages, int year) {
        String ids = MicrocreditService.uuidArray(villages.keySet());
        Map<UUID, Map<BenefitKind, BigDecimal>> byHousehold = new LinkedHashMap<>();
        villages.keySet().forEach(id -> byHousehold.put(id, new EnumMap<>(BenefitKind.class)));
        repository
                .totalsByKind(ids, year)
                .forEach(total -> byHousehold.get(total.householdId()).put(total.kind(), total.amount()));
        loans.interestSubsidies(ids, year).forEach((household, subsidy) -> {
            if (subsidy.signum() > 0) {
                byHousehold.get(household).put(BenefitKind.MICROCREDIT_INTEREST_SUBSIDY, subsidy);
            }
        });
        List<BenefitApi.Totals> totals = new ArrayList<>();
        byHousehold.forEach((household, byKind) -> totals.add(new BenefitApi.Totals(
                household,
                villages.get(household),
                year,
                byKind,
                byKind.values().stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add))));
        return totals;
    }

    /** Publishes a household's totals of a year, with the next version for that household and year. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishTotals(UUID householdId, String village, int year) {
        long version = repository.nextTotalsVersion(householdId, year);
        BenefitApi.Totals totals = totals(householdId, village, year);
        Map<String, BigDecimal> byKind = new LinkedHashMap<>();
        totals.byKind().forEach((kind, amount) -> byKind.put(kind.name(), amount));
        outbox.publish(
                Topics.FUND_EVENTS,
                "household",
                householdId.toString(),
                EventTypes.HOUSEHOLD_BENEFITS_TOTALLED,
                new HouseholdBenefitsTotalled(
                        householdId.toString(), village, year, version, byKind, totals.total(), clock.instant()));
    }
}
