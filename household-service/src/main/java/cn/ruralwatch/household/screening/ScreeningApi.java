package cn.ruralwatch.household.screening;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of screening campaigns (集中排查) and screening statistics (预警线索摸排). */
public final class ScreeningApi {

    private ScreeningApi() {}

    @Schema(name = "ScreeningCampaignRequest", description = "登记一次集中排查：排查的乡镇或县、名称、起止日期、排查户数")
    public record CampaignRequest(
            @Schema(description = "排查的乡镇（9 位）或县（6 位）区划代码，须在本人辖区内", example = "450422101")
            @NotNull
            @Pattern(regexp = "[0-9]{6}|[0-9]{9}", message = "{ruralwatch.screening.region-code}")
            String regionCode,

            @Schema(description = "名称", example = "2023年5月集中排查") @NotBlank @Size(max = 100)
            String name,

            @Schema(description = "开始日期（不能晚于今天）", example = "2023-05-01") @NotNull
            LocalDate startsOn,

            @Schema(description = "结束日期（不能早于开始日期，可为计划结束日期）", example = "2023-05-31") @NotNull
            LocalDate endsOn,

            @Schema(description = "工作汇报所报的排查户数", example = "8892") @NotNull @PositiveOrZero
            Integer householdsCovered,

            @Schema(description = "备注", example = "全镇22个村农村户籍人口全面摸排") @Size(max = 1000)
            String note) {}

    @Schema(name = "ScreeningCampaignClosure", description = "结束集中排查，可同时更正排查户数")
    public record ClosureRequest(
            @Schema(description = "结束日期（不早于开始日期，不晚于今天）", example = "2023-05-31") @NotNull
            LocalDate closedOn,

            @Schema(description = "最终排查户数；为空时保持登记时的户数", example = "8892") @PositiveOrZero
            Integer householdsCovered) {}

    @Schema(name = "ScreeningCampaign", description = "集中排查")
    public record CampaignView(
            UUID id,
            @Schema(description = "排查的乡镇或县") String regionCode,
            @Schema(description = "区划名称") String regionName,
            String name,
            LocalDate startsOn,
            LocalDate endsOn,
            @Schema(description = "工作汇报所报的排查户数") int householdsCovered,

            @Schema(description = "登记时该区划在册的农业户（户主为农业户籍、未合户或解散）数，由数据计算")
            int registeredHouseholds,

            String note,
            @Schema(description = "OPEN 进行中，CLOSED 已结束") CampaignStatus status,
            LocalDate closedOn,
            String createdBy,
            Instant createdAt,
            String closedBy,
            long version) {}

    @Schema(name = "HouseholdsAndPeople", description = "户数与人数")
    public record Count(
            @Schema(description = "户") long households,
            @Schema(description = "人") long people) {}

    @Schema(
            name = "IdentifiedByCategory",
            description = "按监测对象类别的户数和人数：UNSTABLE_EXITED 脱贫不稳定户，EDGE_AT_RISK 边缘易致贫户，SUDDEN_HARDSHIP 突发严重困难户。"
                    + "人数为县级审定时（或风险消除审定时）农户的在户成员数；此前录入的经历没有审定记录，按现在的在户成员数")
    public record ByCategory(
            @Schema(description = "合计") Count total,
            @Schema(description = "各类别，三类都列出（没有时为 0）") Map<String, Count> byCategory) {}

    @Schema(name = "ScreeningCampaignResults", description = "一次集中排查的结果")
    public record CampaignResults(
            UUID campaignId,
            String regionCode,
            String name,
            LocalDate startsOn,
            LocalDate endsOn,
            CampaignStatus status,
            @Schema(description = "工作汇报所报的排查户数") int householdsCovered,
            @Schema(description = "登记时在册的农业户数") int registeredHouseholds,
            @Schema(description = "排查户数减在册农业户数") int coveredMinusRegistered,
            @Schema(description = "本次排查录入的预警线索数") long cluesFound,

            @Schema(description = "线索现状：NEW 待研判，DUPLICATE 重复，DISMISSED 排除，ESCALATED 转入识别")
            Map<String, Long> cluesByStatus,

            @Schema(description = "由本次排查的线索启动、仍在审核中的识别案件数") long identificationsUnderReview,
            @Schema(description = "由本次排查的线索识别（县级审定同意）的监测对象") ByCategory identified) {}

    @Schema(name = "ScreeningStatistics", description = "一个区划一段时间的预警线索摸排与识别、风险消除情况")
    public record Statistics(
            @Schema(description = "区划代码") String region,
            LocalDate from,
            LocalDate to,

            @Schema(description = "期间发现或报送（reportedOn）的预警线索数")
            long cluesReceived,

            @Schema(description = "按来源：SELF_REPORT, CADRE_VISIT, DEPARTMENT, INDICATOR_ALERT")
            Map<String, Long> cluesBySource,

            @Schema(description = "其中集中排查中发现的") long cluesFromCampaigns,
            @Schema(description = "期间研判（含转入识别）的线索数") long cluesScreened,

            @Schema(description = "按研判结果：DISMISSED 排除，ESCALATED 转入识别，LINKED 已关联农户待识别")
            Map<String, Long> cluesScreenedByOutcome,

            @Schema(description = "期间县级审定、由预警线索识别的监测对象") ByCategory identifiedFromClues,
            @Schema(description = "其中由集中排查的线索识别的") ByCategory identifiedFromCampaigns,
            @Schema(description = "其中由日常排查（集中排查以外）的线索识别的") ByCategory identifiedFromRoutineScreening,

            @Schema(description = "期间识别纳入的全部监测对象（含未经线索直接启动识别、此前录入的经历）")
            ByCategory identified,

            @Schema(description = "期间风险消除的监测对象") ByCategory riskEliminated) {}
}
