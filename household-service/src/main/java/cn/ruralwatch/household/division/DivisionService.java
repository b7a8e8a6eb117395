package cn.ruralwatch.household.division;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.audit.AuditTrail;
import cn.ruralwatch.audit.AuditedChange;
import cn.ruralwatch.events.AuditAction;
import cn.ruralwatch.events.DivisionRegistered;
import cn.ruralwatch.events.DivisionRenamed;
import cn.ruralwatch.events.EventTypes;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.http.EntityTags;
import cn.ruralwatch.http.IdempotencyKeys;
import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.messaging.Outbox;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.ProblemType;
import cn.ruralwatch.problem.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Registers divisions and keeps the tree consistent: levels, code lengths, codes that extend their parent's. */
@ApplicationScoped
@Transactional
public class DivisionService {

    static final String AGGREGATE = "division";

    @Inject
    EntityManager entityManager;

    @Inject
    Outbox outbox;

    @Inject
    IdempotencyKeys idempotencyKeys;

    @Inject
    CallerScope scope;

    @Inject
    AuditTrail audit;

    public Division register(DivisionApi.Registration request, String idempotencyKey) {
        String code = idempotencyKeys
                .once("division", idempotencyKey, request, () -> create(request).code)
                .resourceId();
        return entityManager.find(Division.class, code);
    }

    private Division create(DivisionApi.Registration request) {
        if (!scope.covers(request.code())) {
            throw ProblemException.of(
                    ProblemType.FORBIDDEN, "problem.forbidden.out-of-scope", request.code(), scope.division());
        }
        List<Violation> violations = new ArrayList<>();
        if (request.code().length() != request.level().codeLength()) {
            violations.add(Violation.of(
                    "code",
                    "LENGTH",
                    "division.code.length",
                    request.level().name(),
                    request.level().codeLength()));
        }
        if (request.level() == DivisionLevel.COUNTY) {
            if (request.parentCode() != null) {
                violations.add(Violation.of("parentCode", "NOT_ALLOWED", "division.parent.county"));
            }
        } else if (request.parentCode() == null || request.parentCode().isBlank()) {
            violations.add(Violation.of("parentCode", "REQUIRED", "division.parent.required"));
        } else {
            Division parent = entityManager.find(Division.class, request.parentCode());
            if (parent == null) {
                violations.add(Violation.of("parentCode", "UNKNOWN", "division.parent.unknown", request.parentCode()));
            } else if (parent.level.childLevel().orElse(null) != request.level()) {
                violations.add(Violation.of(
                        "level",
                        "LEVEL",
                        "division.parent.level",
                        parent.level.name(),
                        request.level().name()));
            } else if (!request.code().startsWith(parent.code)) {
                violations.add(Violation.of("code", "PREFIX", "division.code.prefix", parent.code));
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        if (entityManager.find(Division.class, request.code()) != null) {
            throw ProblemException.conflict(
                    List.of(Violation.of("code", "ALREADY_REGISTERED", "division.code.exists", request.code())));
        }
        Instant now = Instant.now();
        Division division = new Division();
        division.code = request.code();
        division.name = request.name().trim();
        division.level = request.level();
        division.parentCode = request.level() == DivisionLevel.COUNTY ? null : request.parentCode();
        division.createdAt = now;
        division.updatedAt = now;
        entityManager.persist(division);
        outbox.publish(
                Topics.HOUSEHOLD_EVENTS,
                AGGREGATE,
                division.code,
                EventTypes.DIVISION_REGISTERED,
                new DivisionRegistered(division.code, division.name, division.level.name(), division.parentCode));
        audit.changed(
                AuditAction.CREATE,
                AGGREGATE,
                division.code,
                division.code,
                List.of(
                        AuditedChange.created("name", division.name),
                        AuditedChange.created("level", division.level),
                        AuditedChange.created("parentCode", division.parentCode)));
        return division;
    }

    public Division rename(String code, DivisionApi.Rename request, String ifMatch) {
        Division division = get(code);
        EntityTags.requireMatch(ifMatch, division.version);
        String oldName = division.name;
        division.rename(request.name().trim(), Instant.now());
        audit.changed(
                AuditAction.UPDATE,
                AGGREGATE,
                division.code,
                division.code,
                List.of(AuditedChange.changed("name", oldName, division.name)));
        entityManager.flush();
        outbox.publish(
                Topics.HOUSEHOLD_EVENTS,
                AGGREGATE,
                division.code,
                EventTypes.DIVISION_RENAMED,
                new DivisionRenamed(division.code, division.name));
        return division;
    }

    /** A division within the caller's region; any other answers 404. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Division get(String code) {
        Division division = DivisionLevel.isDivisionCode(code) && scope.covers(code)
                ? entityManager.find(Division.class, code)
                : null;
        if (division == null) {
            throw ProblemException.notFound("division.not-found", code);
        }
        return division;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Division> children(String code, PageRequest page) {
        get(code);
        List<Division> items = entityManager
                .createQuery("from Division where parentCode = :code order by code", Division.class)
                .setParameter("code", code)
                .setFirstResult(page.offset())
                .setMaxResults(page.size())
                .getResultList();
        long total = entityManager
                .createQuery("select count(d) from Division d where d.parentCode = :code", Long.class)
                .setParameter("code", code)
                .getSingleResult();
        return page.page(items, total);
    }
}
