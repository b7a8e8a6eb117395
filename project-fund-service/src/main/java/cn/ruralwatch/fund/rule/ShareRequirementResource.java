package cn.ruralwatch.fund.rule;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/share-requirements")
@Tag(name = "衔接资金 Linkage funds")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ShareRequirementResource {

    @Inject
    ShareRequirements requirements;

    @GET
    @Operation(operationId = "listShareRequirements", summary = "最低占比要求（产业发展占比、光伏收益用于工资和劳务的占比；全国与各省，按年度）")
    public List<ShareRequirementApi.Requirement> list() {
        return requirements.list();
    }

    @PUT
    @Path("/{kind}/{regionCode}/{fromYear}")
    @Operation(
            operationId = "setShareRequirement",
            summary = "设置本省自某年起的最低占比",
            description = "regionCode 是 2 位省级代码，须是本人辖区所在的省；全国要求随系统发布。")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ShareRequirementApi.RequirementRequest.class),
                            examples = {
                                @ExampleObject(
                                        name = "产业发展占比",
                                        summary = "广西自 2026 年起衔接资金用于产业发展不低于 60%（PUT …/INDUSTRY_DEVELOPMENT/45/2026）",
                                        value = """
                                                {"minimumPercent": 60.00, "note": "桂乡振发〔2026〕5号"}""")
                            }))
    @APIResponse(responseCode = "200", description = "已办理，返回办理后的记录")
    @APIResponse(responseCode = "400", description = "省级代码或年度不合法，或不是本人所在的省")
    public ShareRequirementApi.Requirement set(
            @Parameter(description = "要求的种类", example = "INDUSTRY_DEVELOPMENT") @PathParam("kind")
                    ShareRequirementKind kind,
            @Parameter(description = "2 位省级代码", example = "45") @PathParam("regionCode") String regionCode,
            @Parameter(description = "自哪一年起", example = "2024") @PathParam("fromYear") int fromYear,
            @Valid @NotNull ShareRequirementApi.RequirementRequest request) {
        return requirements.set(kind, regionCode, fromYear, request);
    }
}
