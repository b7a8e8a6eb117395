package cn.ruralwatch.fund.usage;

import cn.ruralwatch.fund.QueryParameters;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Tag(name = "衔接资金 Linkage funds")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FundUsageResource {

    @Inject
    FundUsageService usage;

    @GET
    @Path("/fund-usage")
    @Operation(
            operationId = "getFundUsage",
            summary = "资金使用与支出进度",
            description = "一个区划一个年度：按资金来源的下达、安排、拨付与支出进度（县级），项目按阶段、类型和下一级区划的预算与拨付，" + "产业发展占比及其要求（县级，低于要求时给出提醒）。")
    @APIResponse(responseCode = "200", description = "查询结果")
    @APIResponse(responseCode = "400", description = "缺少或写错区划、年度")
    @APIResponse(responseCode = "404", description = "区划不存在或不在本人辖区")
    public FundUsageApi.Usage usage(
            @Parameter(description = "区划代码（县、乡镇或村）", example = "450422", required = true) @QueryParam("division")
                    String division,
            @Parameter(description = "年度", example = "2023", required = true) @QueryParam("year") Integer year) {
        QueryParameters.divisionAndYear(division, year);
        return usage.usage(division, year);
    }
}
