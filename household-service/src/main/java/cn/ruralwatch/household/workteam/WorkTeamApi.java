package cn.ruralwatch.household.workteam;

import cn.ruralwatch.household.household.HouseholdApi;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of village work teams, their members, trainings, inspections and guidance notices. */
public final class WorkTeamApi {

    private WorkTeamApi() {}

    @Schema(name = "WorkTeamMemberRequest", description = "驻村工作队队员")
    public record MemberRequest(
            @Schema(description = "姓名", example = "陈某某") @NotBlank @Size(max = 50)
            String name,

            @Schema(description = "工作单位（派出单位）", example = "市财政局") @NotBlank @Size(max = 100)
            String unit,

            @Schema(description = "联系电话：11 位手机号或带区号的固定电话；加密保存，按角色脱敏显示", example = "13912345678")
            @NotNull
            @Pattern(regexp = HouseholdApi.MOBILE_OR_LANDLINE, message = "{ruralwatch.phone}")
            String phone,

            @Schema(description = "FIRST_SECRETARY 第一书记，LEADER 队长，MEMBER 队员；每队同时至多一位第一书记、一位队长") @NotNull
            WorkTeamRole role) {}

    @Schema(name = "WorkTeamRequest", description = "向行政村派驻驻村工作队")
    public record TeamRequest(
            @Schema(description = "行政村代码（12 位），须在本人辖区内；每村一支工作队", example = "450422101201")
            @NotNull
            @Pattern(regexp = "[0-9]{12}", message = "{ruralwatch.work-team.village-code}")
            String villageCode,

            @Schema(description = "派驻单位", example = "市财政局") @NotBlank @Size(max = 100)
            String dispatchingUnit,

            @Schema(description = "派驻日期（队员同日到岗），不能晚于今天", example = "2023-03-01") @NotNull
            LocalDate formedOn,

            @Schema(description = "派驻期满日期（可空），须晚于派驻日期", example = "2025-02-28")
            LocalDate termEndsOn,

            @Schema(description = "派驻时的队员") @NotEmpty @Size(max = 20)
            List<@Valid @NotNull MemberRequest> members) {}

    @Schema(name = "WorkTeamUpdate", description = "修改驻村工作队的派驻单位、派驻日期和期满日期")
    public record TeamUpdate(
            @Schema(description = "派驻单位", example = "市财政局") @NotBlank @Size(max = 100)
            String dispatchingUnit,

            @Schema(description = "派驻日期：不能晚于今天，也不能晚于最早到岗队员的到岗日期", example = "2023-03-01") @NotNull
            LocalDate formedOn,

            @Schema(description = "派驻期满日期（可空）", example = "2025-02-28")
            LocalDate termEndsOn) {}

    @Schema(name = "WorkTeamJoinRequest", description = "工作队增加一名队员（不经轮换）")
    public record JoinRequest(
            @NotNull @Valid MemberRequest member,

            @Schema(description = "到岗日期：不早于派驻日期，不晚于今天", example = "2023-06-01") @NotNull
            LocalDate joinsOn) {}

    @Schema(name = "WorkTeamRotationRequest", description = "队员轮换：离队队员于 leftOn 离队，接任队员同日到岗")
    public record RotationRequest(
            @Schema(description = "离队的在岗队员") @NotNull UUID memberId,

            @Schema(description = "离队日期（也是接任队员的到岗日期）：不早于其到岗日期，不晚于今天", example = "2023-08-15") @NotNull
            LocalDate leftOn,

            @Schema(description = "离队原因", example = "派驻期满轮换") @NotBlank @Size(max = 500)
            String reason,

            @Schema(description = "接任队员") @NotNull @Valid MemberRequest successor) {}

    @Schema(name = "WorkTeamMember", description = "驻村工作队队员的一段在岗经历")
    public record MemberView(
            UUID id,
            UUID teamId,
            String name,
            @Schema(description = "工作单位") String unit,

            @Schema(description = "联系电话：县级管理员、村级信息员和其他政府系统看到全号（记入审计），其他角色看到脱敏号码，如 139****5678")
            String phone,

            WorkTeamRole role,
            @Schema(description = "角色的中文名") String roleLabel,
            @Schema(description = "到岗日期") LocalDate joinsOn,
            @Schema(description = "离队日期（不含）；在岗为空") LocalDate leavesOn,
            @Schema(description = "离队原因") String leaveReason,
            @Schema(description = "轮换时接替的前任队员") UUID predecessorId,
            @Schema(description = "在岗") boolean current,
            @Schema(description = "参加培训的次数") long trainings,
            @Schema(description = "参加培训的学时合计") BigDecimal trainingHours) {}

    @Schema(name = "WorkTeam", description = "驻村工作队：在岗队员和全部在岗经历（谁在何时在岗）")
    public record TeamView(
            UUID id,
            String villageCode,
            String villageName,
            @Schema(description = "派驻单位") String dispatchingUnit,
            @Schema(description = "派驻日期") LocalDate formedOn,
            @Schema(description = "派驻期满日期") LocalDate termEndsOn,
            @Schema(description = "在岗的第一书记姓名；没有为空") String firstSecretaryName,
            @Schema(description = "在岗队员") List<MemberView> current,
            @Schema(description = "全部在岗经历，最近到岗的在前") List<MemberView> history,
            String createdBy,
            Instant createdAt,
            Instant updatedAt,
            long version) {}

    @Schema(name = "WorkTeamSummary", description = "驻村工作队名册中的一行（不含电话）")
    public record TeamSummary(
            UUID id,
            String villageCode,
            String villageName,
            @Schema(description = "派驻单位") String dispatchingUnit,
            LocalDate formedOn,
            LocalDate termEndsOn,
            @Schema(description = "在岗的第一书记姓名") String firstSecretaryName,
            @Schema(description = "在岗队员数") long currentMembers,
            @Schema(description = "督查次数") long inspections,
            @Schema(description = "最近一次督查日期") LocalDate lastInspectedOn,
            long version) {}

    @Schema(name = "VillageWithoutWorkTeam", description = "没有驻村工作队或没有在岗第一书记的行政村")
    public record UncoveredVillage(
            String villageCode,
            String villageName,
            @Schema(description = "是否曾为贫困村（现为脱贫村）") Boolean povertyVillage,
            @Schema(description = "脱贫（出列）年度") Integer povertyExitYear,
            @Schema(description = "村的工作队；没有工作队为空") UUID teamId,

            @Schema(description = "TEAM 没有工作队，FIRST_SECRETARY 有工作队但没有在岗第一书记")
            String lacking) {}

    @Schema(name = "WorkTeamTrainingRequest", description = "记录一次驻村工作队队员培训")
    public record TrainingRequest(
            @Schema(description = "组织培训的县（6 位）或乡镇（9 位），须在本人辖区内", example = "450422101")
            @NotNull
            @Pattern(regexp = "[0-9]{6}|[0-9]{9}", message = "{ruralwatch.screening.region-code}")
            String regionCode,

            @Schema(description = "培训日期，不能晚于今天", example = "2023-08-20") @NotNull
            LocalDate heldOn,

            @Schema(description = "培训主题", example = "防止返贫动态监测和帮扶政策业务培训") @NotBlank @Size(max = 200)
            String topic,

            @Schema(description = "学时（0.5–200，一位小数）", example = "3.5")
            @NotNull
            @DecimalMin("0.5")
            @DecimalMax("200")
            @Digits(integer = 3, fraction = 1)
            BigDecimal hours,

            @Schema(description = "主办单位（可空）", example = "镇乡村振兴办公室") @Size(max = 100)
            String organizer,

            @Schema(description = "参训队员：培训当日在本区划工作队在岗的队员") @NotEmpty @Size(max = 500)
            Set<@NotNull UUID> memberIds) {}

    @Schema(name = "WorkTeamTrainingAttendee", description = "参训队员")
    public record Attendee(UUID memberId, UUID teamId, String villageCode, String name, WorkTeamRole role) {}

    @Schema(name = "WorkTeamTraining", description = "驻村工作队队员培训")
    public record TrainingView(
            UUID id,
            String regionCode,
            String regionName,
            LocalDate heldOn,
            @Schema(description = "培训主题") String topic,
            @Schema(description = "学时") BigDecimal hours,
            @Schema(description = "主办单位") String organizer,
            @Schema(description = "参训人数（全部）") int attendeeCount,
            @Schema(description = "本人辖区内的参训队员") List<Attendee> attendees,
            String recordedBy,
            Instant recordedAt) {}

    @Schema(name = "WorkTeamInspectionRequest", description = "记录对驻村工作队的一次督查或抽查")
    public record InspectionRequest(
            @Schema(description = "督查日期：不早于派驻日期，不晚于今天", example = "2023-09-12") @NotNull
            LocalDate inspectedOn,

            @Schema(description = "SUPERVISION 督查，SPOT_CHECK 抽查") @NotNull
            InspectionKind kind,

            @Schema(description = "督查单位", example = "镇乡村振兴办公室") @NotBlank @Size(max = 100)
            String inspectingBody,

            @Schema(description = "发现的问题，每条一项；通报批评、约谈、召回须有，未发现问题须为空", example = "[\"驻村考勤记录不全\"]")
            @NotNull
            @Size(max = 50)
            List<@NotBlank @Size(max = 500) String> findings,

            @Schema(description = "处理结果：NO_ISSUES 未发现问题，COMMENDED 表扬，CRITICIZED 通报批评，ADMONISHED 约谈，RECALLED 召回")
            @NotNull
            InspectionOutcome outcome,

            @Schema(description = "处理涉及的队员（督查当日在岗）；召回必填") UUID memberId,

            @Schema(description = "备注", example = "限期一周内补齐考勤记录") @Size(max = 500)
            String note) {}

    @Schema(name = "WorkTeamInspection", description = "对驻村工作队的督查或抽查")
    public record InspectionView(
            UUID id,
            UUID teamId,
            String villageCode,
            String villageName,
            LocalDate inspectedOn,
            InspectionKind kind,
            @Schema(description = "督查方式的中文名") String kindLabel,
            @Schema(description = "督查单位") String inspectingBody,
            @Schema(description = "发现的问题") List<String> findings,
            InspectionOutcome outcome,
            @Schema(description = "处理结果的中文名") String outcomeLabel,
            UUID memberId,
            @Schema(description = "处理涉及的队员姓名") String memberName,
            String note,
            String recordedBy,
            Instant recordedAt) {}

    @Schema(name = "GuidanceNoticeRequest", description = "记录下发的每月工作提示")
    public record NoticeRequest(
            @Schema(description = "下发的县（6 位）或乡镇（9 位），须在本人辖区内", example = "450422101")
            @NotNull
            @Pattern(regexp = "[0-9]{6}|[0-9]{9}", message = "{ruralwatch.screening.region-code}")
            String regionCode,

            @Schema(description = "提示的月份（yyyy-MM）", example = "2023-08")
            @NotNull
            @Pattern(regexp = "[0-9]{4}-(0[1-9]|1[0-2])", message = "{ruralwatch.month}")
            String month,

            @Schema(description = "下发日期，不能晚于今天", example = "2023-08-01") @NotNull
            LocalDate issuedOn,

            @Schema(description = "下发单位", example = "镇乡村振兴办公室") @NotBlank @Size(max = 100)
            String issuingOffice,

            @Schema(description = "标题；同一区划同月的标题不能重复", example = "8月份巩固拓展脱贫攻坚成果工作提示") @NotBlank @Size(max = 200)
            String title,

            @Schema(description = "提示事项，每条一项", example = "[\"完成驻村工作队轮换交接\", \"开展防返贫监测月度排查\"]") @NotEmpty @Size(max = 50)
            List<@NotBlank @Size(max = 1000) String> items) {}

    @Schema(name = "GuidanceNotice", description = "每月工作提示")
    public record NoticeView(
            UUID id,
            String regionCode,
            String regionName,
            @Schema(description = "月份（yyyy-MM）") String month,
            LocalDate issuedOn,
            String issuingOffice,
            String title,
            List<String> items,
            String recordedBy,
            Instant recordedAt) {}
}
