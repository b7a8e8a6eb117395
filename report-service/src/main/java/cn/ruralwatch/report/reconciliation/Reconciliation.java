package cn.ruralwatch.report.reconciliation;

import cn.ruralwatch.report.overview.Overview;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Reconciliation", description = "统计数与源系统（农户服务、指标服务）的核对结果")
public record Reconciliation(
        Overview.DivisionRef division,
        @Schema(description = "核对时间") Instant checkedAt,
        @Schema(description = "核对的行政村数") int villagesCompared,
        @Schema(description = "核对的数字个数") int figuresCompared,
        @Schema(description = "是否全部一致") boolean consistent,
        @Schema(description = "不一致的数字（最多 1000 条）") List<Drift> drift,
        @Schema(description = "不一致的数字总数") int driftCount) {

    @Schema(name = "ReconciliationDrift")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Drift(
            @Schema(description = "行政村代码（按指标合计的数字为空）") String villageCode,
            @Schema(description = "指标体系编码（指标数字）") String standardCode,
            @Schema(description = "指标编码（指标数字）") String indicatorCode,

            @Schema(description = "数字名称，如 households、byPovertyStatus.EXITED、met、denominator", example = "households")
            String figure,

            @Schema(description = "源系统", example = "household-service")
            String source,

            @Schema(description = "源系统的数") long sourceValue,
            @Schema(description = "统计系统的数") long reportValue) {}
}
