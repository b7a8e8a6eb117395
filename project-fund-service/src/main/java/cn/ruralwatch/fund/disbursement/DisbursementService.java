package cn.ruralwatch.fund.disbursement;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.audit.AuditTrail;
import cn.ruralwatch.audit.AuditedChange;
import cn.ruralwatch.events.AuditAction;
import cn.ruralwatch.events.DisbursementRecorded;
import cn.ruralwatch.events.EventTypes;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.fund.project.Project;
import cn.ruralwatch.fund.project.ProjectService;
import cn.ruralwatch.fund.project.ProjectStage;
import cn.ruralwatch.http.IdempotencyKeys;
import cn.ruralwatch.http.NativeValues;
import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.messaging.Outbox;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Pays out of a project's budget line. The line's row is the only lock taken: the update adds the amount only while
 * the line stays within its approved amount, so concurrent requests that together exceed it cannot both pass, and a
 * batch (whose lines never promise more than it holds) cannot be overspent either.
 */
@ApplicationScoped
@Transactional
public class DisbursementService {

    /** Stages in which money may be paid: from approval on, including final payments after acceptance. */
    static final Set<ProjectStage> PAYABLE = EnumSet.of(
            ProjectStage.APPROVED,
            ProjectStage.IMPLEMENTING,
            ProjectStage.COMPLETED,
            ProjectStage.ACCEPTED,
            ProjectStage.ASSETS_REGISTERED);

    @Inject
    EntityManager entityManager;

    @Inject
    ProjectService projects;

    @Inject
    IdempotencyKeys idempotencyKeys;

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    @Inject
    CallerScope scope;

    /** The request as the idempotency key identifies it: the same body sent to another project is another request. */
    record Keyed(UUID projectId, DisbursementApi.Request request) {}

    public DisbursementApi.View record(UUID projectId, DisbursementApi.Request request, String idempotencyKey) {
        String id = idempotencyKeys
                .once("disbursement", idempotencyKey, new Keyed(projectId, request), () -> create(projectId, request)
                        .toString())
                .resourceId();
        return get(projectId, UUID.fromString(id));
    }

    private UUID create(UUID projectId, DisbursementApi.Request request) {
        Project project = projects.get(projectId);
        if (!PAYABLE.contains(project.stage)) {
            throw ProblemException.conflict("disbursement.stage", project.stage);
        }
        if (request.paidOn().isAfter(LocalDate.now(ProjectService.CHINA))) {
            throw ProblemException.invalid(Violation.of("paidOn", "FUTURE", "project.date.future", request.paidOn()));
        }
        BigDecimal amount = request.amount().setScale(2, RoundingMode.UNNECESSARY);
        int paid = entityManager
                .createNativeQuery("""
                        update project_budget_line set disbursed = disbursed + ?3
                        where project_id = ?1 and batch_id = ?2 and disbursed + ?3 <= amount
                        """)
                .setParameter(1, project.id)
                .setParameter(2, request.batchId())
                .setParameter(3, amount)
                .executeUpdate();
        if (paid == 0) {
            refuse(project, request.batchId(), amount);
        }
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        entityManager
                .createNativeQuery("""
                        insert into disbursement (id, project_id, batch_id, amount, paid_on, payee, voucher_number,
                                                  note, recorded_by, recorded_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                        """)
                .setParameter(1, id)
                .setParameter(2, project.id)
                .setParameter(3, request.batchId())
                .setParameter(4, amount)
                .setParameter(5, Date.valueOf(request.paidOn()))
                .setParameter(6, request.payee().strip())
                .setParameter(7, request.voucherNumber())
                .setParameter(8, request.note())
                .setParameter(9, scope.subject())
                .setParameter(10, Timestamp.from(now))
                .executeUpdate();
        outbox.publish(
                Topics.FUND_EVENTS,
                "project",
                project.id.toString(),
                EventTypes.DISBURSEMENT_RECORDED,
                new DisbursementRecorded(
                        id.toString(),
                        project.id.toString(),
                        request.batchId().toString(),
                        project.countyCode,
                        project.divisionCode,
                        project.type.name(),
                        amount,
                        request.paidOn(),
                        now));
        audit.changed(
                AuditAction.CREATE,
                "disbursement",
                id.toString(),
                project.divisionCode,
                List.of(
                        AuditedChange.created("projectId", project.id),
                        AuditedChange.created("batchId", request.batchId()),
                        AuditedChange.created("amount", amount.toPlainString()),
                        AuditedChange.created("paidOn", request.paidOn()),
                        AuditedChange.created("payee", request.payee().strip())));
        return id;
    }

    /** Why the line did not take the amount: no such line (400), or not enough left on it (409). */
    private void refuse(Project project, UUID batchId, BigDecimal amount) {
        @SuppressWarnings("unchecked")
        List<Object[]> line = entityManager
                .createNativeQuery(
                        "select amount, disbursed from project_budget_line where project_id = ?1 and batch_id = ?2")
                .setParameter(1, project.id)
                .setParameter(2, batchId)
                .getResultList();
        if (line.isEmpty()) {
            throw ProblemException.invalid(
                    Violation.of("batchId", "NOT_IN_BUDGET", "disbursement.batch.not-in-budget", batchId));
        }
        BigDecimal budget = (BigDecimal) line.getFirst()[0];
        BigDecimal remaining = budget.subtract((BigDecimal) line.getFirst()[1]);
        throw ProblemException.conflict(List.of(Violation.of(
                "amount",
                "EXCEEDS_BUDGET",
                "disbursement.exceeds-budget",
                amount.toPlainString(),
                budget.toPlainString(),
                remaining.toPlainString())));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DisbursementApi.View get(UUID projectId, UUID id) {
        Project project = projects.get(projectId);
        List<DisbursementApi.View> found = query(project.id, id, PageRequest.of(0, 1));
        if (found.isEmpty()) {
            throw ProblemException.notFound("disbursement.not-found", id);
        }
        return found.getFirst();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<DisbursementApi.View> list(UUID projectId, PageRequest page) {
        Project project = projects.get(projectId);
        long total = ((Number) entityManager
                        .createNativeQuery("select count(*) from disbursement where project_id = ?1")
                        .setParameter(1, project.id)
                        .getSingleResult())
                .longValue();
        return page.page(query(project.id, null, page), total);
    }

    private List<DisbursementApi.View> query(UUID projectId, UUID id, PageRequest page) {
        @SuppressWarnings("unchecked")
        var select = entityManager
                .createNativeQuery(
                        """
                        select id, project_id, batch_id, amount, paid_on, payee, voucher_number, note, recorded_by,
                               recorded_at
                        from disbursement where project_id = ?1
                        """ + (id == null ? "" : " and id = ?4") + " order by paid_on, recorded_at limit ?2 offset ?3")
                .setParameter(1, projectId)
                .setParameter(2, page.size())
                .setParameter(3, page.offset());
        if (id != null) {
            select.setParameter(4, id);
        }
        List<Object[]> rows = select.getResultList();
        List<DisbursementApi.View> views = new ArrayList<>();
        for (Object[] r : rows) {
            views.add(new DisbursementApi.View(
                    (UUID) r[0],
                    (UUID) r[1],
                    (UUID) r[2],
                    (BigDecimal) r[3],
                    NativeValues.date(r[4]),
                    (String) r[5],
                    (String) r[6],
                    (String) r[7],
                    (String) r[8],
                    NativeValues.instant(r[9])));
        }
        return views;
    }
}
