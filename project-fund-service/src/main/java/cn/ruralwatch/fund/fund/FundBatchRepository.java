package cn.ruralwatch.fund.fund;

import cn.ruralwatch.sql.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** What the projects have paid from fund batches ({@code project_budget_line}). */
@ApplicationScoped
class FundBatchRepository {

    /** What the projects have paid from one batch. */
    record Disbursed(UUID batchId, BigDecimal disbursed) {}

    @Inject
    Sql sql;

    /** What has been paid from each batch with a budget line among {@code batchIds}. */
    Map<UUID, BigDecimal> disbursed(Collection<UUID> batchIds) {
        List<Disbursed> rows =
                sql.query("""
                        select batch_id, sum(disbursed) as disbursed from project_budget_line
                        where batch_id in (:batches) group by batch_id
                        """).bind("batches", List.copyOf(batchIds)).list(Disbursed.class);
        return rows.stream().collect(Collectors.toMap(Disbursed::batchId, Disbursed::disbursed));
    }
}
