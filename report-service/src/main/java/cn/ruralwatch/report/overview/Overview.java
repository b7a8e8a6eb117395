package cn.ruralwatch.report.overview;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Key figures of a county, township or village, counted over its whole subtree. */
@Schema(name = "Overview", description = "区划概况：按区划及其下级统计")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Overview(
        DivisionRef division,
        @Schema(description = "所辖行政村与社区，其中贫困村、脱贫村（村级区划为空）") Villages villages,
        @Schema(description = "登记农户数（户）", example = "755") long households,
        @Schema(description = "家庭成员数（人）", example = "3144") long members,

        @Schema(description = "监测户（含已消除风险的，及此前有过监测经历的）：户数与在户人口，如“监测户35户106人”")
        MonitoredEver monitoredEver,

        @Schema(description = "已评估农户数（户）", example = "755") long evaluatedHouseholds,

        @Schema(description = "按其适用的各指标体系均全部达标的农户数（户）", example = "719")
        long householdsMeetingStandard,

        @Schema(description = "逐项指标的达标户数") List<IndicatorCount> indicators,

        @Schema(
                description = "各指标体系的评估结果依据何时的数据：评估户数与最早、最晚评估时间。已结束的指标体系（如 2020 年的）只在重新评估任务中更新，"
                        + "其结果可能早于 households、members 等当前数字")
        List<StandardEvaluations> evaluations,

        @Schema(description = "衔接资金（县级区划；市、省为所辖各县合计；乡镇、村为空）")
        Funds linkageFunds,

        @Schema(description = "到户帮扶（给出年度时）") Benefits householdBenefits,
        @Schema(description = "光伏收益及其分配（给出年度时）") PvRevenue pvRevenue,
        @Schema(description = "统计时间") Instant asOf,

        @Schema(
                description = "数字背后的农户名单（GET /api/v1/reports/households 的地址）：households、members、"
                        + "evaluatedHouseholds、householdsMeetingStandard")
        Map<String, String> lists) {

    @Schema(name = "HouseholdBenefitsSummary")
    public record Benefits(
            @Schema(description = "获得帮扶的农户数（户）") long households,
            @Schema(description = "帮扶金额合计（元；小额信贷按当年贴息计）") BigDecimal total) {}

    @Schema(name = "PvRevenueOverview", description = "区划内村级光伏电站一年的发电、收益，以及区划内已公示分配方案的分配")
    public record PvRevenue(
            @Schema(description = "电站数（座）") long stations,
            @Schema(description = "装机容量（千瓦）") BigDecimal capacityKw,
            @Schema(description = "年度发电量（千瓦时）") BigDecimal generationKwh,
            @Schema(description = "年度收益（元）") BigDecimal revenue,
            @Schema(description = "已公示的分配方案数") long plans,
            @Schema(description = "方案可分配收益（元）") BigDecimal distributable,
            @Schema(description = "公益性岗位在岗人数") long jobHolders,
            @Schema(description = "公益性岗位工资（元）") BigDecimal wages,
            @Schema(description = "小型公益事业（元）") BigDecimal works,
            @Schema(description = "其中劳务费用（元）") BigDecimal worksLabour,
            @Schema(description = "奖励补助（元）") BigDecimal rewards,
            @Schema(description = "获得奖励补助的农户数（各方案之和）") long rewardedHouseholds) {}

    @Schema(name = "DivisionRef")
    public record DivisionRef(
            @Schema(example = "450422101") String code,
            @Schema(example = "同心镇") String name,
            @Schema(example = "TOWNSHIP") String level) {}

    @Schema(name = "MonitoredEver", description = "曾纳入监测的农户：当前为监测对象（含已消除风险）或有此前的监测经历")
    public record MonitoredEver(
            @Schema(description = "户数", example = "35") long households,
            @Schema(description = "在户人口", example = "106") long people,

            @Schema(description = "其中未消除风险的户数", example = "33")
            long atRiskHouseholds,

            @Schema(description = "其中未消除风险的人口", example = "102")
            long atRiskPeople) {}

    @Schema(name = "VillageCounts", description = "所辖村级区划：行政村、社区，贫困村及其中已摘帽（出列）的脱贫村")
    public record Villages(
            @Schema(description = "行政村数", example = "22") long villages,
            @Schema(description = "社区数", example = "2") long communities,

            @Schema(description = "贫困村数（“十三五”贫困村，含已出列）", example = "5")
            long povertyVillages,

            @Schema(description = "其中已摘帽（出列）的脱贫村数", example = "3")
            long exitedPovertyVillages) {}

    @Schema(name = "StandardEvaluations", description = "一套指标体系在本区划的评估结果")
    public record StandardEvaluations(
            @Schema(example = "GUANGXI_HOUSEHOLD_2020") String standardCode,
            @Schema(description = "有结果的农户数") long households,
            @Schema(description = "最早的评估时间") Instant evaluatedFrom,
            @Schema(description = "最晚的评估时间") Instant evaluatedTo) {}

    @Schema(name = "IndicatorCount")
    public record IndicatorCount(
            @Schema(description = "指标体系编码", example = "NATIONAL_HOUSEHOLD_2021")
            String standardCode,

            @Schema(example = "BASIC_MEDICAL_INSURANCE") String indicatorCode,
            @Schema(description = "达标户数") long met,
            @Schema(description = "未达标户数") long notMet,

            @Schema(description = "未达标农户名单（indicator-service 的名单地址，含原因，按权限显示姓名）")
            String notMetList) {}

    @Schema(name = "FundsSummary")
    public record Funds(
            @Schema(description = "批次数") long batches,

            @Schema(description = "金额合计（元）", example = "42320000.00")
            BigDecimal amount,

            @Schema(description = "这些批次安排到项目的预算（元）") BigDecimal allocated,

            @Schema(description = "这些批次已拨付（元）") BigDecimal disbursed,

            @Schema(description = "支出进度（已拨付 ÷ 金额，百分比）") BigDecimal spendingProgressPercent,

            @Schema(description = "该年度的项目数（区划内，含已终止）") long projects) {}
}
