package cn.ruralwatch.fund.project;

import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.sql.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * What of a project is not its entity: its budget lines ({@code project_budget_line}) with the fund batches they draw
 * on, and its steps ({@code project_step}). Locks are taken as {@link ProjectService} explains.
 */
@ApplicationScoped
public class ProjectRepository {

    /** A step as stored; attachments and details as JSON text. */
    public record StepRow(
            long id,
            String action,
            String fromStage,
            String toStage,
            String actor,
            LocalDate performedOn,
            Instant recordedAt,
            String note,
            String documentNumber,
            String attachments,
            String details) {}

    /** A step to record; attachments and details as JSON text (details may be null). */
    public record NewStep(
            UUID projectId,
            String action,
            ProjectStage fromStage,
            ProjectStage toStage,
            String actor,
            LocalDate performedOn,
            Instant recordedAt,
            String note,
            String documentNumber,
            String attachments,
            String details) {}

    /** A household the project benefits, and how. */
    public record BeneficiaryRow(UUID householdId, ProjectApi.Linkage linkage) {}

    @Inject
    Sql sql;

    public long beneficiaryCount(UUID projectId) {
        return sql.query("select count(*) from project_beneficiary where project_id = :project")
                .bind("project", projectId)
                .count();
    }

    /** The households the project benefits, by id. */
    public List<UUID> beneficiaryIds(UUID projectId) {
        return sql.query(
                        "select household_id from project_beneficiary where project_id = :project order by household_id")
                .bind("project", projectId)
                .column(UUID.class);
    }

    public Page<BeneficiaryRow> beneficiaries(UUID projectId, PageRequest page) {
        return sql.query("""
                        select household_id, linkage from project_beneficiary where project_id = :project
                        order by household_id
                        """).bind("project", projectId).page(BeneficiaryRow.class, page);
    }

    /** The project's budget lines with their batches, in batch id order; locked for update when {@code lock}. */
    public BudgetLedger ledger(UUID projectId, boolean lock) {
        return new BudgetLedger(sql.query("""
                        select l.batch_id, b.source_level, b.fund_year as batch_year, b.batch_number, l.amount,
                               l.disbursed
                        from project_budget_line l join fund_batch b on b.id = l.batch_id
                        where l.project_id = :project order by l.batch_id
                        """ + (lock ? " for no key update of l" : ""))
                .bind("project", projectId)
                .list(BudgetLedger.Line.class));
    }

    /** Locks the batches of a county among {@code ids}, in id order; a batch of another county is not among them. */
    public List<BudgetLedger.Batch> lockBatches(Collection<UUID> ids, String countyCode) {
        return sql.query("""
                        select id, source_level, fund_year as year, batch_number as number, amount, allocated
                        from fund_batch where id in (:ids) and county_code = :county order by id for no key update
                        """)
                .bind("ids", List.copyOf(ids))
                .bind("county", countyCode)
                .list(BudgetLedger.Batch.class);
    }

    /** Moves what a batch has promised to projects by {@code delta}. */
    public void allocate(UUID batchId, BigDecimal delta) {
        sql.query("update fund_batch set allocated = allocated + :delta where id = :batch")
                .bind("batch", batchId)
                .bind("delta", delta)
                .execute();
    }

    public void addLine(UUID projectId, UUID batchId, BigDecimal amount) {
        sql.query("insert into project_budget_line (project_id, batch_id, amount) values (:project, :batch, :amount)")
                .bind("project", projectId)
                .bind("batch", batchId)
                .bind("amount", amount)
                .execute();
    }

    public void setLine(UUID projectId, UUID batchId, BigDecimal amount) {
        sql.query("update project_budget_line set amount = :amount where project_id = :project and batch_id = :batch")
                .bind("project", projectId)
                .bind("batch", batchId)
                .bind("amount", amount)
                .execute();
    }

    public void dropLine(UUID projectId, UUID batchId) {
        sql.query("delete from project_budget_line where project_id = :project and batch_id = :batch")
                .bind("project", projectId)
                .bind("batch", batchId)
                .execute();
    }

    /** Cuts a line to what it has paid. */
    public void closeLine(UUID projectId, UUID batchId) {
        sql.query("update project_budget_line set amount = disbursed where project_id = :project and batch_id = :batch")
                .bind("project", projectId)
                .bind("batch", batchId)
                .execute();
    }

    public void deleteBeneficiaries(UUID projectId) {
        sql.query("delete from project_beneficiary where project_id = :project")
                .bind("project", projectId)
                .execute();
    }

    public void recordStep(NewStep step) {
        sql.query("""
                        insert into project_step (project_id, action, from_stage, to_stage, actor, performed_on,
                                                  recorded_at, note, document_number, attachments, details)
                        values (:project, :action, :fromStage, :toStage, :actor, :performedOn, :recordedAt, :note,
                                :documentNumber, cast(:attachments as jsonb), cast(:details as jsonb))
                        """)
                .bind("project", step.projectId())
                .bind("action", step.action())
                .bind(
                        "fromStage",
                        step.fromStage() == null ? null : step.fromStage().name())
                .bind("toStage", step.toStage().name())
                .bind("actor", step.actor())
                .bind("performedOn", Date.valueOf(step.performedOn()))
                .bind("recordedAt", Timestamp.from(step.recordedAt()))
                .bind("note", step.note())
                .bind("documentNumber", step.documentNumber())
                .bind("attachments", step.attachments())
                .bind("details", step.details())
                .execute();
    }

    /** The project's steps in the order they were taken. */
    public Page<StepRow> steps(UUID projectId, PageRequest page) {
        return sql.query("""
                        select id, action, from_stage, to_stage, actor, performed_on, recorded_at, note,
                               document_number, attachments::text as attachments, details::text as details
                        from project_step where project_id = :project order by id
                        """).bind("project", projectId).page(StepRow.class, page);
    }
}
