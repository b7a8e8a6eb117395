package cn.ruralwatch.household.cadre;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.access.DivisionCodes;
import cn.ruralwatch.audit.AuditTrail;
import cn.ruralwatch.audit.AuditedChange;
import cn.ruralwatch.events.AuditAction;
import cn.ruralwatch.events.EventTypes;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.events.VisitRuleSet;
import cn.ruralwatch.household.division.Division;
import cn.ruralwatch.household.household.DateRules;
import cn.ruralwatch.http.EntityTags;
import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
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
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * 走访要求 by region, and the households and cadres behind on their visits. A region's rule replaces the rule of any
 * wider region for its households, as parameter values do elsewhere.
 */
@ApplicationScoped
@Transactional
public class VisitRuleService {

    static final String RULE = "visit-rule";

    @Inject
    Clock clock;

    @Inject
    EntityManager entityManager;

    @Inject
    CallerScope scope;

    @Inject
    CadreQueries queries;

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    /**
     * Sets the region's rule: a new rule needs no {@code If-Match}, replacing one does (428 without, 412 when stale).
     * A region outside the caller's 403, one that does not exist 404.
     */
    public VisitRule set(String regionCode, CadreApi.VisitRuleRequest request, String ifMatch) {
        String code = DivisionCodes.normalize(regionCode);
        if (code == null || !scope.covers(code)) {
            throw ProblemException.of(
                    ProblemType.FORBIDDEN, "problem.forbidden.out-of-scope", regionCode, scope.division());
        }
        if (entityManager.find(Division.class, code) == null) {
            throw ProblemException.notFound("visit-rule.region.not-found", code);
        }
        List<Violation> violations = new ArrayList<>();
        DateRules.notFuture("effectiveFrom", request.effectiveFrom(), ChinaTime.today(clock), violations);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        VisitRule rule = entityManager.find(VisitRule.class, code, LockModeType.PESSIMISTIC_WRITE);
        boolean created = rule == null;
        List<String> groups = request.groups().stream()
                .sorted(Comparator.comparing(Enum::ordinal))
                .map(Enum::name)
                .toList();
        List<AuditedChange> changes = new ArrayList<>();
        if (created) {
            rule = new VisitRule();
            rule.regionCode = code;
            changes.add(AuditedChange.created("groups", groups));
            changes.add(AuditedChange.created("maxIntervalDays", request.maxIntervalDays()));
            changes.add(AuditedChange.created("effectiveFrom", request.effectiveFrom()));
        } else {
            EntityTags.requireMatch(ifMatch, rule.version);
            changes.add(AuditedChange.changed("groups", rule.groups, groups));
            changes.add(AuditedChange.changed("maxIntervalDays", rule.maxIntervalDays, request.maxIntervalDays()));
            changes.add(AuditedChange.changed("effectiveFrom", rule.effectiveFrom, request.effectiveFrom()));
        }
        rule.groups = new ArrayList<>(groups);
        rule.maxIntervalDays = request.maxIntervalDays();
        rule.effectiveFrom = request.effectiveFrom();
        rule.note = request.note() == null || request.note().isBlank()
                ? null
                : request.note().trim();
        rule.setBy = scope.subject();
        rule.setAt = clock.instant();
        if (created) {
            entityManager.persist(rule);
        }
        entityManager.flush();
        outbox.publish(
                Topics.HOUSEHOLD_EVENTS,
                RULE,
                rule.regionCode,
                EventTypes.VISIT_RULE_SET,
                new VisitRuleSet(rule.regionCode, groups, rule.maxIntervalDays, rule.effectiveFrom, rule.setAt));
        audit.changed(
                created ? AuditAction.CREATE : AuditAction.UPDATE,
                RULE,
                rule.regionCode,
                rule.regionCode,
                changes.stream().filter(AuditedChange::altersValue).toList());
        return rule;
    }

    /**
     * The rule that applies in the region: its own, or that of the nearest region holding it. A region the caller
     * neither holds nor lies in, or one without a rule, 404.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public VisitRule inForce(String regionCode) {
        String code = DivisionCodes.normalize(regionCode);
        if (!scope.overlaps(code)) {
            throw ProblemException.notFound("visit-rule.not-found", regionCode);
        }
        return entityManager
                .createQuery(
                        "from VisitRule r where locate(r.regionCode, :code) = 1 order by length(r.regionCode) desc",
                        VisitRule.class)
                .setParameter("code", code)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("visit-rule.not-found", code));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public String regionName(String code) {
        Division division = entityManager.find(Division.class, code);
        return division == null ? null : division.name;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<CadreApi.OverdueHousehold> overdue(String division, LocalDate asOf, PageRequest page) {
        return queries.overdue(prefix(division), asOf(asOf), page);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<CadreApi.CadreMissingVisits> missingVisits(String division, LocalDate asOf, PageRequest page) {
        return queries.missingVisits(prefix(division), asOf(asOf), page);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<CadreApi.WithoutCadre> withoutCadre(String division, PageRequest page) {
        return queries.withoutCadre(prefix(division), page);
    }

    private String prefix(String division) {
        return scope.narrow(division)
                .orElseThrow(() -> ProblemException.of(
                        ProblemType.FORBIDDEN, "problem.forbidden.out-of-scope", division, scope.division()));
    }

    /** The day the lists are drawn up for: today unless given; never in the future (400 naming {@code asOf}). */
    private LocalDate asOf(LocalDate asOf) {
        LocalDate today = ChinaTime.today(clock);
        if (asOf == null) {
            return today;
        }
        List<Violation> violations = new ArrayList<>();
        DateRules.notFuture("asOf", asOf, today, violations);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return asOf;
    }
}
