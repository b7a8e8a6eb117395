package cn.ruralwatch.household.clue;

import cn.ruralwatch.household.household.RiskType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of warning clues. */
public final class ClueApi {

    private ClueApi() {}

    @Schema(
            name = "ClueReport",
            description = "报送一条预警线索。用 householdId 或身份证号指明农户；都没有时必须填写所在行政村（线索待关联农户）。" + "同一来源、同一部门的同一 externalRef 只记一次")
    public record Report(
            @Schema(description = "来源：SELF_REPORT 农户自主申报（含 12317），CADRE_VISIT 干部排查，DEPARTMENT 部门筛查预警") @NotNull
            ClueSource source,

            @Schema(description = "报送部门", example = "县医疗保障局") @Size(max = 50)
            String department,

            @Schema(description = "报送方自己的编号，用于去重", example = "YB-2026-000123") @Size(max = 100)
            String externalRef,

            @Schema(description = "农户") UUID householdId,

            @Schema(description = "涉及人员的身份证号（加密存储，用于关联农户）", example = "450422199001011234")
            @Pattern(regexp = "[0-9]{17}[0-9Xx]", message = "{ruralwatch.id-number.format}")
            String idNumber,

            @Schema(description = "所在行政村（未能关联农户时必填）", example = "450422101201")
            @Pattern(regexp = "[0-9]{12}", message = "{ruralwatch.village-code}")
            String villageCode,

            @Schema(description = "风险类型") @NotEmpty @Size(max = 10)
            List<@NotNull RiskType> riskTypes,

            @Schema(description = "线索内容", example = "年度医疗自付费用 3.2 万元，超过预警线") @NotBlank @Size(max = 1000)
            String description,

            @Schema(description = "发现或报送日期（不能晚于今天）") @NotNull
            LocalDate reportedOn,

            @Schema(description = "在哪次集中排查中发现（可选）：线索所在行政村须在其区划内，报送日期须在其期间内")
            UUID campaignId) {}

    @Schema(name = "ClueTriage", description = "研判线索：DISMISS 排除（须说明理由），LINK 关联到农户。转入识别请启动识别案件并列出线索")
    public record Triage(
            @Schema(description = "DISMISS 或 LINK") @NotNull Decision decision,
            @Schema(description = "关联的农户（LINK）") UUID householdId,

            @Schema(description = "研判意见", example = "核实后收入稳定，医疗费用已由大病保险报销") @Size(max = 500)
            String note) {}

    /** What triage decides. */
    @Schema(name = "ClueDecision", description = "预警线索研判结论")
    public enum Decision {
        DISMISS,
        LINK
    }

    @Schema(name = "WarningClue", description = "预警线索")
    public record ClueView(
            UUID id,
            ClueSource source,
            String department,
            String externalRef,
            UUID householdId,
            String villageCode,

            @Schema(description = "涉及人员的身份证号，脱敏时如 450422********123X")
            String idNumber,

            List<String> riskTypes,
            String description,
            LocalDate reportedOn,
            Instant receivedAt,

            @Schema(description = "NEW 待研判，DUPLICATE 重复，DISMISSED 已排除，ESCALATED 已转入识别")
            ClueStatus status,

            @Schema(description = "重复时，与之重复的线索") UUID duplicateOf,
            String triageNote,
            String triagedBy,
            Instant triagedAt,
            @Schema(description = "转入的识别案件") UUID caseId,
            @Schema(description = "发现它的集中排查") UUID campaignId,
            String recordedBy,
            long version) {}

    /**
     * {@code warning-clue.reported.v1} on {@code clue-intake}: a clue sent by another government system (医保, 民政, 教育,
     * 住建, 水利, 应急, 人社), as a CloudEvent whose {@code ce_source} names the system.
     */
    public record Intake(
            String externalRef,
            String department,
            String idNumber,
            String villageCode,
            List<String> riskTypes,
            String description,
            LocalDate reportedOn) {}
}
