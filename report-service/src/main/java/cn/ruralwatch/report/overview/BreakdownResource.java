package cn.ruralwatch.report.overview;

import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.report.Xlsx;
import cn.ruralwatch.report.job.JobKind;
import cn.ruralwatch.report.job.ReportJob;
import cn.ruralwatch.report.job.ReportJobs;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/reports")
@Tag(name = "统计报表 Reports")
@Produces(MediaType.APPLICATION_JSON)
public class BreakdownResource {

    @Inject
    BreakdownService breakdowns;

    @Inject
    HouseholdList households;

    @Inject
    HouseholdListWorkbook workbooks;

    @Inject
    OverviewService overviews;

    @Inject
    ReportJobs jobs;

    @GET
    @Path("/breakdown")
    @Operation(operationId = "getBreakdown", summary = "分级统计：本区划及下一级各区划的农户、人口、贫困状态、监测对象（按类别、风险）和达标户数")
    @APIResponse(responseCode = "200", description = "查询结果")
    @APIResponse(responseCode = "400", description = "区划代码格式不正确")
    @APIResponse(responseCode = "404", description = "区划不存在或不在本人辖区")
    public Breakdown breakdown(
            @Parameter(description = "县、乡镇或行政村代码", example = "450422", required = true) @QueryParam("division")
                    String division) {
        return breakdowns.breakdown(division);
    }

    @GET
    @Path("/households")
    @Operation(
            operationId = "listReportHouseholds",
            summary = "统计数字背后的农户名单（分页）：按区划、贫困状态、是否监测对象、监测类别、风险状态筛选",
            description = "与分级统计的口径一致，例如 monitored=true&riskState=AT_RISK 是“风险未消除的监测户数”背后的农户。"
                    + "每户给出户主姓名和所在村、乡镇名称（按本人辖区，与农户列表相同的权限），不含身份证号、电话、银行账号。")
    @APIResponse(responseCode = "200", description = "查询结果")
    @APIResponse(responseCode = "400", description = "区划代码或筛选值不合法")
    @APIResponse(responseCode = "404", description = "区划不存在或不在本人辖区")
    public Page<HouseholdList.Row> households(
            @BeanParam HouseholdFilterParameters parameters,
            @Parameter(description = "页码，从 0 开始", example = "0") @QueryParam("page") Integer page,
            @Parameter(description = "每页条数，1–500，默认 20", example = "20") @QueryParam("size") Integer size) {
        return households.find(parameters.filter(), PageRequest.of(page, size));
    }

    @GET
    @Path("/households/export")
    @Produces(Xlsx.MEDIA_TYPE)
    @Operation(
            operationId = "exportReportHouseholds",
            summary = "导出统计名单（Excel）：与 /api/v1/reports/households 相同的筛选，中文表头和中文类别，" + "以户主姓名、乡镇（全县名单）和行政村点名，农户编号在末列")
    @APIResponse(
            responseCode = "200",
            description = "xlsx 文件",
            content =
                    @Content(
                            mediaType = Xlsx.MEDIA_TYPE,
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", description = "区划代码或筛选值不合法")
    @APIResponse(responseCode = "404", description = "区划不存在或不在本人辖区")
    public Response export(@BeanParam HouseholdFilterParameters parameters) {
        // checked before the file starts, so that a bad request is a problem response and not a broken file
        HouseholdList.Filter filter = parameters.filter();
        overviews.division(filter.division());
        StreamingOutput body = out -> workbooks.write(filter, out);
        return Xlsx.download(body, "households-" + filter.division() + ".xlsx");
    }

    @GET
    @Path("/breakdown/export")
    @Produces(Xlsx.MEDIA_TYPE)
    @Operation(operationId = "exportBreakdown", summary = "导出分级统计表（Excel）：下一级各区划一行，末行合计，中文表头")
    @APIResponse(
            responseCode = "200",
            description = "xlsx 文件",
            content =
                    @Content(
                            mediaType = Xlsx.MEDIA_TYPE,
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", description = "区划代码格式不正确")
    @APIResponse(responseCode = "404", description = "区划不存在或不在本人辖区")
    public Response exportBreakdown(
            @Parameter(description = "县、乡镇或行政村代码", example = "450422", required = true) @QueryParam("division")
                    String division) {
        Breakdown breakdown = breakdowns.breakdown(division);
        StreamingOutput body = out -> BreakdownWorkbook.write(breakdown, out);
        return Xlsx.download(body, "breakdown-" + division + ".xlsx");
    }

    @POST
    @Path("/households/export-jobs")
    @Transactional
    @Operation(
            operationId = "queueReportHouseholdsExport",
            summary = "后台导出统计名单（Excel）：筛选同 /api/v1/reports/households，适合全县数万户的名单",
            description = "返回 202 和任务地址；完成后从 GET /api/v1/reports/jobs/{id}/file 下载。")
    @APIResponse(
            responseCode = "202",
            description = "已受理",
            content = @Content(schema = @Schema(implementation = ReportJob.class)))
    @APIResponse(responseCode = "400", description = "区划代码或筛选值不合法")
    @APIResponse(responseCode = "404", description = "区划不存在或不在本人辖区")
    public Response queueExport(@BeanParam HouseholdFilterParameters parameters) {
        HouseholdList.Filter filter = parameters.filter();
        overviews.division(filter.division());
        Map<String, Object> criteria = new LinkedHashMap<>();
        criteria.put("list", "HOUSEHOLDS");
        criteria.putAll(filter.criteria());
        return ReportJobs.accepted(jobs.enqueue(JobKind.EXPORT, filter.division(), criteria));
    }
}
