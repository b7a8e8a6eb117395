package cn.ruralwatch.household.monitoring;

import cn.ruralwatch.household.household.MonitoringCategory;
import cn.ruralwatch.household.household.RiskType;
import cn.ruralwatch.http.Attachment;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of monitoring cases. */
public final class CaseApi {

    private CaseApi() {}

    @Schema(name = "IdentificationRequest", description = "启动识别纳入监测对象的审核流程")
    public record IdentificationRequest(
            @Schema(description = "拟识别类别：UNSTABLE_EXITED 脱贫不稳定户，EDGE_AT_RISK 边缘易致贫户，SUDDEN_HARDSHIP 突发严重困难户") @NotNull
            MonitoringCategory category,

            @Schema(description = "风险类型") @NotEmpty @Size(max = 10)
            List<@NotNull RiskType> riskTypes,

            @Schema(description = "转入识别的预警线索（须是本户待研判的线索）") @Size(max = 50)
            List<@NotNull UUID> clueIds,

            @Schema(description = "启动原因", example = "部门预警：医疗自付费用高") @Size(max = 500)
            String reason) {}

    @Schema(name = "EliminationRequest", description = "启动风险消除的审核流程；不满足风险消除条件时拒绝并列出原因")
    public record EliminationRequest(
            @Schema(description = "启动原因", example = "务工收入稳定，帮扶措施已见效") @Size(max = 500)
            String reason) {}

    @Schema(name = "StepRequest", description = "记录审核流程的下一个环节，须按顺序：入户核实 → 承诺授权 → 数据比对 → 民主评议 → 村级公示 → 乡镇审核 → 县级审定")
    public record StepRequest(
            @Schema(
                    description =
                            "环节：HOME_VERIFICATION, COMMITMENT, DATA_CROSS_CHECK, DEMOCRATIC_REVIEW, PUBLIC_NOTICE, TOWNSHIP_REVIEW, COUNTY_DECISION")
            @NotNull
            ReviewStep step,

            @Schema(description = "PASSED 通过，FAILED 未通过（流程终止）") @NotNull
            StepOutcome outcome,

            @Schema(description = "办理日期：不能晚于今天，也不能早于案件启动之日和上一环节的办理日期；村级公示之后的环节须在公示期满后办理") @NotNull
            LocalDate performedOn,

            @Schema(description = "情况说明", example = "入户核实，家庭成员因病住院，自付费用 3.2 万元") @Size(max = 1000)
            String note,

            @Schema(description = "公示开始日期（仅村级公示）：公示在发布当天记录，开始日期不能早于记录之日")
            LocalDate noticeFrom,

            @Schema(description = "公示结束日期（仅村级公示，至少 5 天）；结束日期之后、且自记录起满 5 天才能办理下一环节")
            LocalDate noticeTo,

            @Schema(description = "附件元数据") @Size(max = 20) List<@Valid @NotNull Attachment> attachments) {}

    @Schema(name = "WithdrawRequest", description = "撤回审核中的案件")
    public record WithdrawRequest(
            @Schema(description = "撤回原因") @NotNull @Size(min = 1, max = 500)
            String reason) {}

    @Schema(name = "CaseStep", description = "已记录的审核环节")
    public record StepView(
            ReviewStep step,
            StepOutcome outcome,
            String actor,
            Instant recordedAt,
            LocalDate performedOn,
            String note,
            LocalDate noticeFrom,
            LocalDate noticeTo,
            List<Attachment> attachments) {}

    @Schema(name = "MonitoringCase", description = "识别或风险消除案件")
    public record CaseView(
            UUID id,
            UUID householdId,
            String villageCode,

            @Schema(description = "IDENTIFICATION 识别纳入，RISK_ELIMINATION 风险消除")
            CaseKind kind,

            @Schema(description = "OPEN 审核中，APPROVED 县级审定同意，REJECTED 未通过，WITHDRAWN 已撤回")
            CaseStatus status,

            @Schema(description = "下一个环节；办结后为空") ReviewStep nextStep,
            MonitoringCategory category,
            List<String> riskTypes,
            Instant openedAt,
            String openedBy,
            @Schema(description = "办结期限（自首条线索或启动之日起 15 天）") LocalDate deadline,
            @Schema(description = "已超期未办结") boolean overdue,
            Instant decidedAt,
            String reason,
            List<StepView> steps,
            long version) {}

    @Schema(name = "PublicNotice", description = "村级公示文本：不含身份证号、电话、银行账号和健康状况")
    public record NoticeView(
            @Schema(description = "公示标题") String title,
            @Schema(description = "公示正文") String text,
            LocalDate noticeFrom,
            LocalDate noticeTo) {}
}
