package cn.ruralwatch.report.overview;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The query parameters that pick the households behind a figure: one set for the list, its export and export jobs. */
public class HouseholdFilterParameters {

    @Parameter(description = "县、乡镇或行政村代码", example = "450422101", required = true)
    @QueryParam("division")
    String division;

    @Parameter(description = "贫困状态")
    @QueryParam("povertyStatus")
    HouseholdList.PovertyStatus povertyStatus;

    @Parameter(description = "是否监测对象")
    @QueryParam("monitored")
    Boolean monitored;

    @Parameter(description = "监测类别")
    @QueryParam("monitoringCategory")
    HouseholdList.MonitoringCategory monitoringCategory;

    @Parameter(description = "风险状态（仅监测对象）")
    @QueryParam("riskState")
    HouseholdList.RiskState riskState;

    @Parameter(description = "是否已评估（有指标评估结果）")
    @QueryParam("evaluated")
    Boolean evaluated;

    @Parameter(description = "是否按适用的各指标体系全部达标（仅已评估农户）")
    @QueryParam("meetingStandard")
    Boolean meetingStandard;

    HouseholdList.Filter filter() {
        return new HouseholdList.Filter(
                division, povertyStatus, monitored, monitoringCategory, riskState, evaluated, meetingStandard);
    }
}
