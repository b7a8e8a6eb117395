package cn.ruralwatch.fund.benefit;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.audit.AuditTrail;
import cn.ruralwatch.audit.AuditedChange;
import cn.ruralwatch.events.AuditAction;
import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.http.TransactionLocks;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The amounts and caps of the benefits officials record by hand (产业奖补, 三业奖补, 雨露计划, 一次性交通补贴) and the
 * transport subsidy's migrant-work condition, by region and year: shipped nationwide, set by a province, city or
 * county for itself from a year on. A new rule of a kind, region and year supersedes the current one, which stays as
 * history; the rule in force for a division in a year is the one of the latest year not after it, the most specific
 * region's within that year — as indicator-service resolves its standards' parameters.
 */
@ApplicationScoped
@Transactional
public class BenefitRules {

    @Inject
    Clock clock;

    @Inject
    EntityManager entityManager;

    @Inject
    BenefitRuleRepository repository;

    @Inject
    CallerScope scope;

    @Inject
    AuditTrail audit;

    /** Sets a rule for the caller's region or a part of it (a province's by the province, a county's by the county). */
    public BenefitRuleApi.Rule set(BenefitRuleApi.RuleRequest request) {
        List<Violation> invalid = check(request);
        if (!invalid.isEmpty()) {
            throw ProblemException.invalid(invalid);
        }
        // two rules set at once for the same kind, region and year: one after the other, each superseding the one
        // before (without the lock both would find no current rule to supersede and the second insert would break
        // the one-current-rule index)
        TransactionLocks.lock(
                entityManager,
                "benefit-rule:" + request.kind() + ":" + request.regionCode() + ":" + request.fromYear());
        BenefitRuleApi.Rule before = repository
                .inForce(request.kind(), request.regionCode(), request.fromYear())
                .filter(r -> r.regionCode().equals(request.regionCode()) && r.fromYear() == request.fromYear())
                .orElse(null);
        BenefitRuleApi.Rule rule = new BenefitRuleApi.Rule(
                UUID.randomUUID(),
                request.kind(),
                request.regionCode(),
                request.fromYear(),
                scaled(request.amountPerGrant()),
                scaled(request.memberYearlyCap()),
                scaled(request.householdYearlyCap()),
                request.minEmploymentMonths(),
                request.employmentLocations() == null ? null : List.copyOf(request.employmentLocations()),
                request.note(),
                scope.subject(),
                clock.instant(),
                null);
        repository.set(rule);
        audit.changed(
                before == null ? AuditAction.CREATE : AuditAction.UPDATE,
                "benefit-rule",
                rule.id().toString(),
                rule.regionCode(),
                List.of(
                        AuditedChange.changed("kind", null, rule.kind()),
                        AuditedChange.changed("fromYear", null, rule.fromYear()),
                        AuditedChange.changed(
                                "amountPerGrant",
                                before == null ? null : before.amountPerGrant(),
                                rule.amountPerGrant()),
                        AuditedChange.changed(
                                "memberYearlyCap",
                                before == null ? null : before.memberYearlyCap(),
                                rule.memberYearlyCap()),
                        AuditedChange.changed(
                                "householdYearlyCap",
                                before == null ? null : before.householdYearlyCap(),
                                rule.householdYearlyCap()),
                        AuditedChange.changed(
                                "minEmploymentMonths",
                                before == null ? null : before.minEmploymentMonths(),
                                rule.minEmploymentMonths()),
                        AuditedChange.changed(
                                "employmentLocations",
                                before == null ? null : before.employmentLocations(),
                                rule.employmentLocations()),
                        AuditedChange.changed("supersedes", null, before == null ? null : before.id())));
        return rule;
    }

    /** Every reason a request cannot be a rule of its kind, or of its region for this caller. */
    private List<Violation> check(BenefitRuleApi.RuleRequest request) {
        List<Violation> invalid = new ArrayList<>();
        BenefitKind kind = request.kind();
        if (!kind.ruled()) {
            invalid.add(Violation.of("kind", "NOT_RULED", "benefit.rule.kind", kind.name(), kind.label()));
            return invalid;
        }
        // a rule binds every county of its region: only an official of the whole region may set it
        if (!request.regionCode().startsWith(scope.division())) {
            invalid.add(Violation.of(
                    "regionCode", "NOT_YOUR_REGION", "benefit.rule.region", request.regionCode(), scope.division()));
        }
        if (request.memberYearlyCap() != null && !kind.perMember()) {
            invalid.add(Violation.of("memberYearlyCap", "NOT_APPLICABLE", "benefit.rule.member-cap", kind.label()));
        }
        grantWithinCap(request.amountPerGrant(), "memberYearlyCap", request.memberYearlyCap(), invalid);
        grantWithinCap(request.amountPerGrant(), "householdYearlyCap", request.householdYearlyCap(), invalid);
        if (kind == BenefitKind.TRANSPORT_SUBSIDY) {
            if (request.minEmploymentMonths() == null) {
                invalid.add(Violation.of("minEmploymentMonths", "REQUIRED", "benefit.rule.transport.required"));
            }
            if (request.employmentLocations() == null) {
                invalid.add(Violation.of("employmentLocations", "REQUIRED", "benefit.rule.transport.required"));
            } else if (new HashSet<>(request.employmentLocations()).size()
                    < request.employmentLocations().size()) {
                invalid.add(Violation.of("employmentLocations", "DUPLICATE", "benefit.rule.locations.duplicate"));
            }
        } else {
            if (request.minEmploymentMonths() != null) {
                invalid.add(Violation.of(
                        "minEmploymentMonths", "NOT_APPLICABLE", "benefit.rule.transport.only", kind.label()));
            }
            if (request.employmentLocations() != null) {
                invalid.add(Violation.of(
                        "employmentLocations", "NOT_APPLICABLE", "benefit.rule.transport.only", kind.label()));
            }
        }
        return invalid;
    }

    /** A grant the yearly cap could never take is a mistake in the rule. */
    private static void grantWithinCap(
            BigDecimal amountPerGrant, String capField, BigDecimal cap, List<Violation> invalid) {
        if (amountPerGrant != null && cap != null && amountPerGrant.compareTo(cap) > 0) {
            invalid.add(Violation.of(
                    "amountPerGrant",
                    "ABOVE_YEARLY_CAP",
                    "benefit.rule.grant-above-cap",
                    amountPerGrant.toPlainString(),
                    capField,
                    cap.toPlainString()));
        }
    }

    private static BigDecimal scaled(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2);
    }

    /** The rule a benefit of the kind in the division (a village) and year is checked against, if any. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<BenefitRuleApi.Rule> inForce(BenefitKind kind, String division, int year) {
        return repository.inForce(kind, division, year);
    }

    /** The rule in force for a division within the caller's region; 404 when the division is outside or none is. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public BenefitRuleApi.Rule inForceFor(BenefitKind kind, String division, int year) {
        String within = scope.narrow(division)
                .orElseThrow(() -> ProblemException.notFound("fund.division.not-found", division));
        return repository
                .inForce(kind, within, year)
                .orElseThrow(() -> ProblemException.notFound("benefit.rule.none", kind.label(), within, year));
    }

    /** A rule (current or superseded) that applies to the caller's region. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public BenefitRuleApi.Rule get(UUID id) {
        return repository
                .find(id)
                .filter(this::applies)
                .orElseThrow(() -> ProblemException.notFound("benefit.rule.not-found", id));
    }

    /** The rules that apply to the caller's region or a part of it; of one kind when given; with history when asked. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<BenefitRuleApi.Rule> list(BenefitKind kind, boolean history, PageRequest page) {
        return repository.applying(scope.division(), kind, history, page);
    }

    private boolean applies(BenefitRuleApi.Rule rule) {
        return scope.division().startsWith(rule.regionCode())
                || rule.regionCode().startsWith(scope.division());
    }
}
