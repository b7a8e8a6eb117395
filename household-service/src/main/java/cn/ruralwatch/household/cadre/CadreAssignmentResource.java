package cn.ruralwatch.household.cadre;

import cn.ruralwatch.problem.ResourceId;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/households/{id}/cadre-assignments")
@Tag(name = "帮扶责任人 Responsible cadres")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CadreAssignmentResource {

    @Inject
    CadreService cadres;

    @POST
    @Operation(
            operationId = "assignCadre",
            summary = "确定或调整农户的帮扶责任人",
            description = "每户每类（帮扶责任人、帮扶联系人）同时只有一位：确定同类别的另一位时，上一位的结对同日结束（REASSIGNED）。"
                    + "帮扶责任人须在岗，服务本户所在的村或其乡镇，否则 400 指明 cadreId。发布 cadre.assigned.v1。")
    @RequestBody(
            content =
                    @Content(
                            schema = @Schema(implementation = CadreApi.AssignmentRequest.class),
                            examples =
                                    @ExampleObject(
                                            name = "新识别的监测对象",
                                            value =
                                                    "{\"cadreId\": \"0190f3a4-5b6c-7d8e-9f00-112233445566\","
                                                            + " \"startsOn\": \"2024-01-02\", \"reason\": \"新识别监测对象，落实帮扶责任人\"}")))
    @APIResponse(
            responseCode = "201",
            description = "已确定；返回本户现在的帮扶责任人和结对历史",
            content = @Content(schema = @Schema(implementation = CadreApi.HouseholdCadres.class)))
    @APIResponse(responseCode = "400", description = "帮扶责任人不存在、已离岗或不服务本村（cadreId），日期不合法（startsOn）")
    @APIResponse(responseCode = "404", description = "农户不存在或不在本人辖区")
    @APIResponse(responseCode = "409", description = "农户已合户或解散，或这位帮扶责任人已是本户现在的帮扶责任人")
    public Response assign(
            @PathParam("id") @ResourceId("household.not-found") UUID id,
            @Valid @NotNull CadreApi.AssignmentRequest request,
            @Context UriInfo uri) {
        return Response.created(uri.getAbsolutePath())
                .entity(cadres.assign(id, request))
                .build();
    }

    @GET
    @Operation(operationId = "getHouseholdCadres", summary = "农户现在的帮扶责任人和结对历史")
    @APIResponse(
            responseCode = "200",
            description = "帮扶责任人",
            content = @Content(schema = @Schema(implementation = CadreApi.HouseholdCadres.class)))
    @APIResponse(responseCode = "404", description = "农户不存在或不在本人辖区")
    public CadreApi.HouseholdCadres householdCadres(@PathParam("id") @ResourceId("household.not-found") UUID id) {
        return cadres.cadres(id);
    }
}
