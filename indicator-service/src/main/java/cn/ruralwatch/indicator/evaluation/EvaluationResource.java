package cn.ruralwatch.indicator.evaluation;

import cn.ruralwatch.access.Roles;
import cn.ruralwatch.http.PathIds;
import cn.ruralwatch.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/households/{id}/evaluations")
@Tag(name = "达标评估 Evaluations")
@Produces(MediaType.APPLICATION_JSON)
public class EvaluationResource {

    @Inject
    EvaluationService evaluations;

    @GET
    @RolesAllowed({Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CLERK, Roles.AUDITOR, Roles.INTEGRATION})
    @Operation(operationId = "getHouseholdEvaluations", summary = "查询农户各项指标的达标情况及未达标原因")
    @APIResponse(responseCode = "200", description = "各指标的当前结果")
    @APIResponse(
            responseCode = "404",
            description = "该农户尚未登记或尚未评估",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EvaluationService.HouseholdEvaluation get(@PathParam("id") String id) {
        return evaluations.forHousehold(PathIds.uuid(id, "household.not-evaluated"));
    }
}
