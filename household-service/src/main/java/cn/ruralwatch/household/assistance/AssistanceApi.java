package cn.ruralwatch.household.assistance;

import cn.ruralwatch.household.household.Yuan;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of assistance measures and visits. */
public final class AssistanceApi {

    private AssistanceApi() {}

    @Schema(name = "Cadre", description = "帮扶责任人")
    public record Cadre(
            @Schema(description = "姓名", example = "李某") @NotBlank @Size(max = 50)
            String name,

            @Schema(description = "职务", example = "驻村第一书记") @Size(max = 50)
            String position,

            @Schema(description = "单位", example = "县农业农村局") @Size(max = 100)
            String organisation) {}

    @Schema(name = "MeasureRequest", description = "落实一项帮扶措施")
    public record MeasureRequest(
            @Schema(
                    description = "类型：INDUSTRY 产业，EMPLOYMENT 就业，EDUCATION 教育，HEALTH 健康，HOUSING 住房，SAFETY_NET 兜底保障，"
                            + "MICROCREDIT 小额信贷，PUBLIC_WELFARE_JOB 公益性岗位，OTHER 其他")
            @NotNull
            MeasureType type,

            @Schema(description = "措施内容", example = "发放桑蚕产业奖补 3000 元") @NotBlank @Size(max = 500)
            String description,

            @Schema(description = "帮扶责任人") @NotEmpty @Size(max = 10)
            List<@Valid @NotNull Cadre> responsibleCadres,

            @Schema(description = "开始日期：不能晚于今天，也不能早于本户建档之日") @NotNull
            LocalDate startedOn,

            @Schema(description = "结束日期（或计划结束日期），不能早于开始日期") LocalDate endedOn,

            @Schema(description = "涉及金额（元）", example = "3000.00") @Yuan
            BigDecimal amount) {}

    @Schema(name = "Measure", description = "帮扶措施")
    public record MeasureView(
            UUID id,
            UUID householdId,
            MeasureType type,
            String description,
            List<Cadre> responsibleCadres,
            LocalDate startedOn,
            LocalDate endedOn,
            BigDecimal amount,
            String recordedBy,
            Instant recordedAt) {

        static MeasureView of(AssistanceMeasure m) {
            return new MeasureView(
                    m.id,
                    m.householdId,
                    m.type,
                    m.description,
                    m.responsibleCadres,
                    m.startedOn,
                    m.endedOn,
                    m.amount,
                    m.recordedBy,
                    m.recordedAt);
        }
    }

    @Schema(
            name = "VisitRequest",
            description = "记录一次走访。走访人填名册中的帮扶责任人 cadreId（走访之日在岗，服务本户所在的村或其乡镇，不必是本户结对的那一位），"
                    + "或只填姓名 cadreName（旧式记录，不计入帮扶责任人的走访）")
    public record VisitRequest(
            @Schema(description = "走访的帮扶责任人（名册）；填写时 cadreName 取名册中的姓名")
            UUID cadreId,

            @Schema(description = "走访人姓名；没有 cadreId 时必填", example = "李某") @Size(max = 50)
            String cadreName,

            @Schema(description = "走访日期：不能晚于今天，也不能早于本户建档之日") @NotNull
            LocalDate visitedOn,

            @Schema(description = "走访情况（做了什么）", example = "了解务工收入，宣讲小额信贷政策") @NotBlank @Size(max = 1000)
            String note) {}

    @Schema(name = "Visit", description = "走访记录")
    public record VisitView(
            UUID id,
            UUID householdId,
            @Schema(description = "走访的帮扶责任人（名册）；只记姓名的为空") UUID cadreId,
            String cadreName,
            LocalDate visitedOn,
            String note,
            String recordedBy,
            Instant recordedAt) {

        static VisitView of(AssistanceVisit v) {
            return new VisitView(
                    v.id, v.householdId, v.cadreId, v.cadreName, v.visitedOn, v.note, v.recordedBy, v.recordedAt);
        }
    }
}
