package cn.ruralwatch.household.rectification;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of rectification (问题整改): the problems, their closure, the overdue list, the summary. */
public final class RectificationApi {

    private RectificationApi() {}

    @Schema(name = "RectificationRequest", description = "认领一个整改问题")
    public record RectificationRequest(
            @Schema(description = "认领问题的县（6 位）、乡镇（9 位）或行政村（12 位），须在本人辖区内", example = "450422101")
            @NotNull
            @Pattern(regexp = "[0-9]{6}|[0-9]{9}|[0-9]{12}", message = "{ruralwatch.rectification.region-code}")
            String regionCode,

            @Schema(
                    description = "来源：PROVINCIAL_POST_ASSESSMENT 省级后评估，NATIONAL_POST_ASSESSMENT 国家后评估（考核评估），"
                            + "SPECIAL_CAMPAIGN 专项行动（专项整治），INSPECTION 督查（含驻村工作队督查），INSPECTION_TOUR 巡视巡察，"
                            + "SELF_CHECK 自查自纠")
            @NotNull
            RectificationSource source,

            @Schema(description = "反馈问题的文件文号", example = "冶农组发〔2023〕2号") @NotBlank @Size(max = 100)
            String sourceDocument,

            @Schema(description = "所属方面（可空），汇总时计“认领几个方面”", example = "“三保障”和饮水安全") @Size(max = 100)
            String aspect,

            @Schema(description = "问题描述", example = "部分监测户帮扶措施针对性不强") @NotBlank @Size(max = 1000)
            String description,

            @Schema(description = "责任单位", example = "镇乡村振兴办公室") @NotBlank @Size(max = 100)
            String ownerUnit,

            @Schema(description = "责任人（可空）", example = "王某") @Size(max = 50)
            String ownerPerson,

            @Schema(description = "认领（反馈）日期，不能晚于今天", example = "2023-05-10") @NotNull
            LocalDate foundOn,

            @Schema(description = "整改时限，不能早于认领日期", example = "2023-06-30") @NotNull
            LocalDate deadline,

            @Schema(description = "整改措施（可空）", example = "逐户核实，调整帮扶措施") @Size(max = 2000)
            String measures,

            @Schema(description = "来自的驻村工作队督查（可空）；填写时来源须是 INSPECTION，督查的村须在认领区划内")
            UUID inspectionId) {}

    @Schema(name = "RectificationUpdate", description = "修改整改问题（整体替换；完成整改用 closure）")
    public record RectificationUpdate(
            @Schema(description = "所属方面", example = "“三保障”和饮水安全") @Size(max = 100)
            String aspect,

            @Schema(description = "问题描述", example = "部分监测户帮扶措施针对性不强") @NotBlank @Size(max = 1000)
            String description,

            @Schema(description = "责任单位", example = "镇乡村振兴办公室") @NotBlank @Size(max = 100)
            String ownerUnit,

            @Schema(description = "责任人", example = "王某") @Size(max = 50)
            String ownerPerson,

            @Schema(description = "整改时限，不能早于认领日期", example = "2023-07-31") @NotNull
            LocalDate deadline,

            @Schema(description = "整改措施", example = "逐户核实，调整帮扶措施") @Size(max = 2000)
            String measures,

            @Schema(description = "OPEN 未整改，IN_PROGRESS 整改中；完成整改须凭佐证材料 POST …/closure") @NotNull
            RectificationStatus status) {}

    @Schema(name = "RectificationClosure", description = "完成整改（销号）：须有佐证材料")
    public record ClosureRequest(
            @Schema(description = "完成整改日期：不早于认领日期，不晚于今天", example = "2023-06-20") @NotNull
            LocalDate rectifiedOn,

            @Schema(description = "佐证材料：整改了什么、凭什么", example = "已逐户核实 35 户监测户，调整帮扶措施 12 项，见镇整改台账")
            @NotBlank
            @Size(max = 2000)
            String evidence) {}

    @Schema(name = "Rectification", description = "整改问题")
    public record RectificationView(
            UUID id,
            String regionCode,
            String regionName,
            RectificationSource source,
            @Schema(description = "来源的中文名") String sourceLabel,
            @Schema(description = "文号") String sourceDocument,
            @Schema(description = "所属方面") String aspect,
            String description,
            @Schema(description = "责任单位") String ownerUnit,
            @Schema(description = "责任人") String ownerPerson,
            @Schema(description = "认领日期") LocalDate foundOn,
            @Schema(description = "整改时限") LocalDate deadline,
            @Schema(description = "整改措施") String measures,
            RectificationStatus status,
            @Schema(description = "状态的中文名") String statusLabel,
            @Schema(description = "佐证材料") String evidence,
            @Schema(description = "完成整改日期") LocalDate rectifiedOn,
            @Schema(description = "今天已过整改时限而未完成整改") boolean overdue,
            @Schema(description = "来自的驻村工作队督查") UUID inspectionId,
            String registeredBy,
            Instant registeredAt,
            Instant updatedAt,
            long version) {}

    @Schema(name = "OverdueRectification", description = "逾期未完成整改的问题")
    public record OverdueItem(
            UUID id,
            String regionCode,
            String regionName,
            RectificationSource source,
            String sourceLabel,
            String sourceDocument,
            String description,
            String ownerUnit,
            String ownerPerson,
            LocalDate deadline,
            RectificationStatus status,
            @Schema(description = "逾期天数（截至 asOf）") int daysOverdue) {}

    @Schema(name = "RectificationSourceCount", description = "一种来源的整改问题")
    public record SourceCount(
            RectificationSource source,
            String sourceLabel,
            @Schema(description = "文件数（不同文号）") long documents,
            @Schema(description = "方面数（不同的所属方面）") long aspects,
            @Schema(description = "认领的问题数") long problems,
            @Schema(description = "未整改") long open,
            @Schema(description = "整改中") long inProgress,
            @Schema(description = "已完成整改") long rectified,
            @Schema(description = "截至 asOf 逾期未完成整改") long overdue) {}

    @Schema(name = "RectificationSummary", description = "区划期间认领的整改问题：按来源的个数和状态，及工作汇报用的一句话")
    public record Summary(
            String regionCode,
            String regionName,
            @Schema(description = "认领日期起（含）") LocalDate from,
            @Schema(description = "认领日期止（含）") LocalDate to,
            @Schema(description = "状态和逾期截至的日期（今天）") LocalDate asOf,
            List<SourceCount> sources,
            @Schema(description = "合计") SourceCount total,

            @Schema(description = "工作汇报用语，如：省级后评估认领3个方面13个问题，均已完成整改；国家后评估认领9个问题，均已完成整改。")
            String text) {}
}
