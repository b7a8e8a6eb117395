package cn.ruralwatch.household.importing;

import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.ProblemType;
import cn.ruralwatch.problem.ResourceId;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.File;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/household-imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "农户导入 Household imports", description = "农户批量导入（CSV、Excel）")
public class HouseholdImportResource {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String CSV_UTF8 = "text/csv; charset=UTF-8";
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    @Inject
    HouseholdImportJobs jobs;

    @POST
    @Consumes({"text/csv", XLSX, MediaType.APPLICATION_OCTET_STREAM})
    @Operation(
            operationId = "importHouseholds",
            summary = "提交农户导入文件",
            description = "请求体为文件本身：CSV（UTF-8，Content-Type: text/csv）或 Excel（.xlsx）的第一个工作表。"
                    + "每行一名成员，同一户的行用相同的“户编号”相连排列；列名见 GET /template 和 docs/households.md。"
                    + "文件在后台导入：每户按登记规则校验，合格的入库（身份证号已登记的按身份证号更新该户），不合格的逐行报告。"
                    + "同一区域再次提交同一文件返回原任务，不会重复入库。")
    @RequestBody(
            description = "文件本身（不是 multipart 表单）：CSV 或 .xlsx 工作簿的第一个工作表，第一行为表头，"
                    + "列名与导入模板（GET /api/v1/household-imports/template）相同，之后每行一名成员；"
                    + "Excel 中的日期可为日期单元格。文件名用查询参数 fileName 传递。",
            content = {
                @Content(
                        mediaType = "text/csv",
                        schema = @Schema(type = SchemaType.STRING, format = "binary"),
                        examples =
                                @ExampleObject(
                                        name = "两户五人",
                                        summary = "每行一名成员，同一户的行用相同的户编号相连；户的列只写在第一行",
                                        value = """
                                                户编号,行政村代码,姓名,证件号码,与户主关系,劳动能力,健康状况,文化程度,在校状况,就读地点,医疗保险,贫困户状态,脱贫年度,住房安全等级,特色产业,收入年度,工资性收入,转移性收入,生产经营费用
                                                1,450422101201,梁某华,450422197806050038,户主,普通劳动力,健康,,,,已参保,脱贫户,2018,A级,桑蚕、百香果,2025,42000,2600,1800
                                                1,450422101201,覃某玲,450422198009140043,配偶,普通劳动力,长期慢性病,,,,已参保,,,,,,,,
                                                1,450422101201,梁某杰,450422200803120058,之子,普通劳动力,健康,高中或中职,在校,县内,已参保,,,,,,,,
                                                2,450422101201,黄某兰,450422194301020024,户主,丧失劳动力,长期慢性病,,,,已参保,一般农户,,B级,,2025,0,9600,0
                                                """)),
                @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))
            })
    @APIResponse(
            responseCode = "202",
            description = "已受理，Location 指向导入任务",
            content = @Content(schema = @Schema(implementation = HouseholdImportApi.ImportView.class)))
    @APIResponse(
            responseCode = "200",
            description = "同一文件已提交过，返回原任务",
            content = @Content(schema = @Schema(implementation = HouseholdImportApi.ImportView.class)))
    @APIResponse(responseCode = "400", description = "文件为空、无法读取，或表头缺少必填列、有不认识的列")
    public Response submit(
            File file,
            @Parameter(description = "文件名，记入任务", example = "城厢镇农户信息.xlsx") @QueryParam("fileName") @Size(max = 255)
                    String fileName,
            @Parameter(description = "导入原因，记入每户的变更历史", example = "2025 年度动态调整数据导入")
                    @QueryParam("reason")
                    @Size(max = 500)
                    String reason,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Context UriInfo uri) {
        ImportFormat format = ImportFormat.of(contentType, fileName)
                .orElseThrow(() -> ProblemException.of(
                        ProblemType.UNSUPPORTED_MEDIA_TYPE, "household-import.file.format", contentType));
        String name = fileName == null || fileName.isBlank()
                ? "import." + format.name().toLowerCase(Locale.ROOT)
                : fileName.strip();
        HouseholdImportJobs.Submitted submitted = jobs.submit(file.toPath(), format, name, reason);
        return Response.status(submitted.created() ? Response.Status.ACCEPTED : Response.Status.OK)
                .location(uri.getBaseUriBuilder()
                        .path("api/v1/household-imports")
                        .path(submitted.job().id.toString())
                        .build())
                .entity(jobs.view(submitted.job()))
                .build();
    }

    @GET
    @Operation(operationId = "listHouseholdImports", summary = "本区域的导入任务（新的在前）")
    public Page<HouseholdImportApi.ImportView> list(
            @Parameter(description = "页码，从 0 开始", example = "0") @QueryParam("page") Integer page,
            @Parameter(description = "每页条数，1–500，默认 20", example = "20") @QueryParam("size") Integer size) {
        return jobs.list(PageRequest.of(page, size)).map(jobs::view);
    }

    @GET
    @Path("/template")
    @Produces(CSV_UTF8)
    @Operation(operationId = "householdImportTemplate", summary = "导入模板：全部列名（CSV，Excel 可直接打开）")
    @APIResponse(
            responseCode = "200",
            description = "成功",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response template() {
        StreamingOutput body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write(BYTE_ORDER_MARK);
            try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
                csv.printRecord(ImportColumn.headers().toList());
            }
        };
        return Response.ok(body)
                .header("Content-Disposition", "attachment; filename=\"household-import-template.csv\"")
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getHouseholdImport", summary = "导入任务的状态和进度")
    @APIResponse(responseCode = "200", description = "查询结果")
    @APIResponse(responseCode = "404", description = "没有此任务（或不在本区域）")
    public HouseholdImportApi.ImportView get(@PathParam("id") @ResourceId("household-import.not-found") UUID id) {
        return jobs.view(jobs.get(id));
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(
            operationId = "cancelHouseholdImport",
            summary = "取消导入任务",
            description = "排队中的任务立即取消；导入中的任务在当前一批农户入库后停止，已入库的农户保留。保存的文件随即删除。已结束的任务不能取消（409）。")
    @APIResponse(
            responseCode = "200",
            description = "任务（已取消，或导入中、正在停止）",
            content = @Content(schema = @Schema(implementation = HouseholdImportApi.ImportView.class)))
    @APIResponse(responseCode = "404", description = "没有此任务（或不在本区域）")
    @APIResponse(responseCode = "409", description = "任务已结束")
    public HouseholdImportApi.ImportView cancel(@PathParam("id") @ResourceId("household-import.not-found") UUID id) {
        return jobs.cancel(id);
    }

    @GET
    @Path("/{id}/errors")
    @Operation(operationId = "listHouseholdImportErrors", summary = "导入文件中的错误（按行号排列，分页）")
    public Page<HouseholdImportApi.ErrorView> errors(
            @PathParam("id") @ResourceId("household-import.not-found") UUID id,
            @Parameter(description = "页码，从 0 开始", example = "0") @QueryParam("page") Integer page,
            @Parameter(description = "每页条数，1–500，默认 20", example = "20") @QueryParam("size") Integer size) {
        return jobs.errors(id, PageRequest.of(page, size));
    }

    @GET
    @Path("/{id}/errors.csv")
    @Produces(CSV_UTF8)
    @Operation(operationId = "downloadHouseholdImportErrors", summary = "下载错误清单（CSV，Excel 可直接打开）")
    @APIResponse(
            responseCode = "200",
            description = "成功",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response errorReport(@PathParam("id") @ResourceId("household-import.not-found") UUID id) {
        UUID job = jobs.get(id).id;
        StreamingOutput body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write(BYTE_ORDER_MARK);
            try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
                csv.printRecord("行号", "户编号", "列名", "字段", "错误代码", "错误说明");
                int offset = 0;
                List<HouseholdImportApi.ErrorView> page;
                do {
                    page = jobs.errorRows(job, offset, PageRequest.MAX_SIZE);
                    for (HouseholdImportApi.ErrorView e : page) {
                        csv.printRecord(e.row(), e.householdRef(), e.column(), e.field(), e.code(), e.message());
                    }
                    offset += page.size();
                } while (page.size() == PageRequest.MAX_SIZE);
            }
        };
        return Response.ok(body)
                .header("Content-Disposition", "attachment; filename=\"household-import-" + job + "-errors.csv\"")
                .build();
    }
}
