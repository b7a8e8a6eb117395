package cn.ruralwatch.report.reconciliation;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/reports/reconciliation")
@Tag(name = "统计报表 Reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReconciliationResource {

    @Inject
    ReconciliationService reconciliation;

    @GET
    @Operation(
            operationId = "reconcileReports",
            summary = "核对统计数：与农户服务、指标服务自己的计数逐村、逐指标比对，列出不一致的数字",
            description = "比对户数、在户人口、各贫困状态户数、监测户数（按类别）、风险未消除户数、已评估户数、全部达标户数，"
                    + "以及各指标的达标户数、未达标户数和达标率的分子分母。刚发生的变动在事件送达前会暂时显示为不一致；"
                    + "持续的不一致可用 POST /api/v1/reports/rebuilds 重建统计数据修复。")
    @APIResponse(responseCode = "200", description = "查询结果")
    @APIResponse(responseCode = "400", description = "区划代码格式不正确")
    @APIResponse(responseCode = "404", description = "区划不存在或不在本人辖区")
    @APIResponse(responseCode = "502", description = "源系统未能答复")
    public Reconciliation reconcile(
            @Parameter(description = "县、乡镇或行政村代码", example = "450422", required = true) @QueryParam("division")
                    String division,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return reconciliation.reconcile(division, authorization);
    }
}
