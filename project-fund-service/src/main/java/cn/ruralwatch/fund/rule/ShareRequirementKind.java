package cn.ruralwatch.fund.rule;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The least shares the suite checks, each set nationwide and per province from a year on. */
@Schema(
        description =
                "最低占比要求的种类：INDUSTRY_DEVELOPMENT 衔接资金用于产业发展的占比；" + "PV_WAGES_AND_LABOUR 光伏收益用于公益岗位工资和小型公益事业劳务费用的占比")
public enum ShareRequirementKind {
    INDUSTRY_DEVELOPMENT,
    PV_WAGES_AND_LABOUR
}
