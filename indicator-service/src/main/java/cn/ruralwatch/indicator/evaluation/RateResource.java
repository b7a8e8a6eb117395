package cn.ruralwatch.indicator.evaluation;

import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.Violation;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/indicator-rates")
@Tag(name = "达标率与未达标名单 Rates and named lists")
@Produces(MediaType.APPLICATION_JSON)
public class RateResource {

    static final String CSV_UTF8 = "text/csv;charset=UTF-8";
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    @Inject
    RateService rates;

    @GET
    @Operation(operationId = "getIndicatorRates", summary = "一个地区各项指标的达标率（分子、分母、排除项）及贫困发生率")
    @APIResponse(responseCode = "200", description = "各指标的达标率")
    @APIResponse(responseCode = "400", description = "缺少指标体系或日期格式不对")
    @APIResponse(responseCode = "404", description = "没有这个指标体系，或地区不在辖区内")
    public RateApi.RateReport rates(
            @Parameter(description = "指标体系编码", example = "GUANGXI_TOWNSHIP_2020") @QueryParam("standard")
                    String standard,
            @Parameter(description = "行政区划代码；为空时为本人辖区", example = "450422101") @QueryParam("division") String division,
            @Parameter(description = "截至日期（含当日）；为空表示当前", example = "2026-10-31") @QueryParam("asOf") String asOf) {
        QueryParameters.requireAll("standard", standard);
        return rates.rates(standard, division, QueryParameters.date("asOf", asOf));
    }

    @GET
    @Path("/failing-households")
    @Operation(operationId = "listFailingHouseholds", summary = "某项指标的未达标农户名单（含原因），分页")
    @APIResponse(responseCode = "200", description = "一页名单")
    @APIResponse(responseCode = "404", description = "没有这个指标")
    public Page<RateApi.FailingHousehold> failing(
            @QueryParam("standard") String standard,
            @QueryParam("indicator") String indicator,
            @QueryParam("division") String division,
            @QueryParam("asOf") String asOf,
            @Parameter(description = "页码，从 0 开始", example = "0") @QueryParam("page") Integer page,
            @Parameter(description = "每页条数，1–500，默认 20", example = "20") @QueryParam("size") Integer size) {
        QueryParameters.requireAll("standard", standard, "indicator", indicator);
        return rates.failing(
                standard, indicator, division, QueryParameters.date("asOf", asOf), PageRequest.of(page, size));
    }

    @GET
    @Path("/failing-households.csv")
    @Produces(CSV_UTF8)
    @Operation(operationId = "exportFailingHouseholds", summary = "导出未达标农户名单（CSV，Excel 可直接打开）")
    @APIResponse(
            responseCode = "200",
            description = "成功",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response export(
            @QueryParam("standard") String standard,
            @QueryParam("indicator") String indicator,
            @QueryParam("division") String division,
            @QueryParam("asOf") String asOf) {
        QueryParameters.requireAll("standard", standard, "indicator", indicator);
        LocalDate on = QueryParameters.date("asOf", asOf);
        // the first page is read now, so that a wrong standard or region answers a problem before the file starts
        Page<RateApi.FailingHousehold> first = rates.failing(standard, indicator, division, on, PageRequest.of(0, 500));
        StreamingOutput body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write(BYTE_ORDER_MARK);
            try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
                csv.printRecord("户主姓名", "行政村", "行政村代码", "农户id", "计入分子", "计入分母", "未达标原因");
                Page<RateApi.FailingHousehold> page = first;
                int next = 1;
                while (true) {
                    for (RateApi.FailingHousehold h : page.items()) {
                        csv.printRecord(
                                h.headName() == null ? "（户主未登记）" : h.headName(),
                                h.villageName(),
                                h.villageCode(),
                                h.householdId(),
                                h.numerator(),
                                h.denominator(),
                                h.reasons().stream()
                                        .map(r -> (r.memberId() == null ? "" : "成员 " + r.memberId() + " ") + r.field()
                                                + "=" + r.value())
                                        .collect(Collectors.joining("；")));
                    }
                    if (page.items().size() < PageRequest.MAX_SIZE) {
                        break;
                    }
                    page = rates.failing(
                            standard, indicator, division, on, PageRequest.of(next++, PageRequest.MAX_SIZE));
                }
            }
        };
        return Response.ok(body)
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"failing-" + standard + "-" + indicator + ".csv\"")
                .build();
    }

    @GET
    @Path("/changes")
    @Operation(
            operationId = "listIndicatorResultChanges",
            summary = "一段时间内某项指标由达标变为未达标（STOPPED_MEETING）或由未达标变为达标（STARTED_MEETING）的农户")
    public Page<RateApi.ResultChange> changes(
            @QueryParam("standard") String standard,
            @QueryParam("indicator") String indicator,
            @QueryParam("division") String division,
            @Parameter(example = "2026-11-01") @QueryParam("from") String from,
            @Parameter(example = "2026-11-30") @QueryParam("to") String to,
            @Parameter(description = "STOPPED_MEETING（默认）或 STARTED_MEETING") @QueryParam("change") String change,
            @Parameter(description = "页码，从 0 开始", example = "0") @QueryParam("page") Integer page,
            @Parameter(description = "每页条数，1–500，默认 20", example = "20") @QueryParam("size") Integer size) {
        QueryParameters.requireAll("standard", standard, "indicator", indicator);
        QueryParameters.requireAll("from", from, "to", to);
        LocalDate start = QueryParameters.date("from", from);
        LocalDate end = QueryParameters.date("to", to);
        if (end.isBefore(start)) {
            throw ProblemException.invalid(Violation.of("to", "BEFORE_FROM", "problem.rates.to-before-from"));
        }
        boolean stopped = change == null || change.equals("STOPPED_MEETING");
        if (!stopped && !change.equals("STARTED_MEETING")) {
            throw ProblemException.invalid(Violation.of("change", "ENUM", "problem.rates.change-invalid"));
        }
        return rates.changes(standard, indicator, division, start, end, stopped, PageRequest.of(page, size));
    }
}
