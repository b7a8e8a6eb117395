package cn.ruralwatch.household.cadre;

import cn.ruralwatch.household.household.HouseholdApi;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the cadre roster, assignments, visit rules and the overdue lists. */
public final class CadreApi {

    private CadreApi() {}

    @Schema(name = "CadreRequest", description = "登记或修改一位帮扶责任人（帮扶联系人）")
    public record CadreRequest(
            @Schema(description = "姓名", example = "韦某某") @NotBlank @Size(max = 50)
            String name,

            @Schema(description = "工作单位", example = "县农业农村局") @NotBlank @Size(max = 100)
            String unit,

            @Schema(description = "职务（可空）", example = "驻村第一书记") @Size(max = 50)
            String position,

            @Schema(description = "联系电话：11 位手机号或带区号的固定电话；加密保存，按角色脱敏显示", example = "13812345678")
            @NotNull
            @Pattern(regexp = HouseholdApi.MOBILE_OR_LANDLINE, message = "{ruralwatch.phone}")
            String phone,

            @Schema(description = "服务的乡镇（9 位）或行政村（12 位）代码，须在本人辖区内", example = "450422101201")
            @NotNull
            @Pattern(regexp = "[0-9]{9}|[0-9]{12}", message = "{ruralwatch.cadre.division-code}")
            String divisionCode,

            @Schema(description = "类别：RESPONSIBLE 帮扶责任人，CONTACT 帮扶联系人") @NotNull
            CadreKind kind) {}

    @Schema(name = "CadreDeactivation", description = "帮扶责任人离岗（停用）：其结对的农户同日结束结对，计为没有帮扶责任人")
    public record DeactivationRequest(
            @Schema(description = "离岗日期：不能晚于今天，也不能早于其现有结对的开始日期", example = "2024-03-31") @NotNull
            LocalDate leftOn,

            @Schema(description = "原因", example = "调回原单位") @NotBlank @Size(max = 500)
            String reason) {}

    @Schema(name = "Cadre", description = "帮扶责任人（帮扶联系人）")
    public record CadreView(
            UUID id,
            String name,
            @Schema(description = "工作单位") String unit,
            @Schema(description = "职务") String position,

            @Schema(description = "联系电话：县级管理员、村级信息员和其他政府系统看到全号（记入审计），其他角色看到脱敏号码，如 138****5678")
            String phone,

            @Schema(description = "服务的乡镇或村") String divisionCode,
            @Schema(description = "服务的乡镇或村的名称") String divisionName,

            @Schema(description = "RESPONSIBLE 帮扶责任人，CONTACT 帮扶联系人")
            CadreKind kind,

            @Schema(description = "类别的中文名") String kindLabel,
            @Schema(description = "在岗；离岗（停用）后为 false") boolean active,
            @Schema(description = "离岗日期") LocalDate leftOn,
            @Schema(description = "离岗原因") String leftReason,
            @Schema(description = "现在结对的农户数") long currentHouseholds,
            String registeredBy,
            Instant registeredAt,
            Instant updatedAt,
            long version) {}

    @Schema(name = "CadreAssignmentRequest", description = "确定农户的帮扶责任人；同类别的上一位同日结束结对（调整帮扶责任人）")
    public record AssignmentRequest(
            @Schema(description = "帮扶责任人：须在岗，服务本户所在的村或其乡镇") @NotNull
            UUID cadreId,

            @Schema(description = "结对开始日期：不能晚于今天，不能早于本户建档之日，也不能早于同类别上一位的开始日期", example = "2024-01-02") @NotNull
            LocalDate startsOn,

            @Schema(description = "原因", example = "新识别监测对象，落实帮扶责任人") @NotBlank @Size(max = 500)
            String reason) {}

    @Schema(name = "CadreAssignment", description = "一段结对帮扶")
    public record AssignmentView(
            UUID id,
            UUID householdId,
            UUID cadreId,
            @Schema(description = "帮扶责任人姓名") String cadreName,

            @Schema(description = "RESPONSIBLE 帮扶责任人，CONTACT 帮扶联系人")
            CadreKind kind,

            @Schema(description = "开始日期") LocalDate startsOn,
            @Schema(description = "结束日期（不含）；现在的结对为空") LocalDate endsOn,
            String reason,

            @Schema(description = "结束原因：REASSIGNED 调整为他人，CADRE_LEFT 本人离岗")
            CadreAssignment.EndReason endReason,

            @Schema(description = "现在的结对") boolean current,
            String assignedBy,
            Instant assignedAt) {}

    @Schema(name = "HouseholdCadres", description = "农户现在的帮扶责任人和结对历史")
    public record HouseholdCadres(
            UUID householdId,
            String villageCode,
            @Schema(description = "现在的结对（每类至多一位）") List<AssignmentView> current,
            @Schema(description = "全部结对，最近开始的在前") List<AssignmentView> history) {}

    @Schema(name = "HouseholdWithoutCadre", description = "应有帮扶责任人（脱贫户或未消除风险的监测对象）而没有在岗帮扶责任人的农户")
    public record WithoutCadre(
            UUID householdId,
            String villageCode,
            String villageName,
            @Schema(description = "户主姓名") String headName,
            @Schema(description = "贫困户状态：EXITED 为脱贫户") String povertyStatus,
            @Schema(description = "监测对象类别") String monitoringCategory,
            @Schema(description = "风险状态") String riskState) {}

    @Schema(name = "VisitRuleRequest", description = "设定区划的走访要求：哪些农户至少多少天走访一次")
    public record VisitRuleRequest(
            @Schema(
                    description = "适用的农户（任一即适用）：MONITORED_AT_RISK 未消除风险的监测对象，EXITED 脱贫户，MINIMUM_LIVING 低保户，"
                            + "EXTREME_POVERTY 特困供养户，SERIOUS_ILLNESS 有患大病成员，DISABLED 有残疾成员")
            @NotEmpty
            Set<@NotNull VisitGroup> groups,

            @Schema(description = "最长间隔天数（一个季度为 92）", example = "92") @NotNull @Min(1) @Max(366)
            Integer maxIntervalDays,

            @Schema(description = "起算日期：此前纳入的农户自此日起计", example = "2024-01-01") @NotNull
            LocalDate effectiveFrom,

            @Schema(description = "依据", example = "特殊群体每季度至少走访一次") @Size(max = 500)
            String note) {}

    @Schema(name = "VisitRule", description = "走访要求；农户适用最具体区划的要求（村优先于乡镇、县、省）")
    public record VisitRuleView(
            @Schema(description = "设定要求的区划") String regionCode,
            String regionName,
            List<VisitGroup> groups,
            int maxIntervalDays,
            LocalDate effectiveFrom,
            String note,
            String setBy,
            Instant setAt,
            long version) {}

    @Schema(name = "CadreRef", description = "结对的帮扶责任人")
    public record CadreRef(UUID cadreId, String name, CadreKind kind) {}

    @Schema(name = "OverdueVisit", description = "逾期未走访的农户")
    public record OverdueHousehold(
            UUID householdId,
            String villageCode,
            String villageName,
            @Schema(description = "户主姓名") String headName,
            @Schema(description = "适用的走访要求所在区划") String ruleRegion,
            @Schema(description = "最长间隔天数") int maxIntervalDays,
            @Schema(description = "最近一次走访（任何帮扶责任人）；从未走访为空") LocalDate lastVisitedOn,
            @Schema(description = "应走访的最晚日期") LocalDate dueOn,
            @Schema(description = "逾期天数（截至 asOf）") int daysOverdue,
            @Schema(description = "截至 asOf 的结对帮扶责任人") List<CadreRef> cadres) {}

    @Schema(name = "CadreMissingVisits", description = "有逾期未走访农户的帮扶责任人")
    public record CadreMissingVisits(
            UUID cadreId,
            String name,
            CadreKind kind,
            String unit,
            String divisionCode,
            @Schema(description = "截至 asOf 结对的农户数") long assignedHouseholds,
            @Schema(description = "其中逾期未走访的") long overdueHouseholds,
            @Schema(description = "最长逾期天数") int maxDaysOverdue) {}

    @Schema(name = "CadreVisit", description = "帮扶责任人的一次走访")
    public record CadreVisit(
            UUID visitId,
            UUID householdId,
            String villageCode,
            @Schema(description = "户主姓名") String headName,
            LocalDate visitedOn,
            @Schema(description = "走访情况（做了什么）") String note,
            String recordedBy,
            Instant recordedAt) {}
}
