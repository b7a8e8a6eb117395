package cn.ruralwatch.report.dossier;

import cn.ruralwatch.problem.ResourceId;
import cn.ruralwatch.report.Downloads;
import cn.ruralwatch.report.format.OfficialDocument;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/dossiers")
@Tag(name = "一户一册 Household dossiers")
public class DossierResource {

    @Inject
    DossierService dossiers;

    @GET
    @Path("/{householdId}")
    @Produces(OfficialDocument.MEDIA_TYPE)
    @Operation(
            operationId = "getHouseholdDossier",
            summary = "一户一册：一户的档案（Word），含家庭基本情况、家庭成员、监测帮扶历程、帮扶措施、享受政策和收益、帮扶责任人和走访记录",
            description = "按党政机关公文格式（A4、仿宋_GB2312 三号、页码“— 1 —”）生成，供归档打印。数据取自农户服务和项目资金服务，"
                    + "以调用者的令牌查询：不在本人辖区的农户与不存在的农户一样答复 404，源服务拒绝的答复 403；"
                    + "身份证号和电话按调用者的角色显示完整号码或脱敏号码（完整查看由农户服务记入审计）。"
                    + "每次下载记入审计日志（EXPORT，写明身份证号和电话是完整还是脱敏）。文件名为“…户一户一册.docx”（UTF-8 编码）。")
    @APIResponse(
            responseCode = "200",
            description = "Word 文档",
            headers =
                    @Header(
                            name = "Content-Disposition",
                            description = "attachment; filename*=UTF-8''…%E4%B8%80%E6%88%B7%E4%B8%80%E5%86%8C.docx",
                            schema = @Schema(type = SchemaType.STRING)),
            content =
                    @Content(
                            mediaType = OfficialDocument.MEDIA_TYPE,
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "403", description = "农户服务或项目资金服务拒绝本人查阅（原因见 detail）")
    @APIResponse(responseCode = "404", description = "农户不存在或不在本人辖区")
    @APIResponse(responseCode = "502", description = "农户服务或项目资金服务未能答复")
    public Response dossier(
            @Parameter(description = "农户编号", example = "0190f3a4-5b6c-7d8e-9f00-112233445566")
                    @PathParam("householdId")
                    @ResourceId("report.dossier.not-found")
                    UUID householdId,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        DossierService.File file = dossiers.draw(householdId, authorization, language);
        return Response.ok(file.content(), OfficialDocument.MEDIA_TYPE)
                .header("Content-Disposition", Downloads.contentDisposition(file.name()))
                .build();
    }
}
