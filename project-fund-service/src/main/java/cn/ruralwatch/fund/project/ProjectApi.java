package cn.ruralwatch.fund.project;

import cn.ruralwatch.fund.fund.SourceLevel;
import cn.ruralwatch.http.Attachment;
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

/** Request and response bodies of the project endpoints. */
public final class ProjectApi {

    private ProjectApi() {}

    @Schema(name = "ProjectRegistration", description = "项目入库（项目库）")
    public record Registration(
            @Schema(description = "实施地：行政村（12 位）、乡镇（9 位）或县（6 位）区划代码", example = "450422101201")
            @NotBlank
            @Pattern(regexp = "[0-9]{6}|[0-9]{9}|[0-9]{12}", message = "{ruralwatch.division.code}")
            String divisionCode,

            @Schema(description = "项目名称", example = "凤阁村百香果种植基地") @NotBlank @Size(max = 200)
            String name,

            @Schema(
                    description =
                            "项目类型：INDUSTRY 产业发展、INFRASTRUCTURE 基础设施、EMPLOYMENT 就业、EDUCATION 教育、HOUSING 住房、DRINKING_WATER 饮水、VILLAGE_ENVIRONMENT 人居环境、OTHER 其他",
                    example = "INDUSTRY")
            @NotNull
            ProjectType projectType,

            @Schema(description = "项目年度", example = "2023") @NotNull @Min(2013) @Max(2100)
            Integer year,

            @Schema(description = "计划投资（元）", example = "365500.00")
            @NotNull
            @DecimalMin("0.00")
            @Digits(integer = 14, fraction = 2)
            BigDecimal plannedInvestment,

            @Schema(description = "建设内容", example = "屯级道路硬化 0.85 公里") @Size(max = 2000)
            String description,

            @Schema(description = "绩效目标") @Size(max = 30) List<@Valid @NotNull TargetRequest> performanceTargets) {}

    @Schema(name = "PerformanceTargetRequest", description = "绩效目标")
    public record TargetRequest(
            @Schema(description = "指标名称", example = "带动脱贫户") @NotBlank @Size(max = 100)
            String name,

            @Schema(description = "单位", example = "户") @NotBlank @Size(max = 20)
            String unit,

            @Schema(description = "目标值", example = "23") @NotNull @Digits(integer = 14, fraction = 2)
            BigDecimal target) {}

    @Schema(name = "ProjectStepRequest", description = "项目全周期中的一步")
    public record StepRequest(
            @Schema(
                    description =
                            "动作：APPLY 申报、REVIEW 审核、RETURN 退回、APPROVE 批复、START 开工、REPORT_PROGRESS 报告进度、COMPLETE 完工、ACCEPT 验收、REGISTER_ASSETS 资产确权、ADJUST 调整、TERMINATE 终止",
                    example = "APPROVE")
            @NotNull
            ProjectAction action,

            @Schema(description = "办理日期", example = "2023-04-12") @NotNull
            LocalDate performedOn,

            @Schema(description = "说明（退回、调整、终止时必填）", example = "县级论证通过") @Size(max = 2000)
            String note,

            @Schema(description = "文号（批复时必填）", example = "藤乡振发〔2023〕12号") @Size(max = 100)
            String documentNumber,

            @Schema(description = "附件元数据（会议记录、公示照片、批复文件、验收报告……）") @Size(max = 20)
            List<@Valid @NotNull Attachment> attachments,

            @Schema(description = "预算与资金来源（批复、调整时必填）：每个资金批次出多少") @Size(max = 20)
            List<@Valid @NotNull BudgetRequest> budget,

            @Schema(description = "形象进度（百分比，报告进度时必填）", example = "60") @Min(0) @Max(100)
            Integer progressPercent,

            @Schema(description = "绩效目标完成值（按目标名称）") @Size(max = 30)
            List<@Valid @NotNull ActualRequest> actuals,

            @Schema(description = "确权的资产（资产确权时必填）") @Size(max = 100)
            List<@Valid @NotNull AssetRequest> assets) {}

    @Schema(name = "BudgetLineRequest", description = "一个资金批次承担的预算")
    public record BudgetRequest(
            @Schema(description = "资金批次") @NotNull UUID batchId,

            @Schema(description = "预算（元）", example = "365500.00")
            @NotNull
            @DecimalMin("0.00")
            @Digits(integer = 14, fraction = 2)
            BigDecimal amount) {}

    @Schema(name = "PerformanceActual", description = "绩效目标完成值")
    public record ActualRequest(
            @Schema(description = "指标名称", example = "带动脱贫户") @NotBlank @Size(max = 100)
            String name,

            @Schema(description = "完成值", example = "23") @NotNull @Digits(integer = 14, fraction = 2)
            BigDecimal actual) {}

    @Schema(name = "AssetRequest", description = "资产确权：类别、权属、价值")
    public record AssetRequest(
            @Schema(description = "资产名称", example = "凤阁村屯级道路") @NotBlank @Size(max = 200)
            String name,

            @Schema(description = "类别：OPERATING 经营性、PUBLIC_WELFARE 公益性、HOUSEHOLD 到户类", example = "PUBLIC_WELFARE")
            @NotNull
            AssetClass assetClass,

            @Schema(
                    description = "权属：VILLAGE_COLLECTIVE 村集体、TOWNSHIP 乡镇、COUNTY 县、HOUSEHOLD 农户",
                    example = "VILLAGE_COLLECTIVE")
            @NotNull
            OwnerType ownerType,

            @Schema(description = "所有者区划（村集体、乡镇、县时必填）", example = "450422101201")
            @Pattern(regexp = "[0-9]{6}|[0-9]{9}|[0-9]{12}", message = "{ruralwatch.division.code}")
            String ownerDivisionCode,

            @Schema(description = "所有者农户（到户类资产必填）") UUID ownerHouseholdId,

            @Schema(description = "资产价值（元）", example = "365500.00")
            @NotNull
            @DecimalMin("0.00")
            @Digits(integer = 14, fraction = 2)
            BigDecimal value) {}

    @Schema(name = "ProjectBeneficiaries", description = "联农带农受益户（整体替换）")
    public record BeneficiariesRequest(
            @Schema(description = "受益户") @NotNull @Size(max = 5000)
            List<@Valid @NotNull BeneficiaryRequest> households) {}

    @Schema(name = "ProjectBeneficiary", description = "受益户及带动方式")
    public record BeneficiaryRequest(
            @Schema(description = "农户") @NotNull UUID householdId,

            @Schema(
                    description = "带动方式：EMPLOYMENT 务工、DIVIDEND 分红、PURCHASE 订单收购、LAND_LEASE 土地流转、TRAINING 技能培训、OTHER 其他",
                    example = "DIVIDEND")
            @NotNull
            Linkage linkage) {}

    /** How a project benefits a household 联农带农方式. */
    @Schema(name = "FarmerLinkageMode", description = "联农带农方式")
    public enum Linkage {
        EMPLOYMENT,
        DIVIDEND,
        PURCHASE,
        LAND_LEASE,
        TRAINING,
        OTHER
    }

    @Schema(name = "Project", description = "项目")
    public record ProjectView(
            UUID id,
            String countyCode,
            @Schema(description = "实施地区划代码") String divisionCode,
            String name,
            ProjectType projectType,
            int year,
            @Schema(description = "阶段") ProjectStage stage,
            @Schema(description = "当前阶段可办理的动作") List<ProjectAction> allowedActions,
            String description,
            @Schema(description = "计划投资（元）") BigDecimal plannedInvestment,
            @Schema(description = "批复预算合计（元）") BigDecimal budget,
            @Schema(description = "已拨付合计（元）") BigDecimal disbursed,

            @Schema(description = "支出进度（已拨付 ÷ 批复预算，百分比，两位小数；未批复时为空）")
            BigDecimal spendingProgressPercent,

            @Schema(description = "形象进度（百分比）") int progressPercent,
            @Schema(description = "预算与资金来源") List<BudgetLineView> budgetLines,
            @Schema(description = "绩效目标") List<Project.PerformanceTarget> performanceTargets,
            @Schema(description = "联农带农受益户数") int beneficiaryHouseholds,
            long version,
            Instant createdAt,
            Instant updatedAt) {}

    @Schema(name = "ProjectBudgetLine", description = "一个资金批次承担的预算及拨付")
    public record BudgetLineView(
            UUID batchId,
            SourceLevel sourceLevel,
            int batchYear,
            int batchNumber,
            @Schema(description = "批复预算（元）") BigDecimal amount,
            @Schema(description = "已拨付（元）") BigDecimal disbursed,
            @Schema(description = "可拨付余额（元）") BigDecimal remaining) {}

    @Schema(name = "ProjectStep", description = "项目全周期中已办理的一步")
    public record StepView(
            long id,
            ProjectAction action,
            ProjectStage fromStage,
            ProjectStage toStage,
            @Schema(description = "办理人") String actor,
            LocalDate performedOn,
            Instant recordedAt,
            String note,
            String documentNumber,
            List<Attachment> attachments,

            @Schema(description = "本步的变化（批复或调整的预算、进度、确权资产……）")
            Object details) {}

    @Schema(name = "ProjectBeneficiaryView", description = "受益户")
    public record BeneficiaryView(UUID householdId, String villageCode, Linkage linkage) {}
}
