package cn.ruralwatch.fund.benefit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The kinds of household benefit 到户帮扶 the suite totals per household and year. */
@Schema(
        description = "帮扶类别：MICROCREDIT_INTEREST_SUBSIDY 小额信贷贴息（由贷款计算，不直接登记）、INDUSTRY_REWARD 产业奖补/以奖代补（参与特色产业的农户）、"
                + "THREE_INDUSTRY_REWARD 三业奖补（发展产业或有成员务工的农户，每户每年一次）、YULU_SUBSIDY 雨露计划（中职、高职在校生）、"
                + "TRANSPORT_SUBSIDY 一次性交通补贴（外出务工满规定月数的成员，每人每年一次）、PUBLIC_WELFARE_JOB_WAGE 公益性岗位工资（有劳动能力、年满 16 周岁的成员）、"
                + "PV_REWARD 光伏收益奖励补助（由光伏收益分配方案发放）、ASSET_REVENUE 扶贫项目资产收益分配（由资产收益发放）")
public enum BenefitKind {
    MICROCREDIT_INTEREST_SUBSIDY(false, true, Recorded.COMPUTED, "小额信贷贴息"),
    INDUSTRY_REWARD(false, true, Recorded.BY_HAND_UNDER_RULE, "产业奖补"),
    THREE_INDUSTRY_REWARD(false, true, Recorded.BY_HAND_UNDER_RULE, "三业奖补"),
    YULU_SUBSIDY(true, true, Recorded.BY_HAND_UNDER_RULE, "雨露计划"),
    TRANSPORT_SUBSIDY(true, true, Recorded.BY_HAND_UNDER_RULE, "一次性交通补贴"),
    PUBLIC_WELFARE_JOB_WAGE(true, false, Recorded.BY_HAND, "公益性岗位工资"),
    PV_REWARD(false, false, Recorded.BY_SOURCE, "光伏收益奖励补助"),
    ASSET_REVENUE(false, false, Recorded.BY_SOURCE, "资产收益分配");

    /** How benefits of a kind come to be recorded. */
    enum Recorded {
        /** Computed from another record (a loan's interest subsidy); never recorded as a benefit. */
        COMPUTED,
        /** Paid only by another record (a published PV plan, an asset's revenue), which checks what it pays. */
        BY_SOURCE,
        /** Recorded by an official (job wages also by PV plans), without amounts set by region. */
        BY_HAND,
        /** Recorded by an official within the amounts and caps of the {@link BenefitRules rule} in force. */
        BY_HAND_UNDER_RULE
    }

    private final boolean perMember;
    private final boolean targetHouseholdsOnly;
    private final Recorded recorded;
    private final String label;

    BenefitKind(boolean perMember, boolean targetHouseholdsOnly, Recorded recorded, String label) {
        this.perMember = perMember;
        this.targetHouseholdsOnly = targetHouseholdsOnly;
        this.recorded = recorded;
        this.label = label;
    }

    /** Paid to one member (a student, a migrant worker, a job holder), so the member must be named. */
    public boolean perMember() {
        return perMember;
    }

    /** Only for 脱贫户 (including those not yet exited) and 监测对象. */
    public boolean targetHouseholdsOnly() {
        return targetHouseholdsOnly;
    }

    Recorded recorded() {
        return recorded;
    }

    /** Whether regions set its amounts and caps ({@code benefit_rule}). */
    public boolean ruled() {
        return recorded == Recorded.BY_HAND_UNDER_RULE;
    }

    /** The Chinese name officials know it by, for messages. */
    public String label() {
        return label;
    }
}
