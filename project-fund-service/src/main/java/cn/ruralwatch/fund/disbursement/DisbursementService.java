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
import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.messaging.Outbox;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.Violation;
import cn.ruralwatch.time.ChinaTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
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
    Clock clock;

    @Inject
    DisbursementRepository disbursements;

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
        if (request.paidOn().isAfter(ChinaTime.today(clock))) {
            throw ProblemException.invalid(Violation.of("paidOn", "FUTURE", "project.date.future", request.paidOn()));
        }
        BigDecimal amount = request.amount().setScale(2, RoundingMode.UNNECESSARY);
        if (!disbursements.payFromLine(project.id, request.batchId(), amount)) {
            refuse(project, request.batchId(), amount);
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        disbursements.insert(new DisbursementApi.View(
                id,
                project.id,
                request.batchId(),
                amount,
                request.paidOn(),
                request.payee().strip(),
                request.voucherNumber(),
                request.note(),
                scope.subject(),
                now));
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
        DisbursementRepository.LineRow line = disbursements
                .line(project.id, batchId)
                .orElseThrow(() -> ProblemException.invalid(
                        Violation.of("batchId", "NOT_IN_BUDGET", "disbursement.batch.not-in-budget", batchId)));
        BigDecimal budget = line.amount();
        BigDecimal remaining = budget.subtract(line.disbursed());
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
        return disbursements
                .find(project.id, id)
                .orElseThrow(() -> ProblemException.notFound("disbursement.not-found", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<DisbursementApi.View> list(UUID projectId, PageRequest page) {
        Project project = projects.get(projectId);
        return disbursements.page(project.id, page);
    }
}
