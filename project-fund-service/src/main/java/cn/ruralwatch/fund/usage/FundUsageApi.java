package cn.ruralwatch.fund.usage;

import cn.ruralwatch.fund.fund.SourceLevel;
import cn.ruralwatch.fund.project.ProjectStage;
import cn.ruralwatch.fund.project.ProjectType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the fund-usage (支出进度, 产业占比) endpoints. */
public final class FundUsageApi {

    private FundUsageApi() {}

    @Schema(name = "FundUsage", description = "资金使用情况：按资金来源的支出进度、项目按阶段与类型、产业发展占比、下一级区划")
    public record Usage(
            String divisionCode,
            String divisionName,
            int year,

            @Schema(description = "按资金来源（仅县级区划）：下达、已安排到项目、已拨付、支出进度")
            List<SourceUsage> bySource,

            @Schema(description = "下达资金合计（元，仅县级区划）") BigDecimal fundsTotal,
            @Schema(description = "项目合计") ProjectTotals projects,
            @Schema(description = "按项目类型") List<TypeUsage> byType,
            @Schema(description = "项目数按阶段") Map<ProjectStage, Long> projectsByStage,
            @Schema(description = "产业发展占比（仅县级区划）") IndustryShare industryShare,
            @Schema(description = "下一级区划（县 → 乡镇，乡镇 → 村）") List<ChildUsage> children) {}

    @Schema(name = "SourceUsage", description = "一个资金来源的使用情况")
    public record SourceUsage(
            SourceLevel sourceLevel,
            @Schema(description = "批次数") long batches,
            @Schema(description = "下达（元）") BigDecimal amount,
            @Schema(description = "已安排到项目（元）") BigDecimal allocated,
            @Schema(description = "已拨付（元）") BigDecimal disbursed,
            @Schema(description = "支出进度（已拨付 ÷ 下达，百分比）") BigDecimal spendingProgressPercent) {}

    @Schema(name = "ProjectTotals", description = "项目合计：批复预算、已拨付、支出进度（已拨付 ÷ 批复预算）")
    public record ProjectTotals(
            long count, BigDecimal budget, BigDecimal disbursed, BigDecimal spendingProgressPercent) {}

    @Schema(name = "TypeUsage", description = "一类项目")
    public record TypeUsage(ProjectType projectType, long count, BigDecimal budget, BigDecimal disbursed) {}

    @Schema(name = "ChildUsage", description = "下一级区划的项目资金")
    public record ChildUsage(
            String divisionCode,
            String name,
            long projects,
            BigDecimal budget,
            BigDecimal disbursed,
            BigDecimal spendingProgressPercent) {}

    @Schema(
            name = "IndustryShare",
            description = "产业发展占比 = 当年下达资金中批复给产业发展项目的预算 ÷ 当年下达资金；低于要求时 belowRequirement 为 true 并给出提醒")
    public record IndustryShare(
            @Schema(description = "产业发展项目预算（元）") BigDecimal industryBudget,
            @Schema(description = "当年下达资金（元）") BigDecimal fundsTotal,
            @Schema(description = "占比（百分比）") BigDecimal sharePercent,
            @Schema(description = "要求的最低占比（百分比）") BigDecimal requiredPercent,
            @Schema(description = "要求的来源：'' 全国，或 2 位省级代码") String requirementRegion,
            @Schema(description = "要求自哪一年起") Integer requirementFromYear,
            boolean belowRequirement,
            @Schema(description = "低于要求时的提醒") String warning) {}
}
