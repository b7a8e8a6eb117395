package cn.ruralwatch.indicator.division;

import cn.ruralwatch.indicator.evaluation.RateApi;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the division evaluation answers. */
public final class DivisionApi {

    private DivisionApi() {}

    @Schema(name = "DivisionEvaluation", description = "村、乡镇按一套指标体系的判定、达标率与一致性校验")
    public record DivisionEvaluation(
            @Schema(example = "450422101201") String divisionCode,
            @Schema(example = "凤阁村") String divisionName,
            @Schema(example = "VILLAGE") String level,
            @Schema(example = "GUANGXI_VILLAGE_2020") String standardCode,
            int standardVersion,
            @Schema(description = "评估基准日") LocalDate referenceDate,

            @Schema(description = "贫困发生率等按哪种状态判定：AFTER_PLANNED_EXITS 预脱贫户脱贫后（年末状态，工作汇报的口径），CURRENT 当前状态（预脱贫户仍计为未脱贫）")
            Basis basis,

            @Schema(description = "各项判定均达标") boolean allMet,
            List<Judgement> judgements,
            @Schema(description = "按户、按人计的达标率") List<RateApi.IndicatorRate> rates,
            @Schema(description = "按户、按人计的达标率的时效") RateApi.Freshness freshness,
            RateApi.PovertyIncidence povertyIncidence,
            @Schema(description = "一致性校验：不成立的即为数据矛盾") List<ConsistencyCheck> consistency) {}

    /** Which state of the households a division is judged on. */
    @Schema(name = "DivisionEvaluationBasis", description = "AFTER_PLANNED_EXITS 预脱贫户脱贫后（年末）；CURRENT 当前状态")
    public enum Basis {
        AFTER_PLANNED_EXITS,
        CURRENT
    }

    @Schema(name = "DivisionJudgement")
    public record Judgement(
            @Schema(example = "COLLECTIVE_INCOME") String indicatorCode,
            @Schema(example = "有村集体经济收入") String name,
            boolean met,
            @Schema(description = "未达标时的取值") List<RateApi.Reason> reasons) {}

    @Schema(name = "ConsistencyCheck")
    public record ConsistencyCheck(
            @Schema(example = "HOUSING_FAILURES_ADD_UP") String code,
            @Schema(example = "住房未达标户按原因分项之和等于未达标户数") String name,
            String expression,
            @Schema(description = "左侧的值") String left,
            @Schema(description = "右侧的值") String right,
            @Schema(description = "成立") boolean holds) {}
}
