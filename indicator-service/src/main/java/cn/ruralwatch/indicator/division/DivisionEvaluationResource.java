package cn.ruralwatch.indicator.division;

import cn.ruralwatch.indicator.evaluation.QueryParameters;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/division-evaluations")
@Tag(name = "村、乡镇达标判定 Division evaluations")
@Produces(MediaType.APPLICATION_JSON)
public class DivisionEvaluationResource {

    @Inject
    DivisionEvaluationService evaluations;

    @GET
    @Operation(operationId = "evaluateDivision", summary = "按村级（十一有一低于）或乡镇级（九有一低于）指标体系判定一个村或乡镇，并给出一致性校验结果")
    @APIResponse(responseCode = "200", description = "判定结果")
    @APIResponse(responseCode = "400", description = "缺少参数，或区划层级与指标体系不符")
    @APIResponse(responseCode = "404", description = "没有这个区划或指标体系，或区划不在辖区内")
    public DivisionApi.DivisionEvaluation evaluate(
            @Parameter(example = "GUANGXI_VILLAGE_2020") @QueryParam("standard") String standard,
            @Parameter(example = "450422101201") @QueryParam("division") String division,
            @Parameter(
                            description = "按哪种状态判定贫困发生率等：AFTER_PLANNED_EXITS（默认）预脱贫户脱贫后的年末状态，即工作汇报的口径；"
                                    + "CURRENT 当前状态，预脱贫户仍计为未脱贫",
                            example = "AFTER_PLANNED_EXITS")
                    @QueryParam("basis")
                    DivisionApi.Basis basis) {
        QueryParameters.requireAll("standard", standard, "division", division);
        return evaluations.evaluate(standard, division, basis == null ? DivisionApi.Basis.AFTER_PLANNED_EXITS : basis);
    }
}
