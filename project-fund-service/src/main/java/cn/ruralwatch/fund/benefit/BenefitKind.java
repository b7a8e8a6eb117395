package cn.ruralwatch.fund.benefit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The kinds of household benefit 到户帮扶 the suite totals per household and year. */
@Schema(
        description = "帮扶类别：MICROCREDIT_INTEREST_SUBSIDY 小额信贷贴息（由贷款计算，不直接登记）、INDUSTRY_REWARD 产业奖补/以奖代补、"
                + "THREE_INDUSTRY_REWARD 三业奖补（每户每年一次）、YULU_SUBSIDY 雨露计划（按成员，每人每年不超过 3000 元）、"
                + "TRANSPORT_SUBSIDY 一次性交通补贴（按成员，每人每年一次）、PUBLIC_WELFARE_JOB_WAGE 公益性岗位工资（按成员）、"
                + "PV_REWARD 光伏收益奖励补助、ASSET_REVENUE 扶贫项目资产收益分配")
public enum BenefitKind {
    MICROCREDIT_INTEREST_SUBSIDY(false, true),
    INDUSTRY_REWARD(false, true),
    THREE_INDUSTRY_REWARD(false, true),
    YULU_SUBSIDY(true, true),
    TRANSPORT_SUBSIDY(true, true),
    PUBLIC_WELFARE_JOB_WAGE(true, false),
    PV_REWARD(false, false),
    ASSET_REVENUE(false, false);

    private final boolean perMember;
    private final boolean targetHouseholdsOnly;

    BenefitKind(boolean perMember, boolean targetHouseholdsOnly) {
        this.perMember = perMember;
        this.targetHouseholdsOnly = targetHouseholdsOnly;
    }

    /** Paid to one member (a student, a migrant worker, a job holder), so the member must be named. */
    public boolean perMember() {
        return perMember;
    }

    /** Only for 脱贫户 (including those not yet exited) and 监测对象. */
    public boolean targetHouseholdsOnly() {
        return targetHouseholdsOnly;
    }
}
