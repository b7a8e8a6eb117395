package cn.ruralwatch.report.period;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.report.Xlsx;
import cn.ruralwatch.report.job.JobKind;
import cn.ruralwatch.report.job.ReportJob;
import cn.ruralwatch.report.job.ReportJobs;
import cn.ruralwatch.time.ChinaTime;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Clock;
import java.time.YearMonth;
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
public class MonthlyReportResource {

    @Inject
    MonthlyReports reports;

    @Inject
    ReportJobs jobs;

    @Inject
    CallerScope scope;

    @Inject
    Clock clock;

    @GET
    @Path("/monthly")
    @Operation(
            operationId = "getMonthlyReport",
            summary = "月报（一月一报）：某月末本区划及下一级各区划的统计，与上月比较的增减",
            description = "数字取自月末快照（每月 1 日 0:05 自动保存上月数字，或本月提前取数）。")
    @APIResponse(responseCode = "200", description = "查询结果")
    @APIResponse(responseCode = "400", description = "区划代码或月份格式不正确")
    @APIResponse(responseCode = "404", description = "区划不存在、不在本人辖区，或该月没有快照")
    public MonthlyReport month(
            @Parameter(description = "县、乡镇或行政村代码", example = "450422", required = true) @QueryParam("division")
                    String division,
            @Parameter(description = "月份 YYYY-MM", example = "2026-10", required = true) @QueryParam("period")
                    String period) {
        return reports.month(division, period);
    }

    @GET
    @Path("/series")
    @Operation(operationId = "getMonthlySeries", summary = "时间序列：某区划各月末的统计数字（至多 120 个月）")
    @APIResponse(responseCode = "200", description = "查询结果")
    @APIResponse(responseCode = "400", description = "区划代码或月份不合法")
    @APIResponse(responseCode = "404", description = "区划不存在或不在本人辖区")
    public MonthlyReport.Series series(
            @Parameter(description = "县、乡镇或行政村代码", example = "450422", required = true) @QueryParam("division")
                    String division,
            @Parameter(description = "起始月份 YYYY-MM", example = "2026-01", required = true) @QueryParam("from")
                    String from,
            @Parameter(description = "截止月份 YYYY-MM", example = "2026-10", required = true) @QueryParam("to")
                    String to) {
        return reports.series(division, from, to);
    }

    @GET
    @Path("/monthly/export")
    @Produces(Xlsx.MEDIA_TYPE)
    @Operation(operationId = "exportMonthlyReport", summary = "导出月报（Excel）：下一级各区划一行，末行合计；每项数字分本月、上月、增减三列，中文表头")
    @APIResponse(
            responseCode = "200",
            description = "xlsx 文件",
            content =
                    @Content(
                            mediaType = Xlsx.MEDIA_TYPE,
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", description = "区划代码或月份格式不正确")
    @APIResponse(responseCode = "404", description = "区划不存在、不在本人辖区，或该月没有快照")
    public Response exportMonth(
            @Parameter(description = "县、乡镇或行政村代码", example = "450422", required = true) @QueryParam("division")
                    String division,
            @Parameter(description = "月份 YYYY-MM", example = "2026-10", required = true) @QueryParam("period")
                    String period) {
        MonthlyReport report = reports.month(division, period);
        StreamingOutput body = out -> MonthlyWorkbook.write(report, out);
        return Xlsx.download(body, "monthly-" + division + "-" + report.period() + ".xlsx");
    }

    @GET
    @Path("/series/export")
    @Produces(Xlsx.MEDIA_TYPE)
    @Operation(operationId = "exportMonthlySeries", summary = "导出时间序列（Excel）：每月一行，每项数字一列，中文表头")
    @APIResponse(
            responseCode = "200",
            description = "xlsx 文件",
            content =
                    @Content(
                            mediaType = Xlsx.MEDIA_TYPE,
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", description = "区划代码或月份不合法")
    @APIResponse(responseCode = "404", description = "区划不存在或不在本人辖区")
    public Response exportSeries(
            @Parameter(description = "县、乡镇或行政村代码", example = "450422", required = true) @QueryParam("division")
                    String division,
            @Parameter(description = "起始月份 YYYY-MM", example = "2026-01", required = true) @QueryParam("from")
                    String from,
            @Parameter(description = "截止月份 YYYY-MM", example = "2026-10", required = true) @QueryParam("to")
                    String to) {
        MonthlyReport.Series series = reports.series(division, from, to);
        StreamingOutput body = out -> MonthlyWorkbook.write(series, out);
        return Xlsx.download(body, "series-" + division + "-" + from + "-" + to + ".xlsx");
    }

    @POST
    @Path("/snapshots")
    @Transactional
    @Operation(
            operationId = "takeMonthlySnapshot",
            summary = "提前保存本月统计快照（本县各区划）；月末自动保存的数字会替换它",
            description = "后台任务，返回 202 和任务地址。")
    @APIResponse(
            responseCode = "202",
            description = "已受理",
            content = @Content(schema = @Schema(implementation = ReportJob.class)))
    public Response snapshot() {
        String county = scope.division().substring(0, 6);
        ReportJob job = jobs.enqueue(
                JobKind.SNAPSHOT,
                county,
                Map.of("period", YearMonth.from(ChinaTime.today(clock)).toString()));
        return ReportJobs.accepted(job);
    }
}
