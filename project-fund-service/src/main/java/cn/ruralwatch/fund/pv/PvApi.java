package cn.ruralwatch.fund.pv;

import cn.ruralwatch.fund.rule.ShareRequirementApi;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the PV station, distribution plan and summary endpoints. */
public final class PvApi {

    private PvApi() {}

    @Schema(name = "PvStationRegistration", description = "登记一座村级光伏扶贫电站")
    public record StationRegistration(
            @Schema(description = "产权所属的行政村（12 位）", example = "420281105201")
            @NotNull
            @Pattern(regexp = "[0-9]{12}", message = "{ruralwatch.village.code}")
            String villageCode,

            @Schema(description = "电站名称", example = "向阳村村级光伏电站") @NotBlank @Size(max = 200)
            String name,

            @Schema(description = "装机容量（千瓦）", example = "300.00")
            @NotNull
            @DecimalMin("0.01")
            @Digits(integer = 8, fraction = 2)
            BigDecimal capacityKw,

            @Schema(description = "并网日期", example = "2019-06-30")
            LocalDate connectedOn,

            @Schema(description = "建设该电站的项目（如有）") UUID projectId) {}

    @Schema(name = "PvStation", description = "村级光伏扶贫电站")
    public record StationView(
            UUID id,
            String countyCode,
            String villageCode,
            String name,
            @Schema(description = "装机容量（千瓦）") BigDecimal capacityKw,
            LocalDate connectedOn,
            UUID projectId,
            String status,
            String createdBy,
            Instant createdAt) {}

    @Schema(name = "PvMonthlyOutputRequest", description = "一个月的发电量与发电收益；同月再次登记即更正")
    public record OutputRequest(
            @Schema(description = "发电量（千瓦时）", example = "31250.50")
            @NotNull
            @DecimalMin("0.00")
            @Digits(integer = 12, fraction = 2)
            BigDecimal generationKwh,

            @Schema(description = "发电收益（元）", example = "13437.72")
            @NotNull
            @DecimalMin("0.00")
            @Digits(integer = 12, fraction = 2)
            BigDecimal revenue) {}

    @Schema(name = "PvMonthlyOutput", description = "电站一个月的发电量与收益")
    public record OutputView(
            UUID stationId,
            int year,
            int month,
            BigDecimal generationKwh,
            BigDecimal revenue,
            String recordedBy,
            Instant recordedAt) {}

    @Schema(name = "PvDistributionPlanRequest", description = "一个村或乡镇一个年度的光伏收益分配方案：公益性岗位、小型公益事业、奖励补助；不得简单发钱")
    public record PlanRequest(
            @Schema(description = "方案所属区划：行政村（12 位）或乡镇（9 位，覆盖辖内各村的电站）", example = "420281105")
            @NotNull
            @Pattern(regexp = "[0-9]{9}|[0-9]{12}", message = "{ruralwatch.township-or-village.code}")
            String divisionCode,

            @Schema(description = "年度", example = "2023") @NotNull @Min(2014) @Max(2100)
            Integer year,

            @Schema(description = "可分配收益（元）", example = "160000.00")
            @NotNull
            @DecimalMin("0.01")
            @Digits(integer = 12, fraction = 2)
            BigDecimal distributable,

            @Schema(description = "方案文号", example = "大冶保安〔2023〕12号") @Size(max = 100)
            String documentNumber,

            @Schema(description = "说明") @Size(max = 2000) String note,

            @Schema(description = "公益性岗位") @NotNull @Size(max = 200)
            List<@Valid @NotNull JobRequest> jobs,

            @Schema(description = "小型公益事业") @Size(max = 200) List<@Valid @NotNull WorksRequest> works,

            @Schema(description = "奖励补助（须写明奖励依据和受奖农户）") @Size(max = 200)
            List<@Valid @NotNull RewardRequest> rewards) {}

    @Schema(name = "PvJob", description = "一类公益性岗位及其在岗人员")
    public record JobRequest(
            @Schema(description = "岗位名称", example = "村庄保洁员") @NotBlank @Size(max = 100)
            String title,

            @Schema(description = "岗位所在行政村", example = "420281105201")
            @NotNull
            @Pattern(regexp = "[0-9]{12}", message = "{ruralwatch.village.code}")
            String villageCode,

            @Schema(description = "在岗人员") @NotNull @Size(min = 1, max = 500)
            List<@Valid @NotNull HolderRequest> holders) {}

    @Schema(name = "PvJobHolder", description = "在岗人员：家庭成员、月工资、在岗月数")
    public record HolderRequest(
            @Schema(description = "家庭成员") @NotNull UUID memberId,

            @Schema(description = "月工资（元）", example = "650.00")
            @NotNull
            @DecimalMin("0.01")
            @Digits(integer = 8, fraction = 2)
            BigDecimal monthlyWage,

            @Schema(description = "在岗月数", example = "12") @NotNull @Min(1) @Max(12)
            Integer months) {}

    @Schema(name = "PvSmallWorks", description = "一项小型公益事业")
    public record WorksRequest(
            @Schema(description = "名称", example = "村内排水沟清淤") @NotBlank @Size(max = 200)
            String name,

            @Schema(description = "所在行政村", example = "420281105201")
            @NotNull
            @Pattern(regexp = "[0-9]{12}", message = "{ruralwatch.village.code}")
            String villageCode,

            @Schema(description = "金额（元）", example = "44000.00")
            @NotNull
            @DecimalMin("0.01")
            @Digits(integer = 12, fraction = 2)
            BigDecimal amount,

            @Schema(description = "其中支付给参与劳动农户的劳务费用（元）", example = "12000.00")
            @NotNull
            @DecimalMin("0.00")
            @Digits(integer = 12, fraction = 2)
            BigDecimal labourAmount) {}

    @Schema(name = "PvReward", description = "一项奖励补助：奖励什么、奖给谁")
    public record RewardRequest(
            @Schema(description = "名称", example = "人居环境整治先进户奖励") @NotBlank @Size(max = 200)
            String name,

            @Schema(description = "奖励依据：受奖农户做了什么（不得无条件发放）", example = "参加村内人居环境整治评比，获评先进户") @NotBlank @Size(max = 500)
            String basis,

            @Schema(description = "受奖农户及金额") @NotNull @Size(min = 1, max = 2000)
            List<@Valid @NotNull RecipientRequest> recipients) {}

    @Schema(name = "PvRewardRecipient", description = "受奖农户及金额")
    public record RecipientRequest(
            @NotNull UUID householdId,

            @Schema(description = "金额（元）", example = "200.00")
            @NotNull
            @DecimalMin("0.01")
            @Digits(integer = 8, fraction = 2)
            BigDecimal amount) {}

    @Schema(name = "PvPlanPublication", description = "公示方案")
    public record Publication(
            @Schema(description = "公示日期", example = "2023-03-15") @NotNull
            LocalDate publishedOn,

            @Schema(description = "方案文号", example = "大冶保安〔2023〕12号") @Size(max = 100)
            String documentNumber) {}

    @Schema(name = "PvDistributionPlan", description = "光伏收益分配方案及其合规检查")
    public record PlanView(
            UUID id,
            String countyCode,
            String divisionCode,
            int year,
            @Schema(description = "可分配收益（元）") BigDecimal distributable,
            PvDistributionPlan.Status status,
            LocalDate publishedOn,
            String documentNumber,
            String note,
            List<PvDistributionPlan.Job> jobs,
            List<PvDistributionPlan.Works> works,
            List<PvDistributionPlan.Reward> rewards,
            Totals totals,
            long version,
            String createdBy,
            Instant createdAt,
            String updatedBy,
            Instant updatedAt) {}

    @Schema(name = "PvPlanTotals", description = "方案合计与合规检查")
    public record Totals(
            @Schema(description = "公益性岗位数（在岗人数）") int jobHolders,
            @Schema(description = "岗位工资合计（元）") BigDecimal wages,
            @Schema(description = "小型公益事业合计（元）") BigDecimal works,
            @Schema(description = "其中劳务费用（元）") BigDecimal worksLabour,
            @Schema(description = "奖励补助合计（元）") BigDecimal rewards,
            @Schema(description = "已安排合计（元）") BigDecimal allocated,
            @Schema(description = "未安排（元）") BigDecimal unallocated,

            @Schema(description = "用于岗位工资和劳务费用的占比（百分比，占可分配收益）")
            BigDecimal wagesAndLabourPercent,

            @Schema(description = "适用的最低占比要求") ShareRequirementApi.Requirement requirement) {}

    @Schema(name = "PvRevenueSummary", description = "一个区划一个年度的光伏收益公示汇总：电站、发电、收益与分配")
    public record Summary(
            String divisionCode,
            String divisionName,
            int year,
            List<StationYear> stations,
            @Schema(description = "装机容量合计（千瓦）") BigDecimal capacityKw,
            @Schema(description = "发电量合计（千瓦时）") BigDecimal generationKwh,
            @Schema(description = "发电收益合计（元）") BigDecimal revenue,
            List<PlanLine> plans,
            @Schema(description = "各方案可分配收益合计（元）") BigDecimal distributable,
            @Schema(description = "公益性岗位在岗人数") int jobHolders,
            @Schema(description = "岗位工资合计（元）") BigDecimal wages,
            @Schema(description = "小型公益事业合计（元）") BigDecimal works,
            @Schema(description = "其中劳务费用（元）") BigDecimal worksLabour,
            @Schema(description = "奖励补助合计（元）") BigDecimal rewards,
            @Schema(description = "用于岗位工资和劳务费用的占比（百分比）") BigDecimal wagesAndLabourPercent) {}

    @Schema(name = "PvStationYear", description = "一座电站一年的发电与收益")
    public record StationYear(
            UUID stationId,
            String name,
            String villageCode,
            BigDecimal capacityKw,
            @Schema(description = "已登记的月数") int monthsRecorded,
            BigDecimal generationKwh,
            BigDecimal revenue) {}

    @Schema(name = "PvPlanLine", description = "汇总中的一个方案")
    public record PlanLine(
            UUID planId,
            String divisionCode,
            PvDistributionPlan.Status status,
            LocalDate publishedOn,
            BigDecimal distributable,
            int jobHolders,
            BigDecimal wages,
            BigDecimal works,
            BigDecimal worksLabour,
            BigDecimal rewards,
            BigDecimal wagesAndLabourPercent) {}
}
