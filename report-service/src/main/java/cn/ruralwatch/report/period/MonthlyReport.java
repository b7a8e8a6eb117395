package cn.ruralwatch.report.period;

import cn.ruralwatch.report.overview.Breakdown;
import cn.ruralwatch.report.overview.Overview;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MonthlyReport", description = "月报（一月一报）：某月末的分级统计及与上月的比较")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MonthlyReport(
        @Schema(description = "月份", example = "2026-10") String period,
        @Schema(description = "取数时间") Instant takenAt,

        @Schema(description = "上月（无上月快照时为空）", example = "2026-09")
        String previousPeriod,

        @Schema(description = "上月取数时间") Instant previousTakenAt,
        @Schema(description = "本区划合计") Entry total,
        @Schema(description = "下一级各区划") List<Entry> rows) {

    @Schema(name = "MonthlyReportEntry")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(
            Overview.DivisionRef division,
            @Schema(description = "本月数") Breakdown.Row current,
            @Schema(description = "上月数") Breakdown.Row previous,

            @Schema(description = "比上月增减（本月 − 上月），按数字名称，如 households、byMonitoringCategory.EDGE_AT_RISK")
            Map<String, Long> change) {}

    @Schema(name = "MonthlySeries", description = "某区划各月末的统计（时间序列）")
    public record Series(
            Overview.DivisionRef division,
            @Schema(description = "各月数字，按月份先后；没有快照的月份不列") List<Point> points) {}

    @Schema(name = "MonthlySeriesPoint")
    public record Point(String period, Instant takenAt, Breakdown.Row figures) {}
}
