package cn.ruralwatch.fund.disbursement;

import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.sql.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

/** Disbursements 拨付 ({@code disbursement}) and what they take from the projects' budget lines. */
@ApplicationScoped
class DisbursementRepository {

    /** A budget line's amount and what it has paid. */
    record LineRow(BigDecimal amount, BigDecimal disbursed) {}

    private static final String DISBURSEMENT = """
            select id, project_id, batch_id, amount, paid_on, payee, voucher_number, note, recorded_by, recorded_at
            from disbursement
            """;

    @Inject
    Sql sql;

    /** Pays {@code amount} from the project's line of a batch if the line has that much left; false otherwise. */
    boolean payFromLine(UUID projectId, UUID batchId, BigDecimal amount) {
        return sql.query("""
                                update project_budget_line set disbursed = disbursed + :amount
                                where project_id = :project and batch_id = :batch and disbursed + :amount <= amount
                                """)
                        .bind("project", projectId)
                        .bind("batch", batchId)
                        .bind("amount", amount)
                        .execute()
                > 0;
    }

    Optional<LineRow> line(UUID projectId, UUID batchId) {
        return sql.query("select amount, disbursed from project_budget_line where project_id = :project"
                        + " and batch_id = :batch")
                .bind("project", projectId)
                .bind("batch", batchId)
                .first(LineRow.class);
    }

    void insert(DisbursementApi.View disbursement) {
        sql.query("""
                        insert into disbursement (id, project_id, batch_id, amount, paid_on, payee, voucher_number,
                                                  note, recorded_by, recorded_at)
                        values (:id, :project, :batch, :amount, :paidOn, :payee, :voucher, :note, :recordedBy,
                                :recordedAt)
                        """)
                .bind("id", disbursement.id())
                .bind("project", disbursement.projectId())
                .bind("batch", disbursement.batchId())
                .bind("amount", disbursement.amount())
                .bind("paidOn", Date.valueOf(disbursement.paidOn()))
                .bind("payee", disbursement.payee())
                .bind("voucher", disbursement.voucherNumber())
                .bind("note", disbursement.note())
                .bind("recordedBy", disbursement.recordedBy())
                .bind("recordedAt", Timestamp.from(disbursement.recordedAt()))
                .execute();
    }

    Optional<DisbursementApi.View> find(UUID projectId, UUID id) {
        return sql.query(DISBURSEMENT + " where project_id = :project and id = :id")
                .bind("project", projectId)
                .bind("id", id)
                .first(DisbursementApi.View.class);
    }

    /** The project's disbursements in the order they were paid. */
    Page<DisbursementApi.View> page(UUID projectId, PageRequest page) {
        return sql.query(DISBURSEMENT + " where project_id = :project order by paid_on, recorded_at")
                .bind("project", projectId)
                .page(DisbursementApi.View.class, page);
    }
}
