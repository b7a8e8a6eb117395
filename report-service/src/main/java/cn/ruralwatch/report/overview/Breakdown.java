package cn.ruralwatch.report.overview;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A division's household figures and those of each division one level down. */
@Schema(name = "Breakdown", description = "区划及其下一级各区划的农户统计（县 → 乡镇，乡镇 → 村）")
public record Breakdown(
        @Schema(description = "本区划合计") Row total,
        @Schema(description = "下一级各区划（村没有下一级）") List<Row> rows) {

    @Schema(name = "BreakdownRow")
    public record Row(
            Overview.DivisionRef division,
            @Schema(description = "在册农户数（户）") long households,
            @Schema(description = "在户人口（人）") long members,

            @Schema(description = "按贫困状态的户数：NOT_POOR 一般农户、NOT_EXITED 未脱贫、PLANNED_EXIT 预脱贫、EXITED 已脱贫")
            Map<String, Long> byPovertyStatus,

            @Schema(description = "监测对象户数") long monitoredHouseholds,

            @Schema(description = "按监测类别的户数：UNSTABLE_EXITED 脱贫不稳定户、EDGE_AT_RISK 边缘易致贫户、SUDDEN_HARDSHIP 突发严重困难户")
            Map<String, Long> byMonitoringCategory,

            @Schema(description = "风险未消除的监测户数") long atRiskHouseholds,
            @Schema(description = "已评估农户数") long evaluatedHouseholds,
            @Schema(description = "按适用指标体系全部达标的户数") long householdsMeetingStandard,

            @Schema(description = "外出务工人数：脱贫户（建档立卡户）和监测户在户成员中外出务工的（一月一报）", example = "355")
            long migrantWorkers,

            @Schema(
                    description = "每个数字背后的农户名单（GET /api/v1/reports/households 的地址），按数字名称，"
                            + "如 households、byMonitoringCategory.EDGE_AT_RISK；月报快照中不含")
            @JsonInclude(JsonInclude.Include.NON_NULL)
            Map<String, String> lists) {

        /** The row with the list behind each of its figures. */
        public Row withLists() {
            Map<String, String> paths = HouseholdList.lists(division.code());
            return new Row(
                    division,
                    households,
                    members,
                    byPovertyStatus,
                    monitoredHouseholds,
                    byMonitoringCategory,
                    atRiskHouseholds,
                    evaluatedHouseholds,
                    householdsMeetingStandard,
                    migrantWorkers,
                    paths);
        }

        /** The figures by name (byPovertyStatus.EXITED, households…), as reconciliation and comparisons use them. */
        public Map<String, Long> figures() {
            Map<String, Long> figures = new TreeMap<>();
            figures.put("households", households);
            figures.put("members", members);
            byPovertyStatus.forEach((status, count) -> figures.put("byPovertyStatus." + status, count));
            figures.put("monitoredHouseholds", monitoredHouseholds);
            byMonitoringCategory.forEach((category, count) -> figures.put("byMonitoringCategory." + category, count));
            figures.put("atRiskHouseholds", atRiskHouseholds);
            figures.put("evaluatedHouseholds", evaluatedHouseholds);
            figures.put("householdsMeetingStandard", householdsMeetingStandard);
            figures.put("migrantWorkers", migrantWorkers);
            return figures;
        }
    }
}
