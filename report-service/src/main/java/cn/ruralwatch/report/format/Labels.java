package cn.ruralwatch.report.format;

import java.util.Map;

/** Chinese labels of the enumerations the reports show, by what they name (a code may mean different things). */
public final class Labels {

    private Labels() {}

    public static final Map<String, String> POVERTY_STATUS =
            Map.of("NOT_POOR", "一般农户", "NOT_EXITED", "未脱贫", "PLANNED_EXIT", "预脱贫", "EXITED", "已脱贫");

    public static final Map<String, String> MONITORING_CATEGORY =
            Map.of("UNSTABLE_EXITED", "脱贫不稳定户", "EDGE_AT_RISK", "边缘易致贫户", "SUDDEN_HARDSHIP", "突发严重困难户");

    public static final Map<String, String> RISK_STATE = Map.of("AT_RISK", "风险未消除", "ELIMINATED", "风险已消除");

    public static final Map<String, String> RISK_TYPE = Map.ofEntries(
            Map.entry("ILLNESS", "因病"),
            Map.entry("DISABILITY", "因残"),
            Map.entry("EDUCATION", "因学"),
            Map.entry("DISASTER", "因灾"),
            Map.entry("ACCIDENT", "因意外事故"),
            Map.entry("UNSTABLE_EMPLOYMENT", "因务工就业不稳"),
            Map.entry("INDUSTRY_FAILURE", "因产业项目失败"),
            Map.entry("HOUSING", "住房安全"),
            Map.entry("DRINKING_WATER", "饮水安全"),
            Map.entry("OTHER", "其他"));

    public static final Map<String, String> SOURCE_LEVEL =
            Map.of("CENTRAL", "中央", "PROVINCIAL", "省级", "CITY", "市级", "COUNTY", "县级");

    public static final Map<String, String> PROJECT_TYPE = Map.of(
            "INDUSTRY", "产业发展",
            "INFRASTRUCTURE", "基础设施",
            "EMPLOYMENT", "就业帮扶",
            "EDUCATION", "教育",
            "HOUSING", "住房保障",
            "DRINKING_WATER", "饮水安全",
            "VILLAGE_ENVIRONMENT", "人居环境",
            "OTHER", "其他");

    public static final Map<String, String> PROJECT_STAGE = Map.of(
            "RESERVE", "项目库（储备）",
            "APPLIED", "已申报",
            "REVIEWED", "已审核",
            "APPROVED", "已批复",
            "IMPLEMENTING", "实施中",
            "COMPLETED", "已完工",
            "ACCEPTED", "已验收",
            "ASSETS_REGISTERED", "资产已确权",
            "TERMINATED", "已终止");

    public static final Map<String, String> BENEFIT_KIND = Map.of(
            "MICROCREDIT_INTEREST_SUBSIDY", "小额信贷贴息",
            "INDUSTRY_REWARD", "产业奖补",
            "THREE_INDUSTRY_REWARD", "三业奖补",
            "YULU_SUBSIDY", "雨露计划",
            "TRANSPORT_SUBSIDY", "一次性交通补贴",
            "PUBLIC_WELFARE_JOB_WAGE", "公益性岗位工资",
            "PV_REWARD", "光伏收益奖励补助",
            "ASSET_REVENUE", "扶贫项目资产收益分配");

    public static final Map<String, String> RENOVATION_METHOD = Map.of(
            "NEW_BUILD", "新建",
            "REPAIR", "维修加固",
            "PURCHASE", "购置",
            "EXTENSION", "扩建",
            "RELOCATION", "易地扶贫搬迁",
            "OTHER", "其他方式");

    public static final Map<String, String> RENOVATION_STAGE = Map.of(
            "FOUNDATION_DUG", "已挖地基",
            "PILES_POURED", "已倒桩",
            "FOUNDATION_POURED", "已倒地基",
            "GROUND_BEAMS_POURED", "已倒地梁",
            "COLUMNS_POURED", "已倒柱",
            "FLOOR_POURED", "已倒楼面",
            "COMPLETED", "已完成");

    /** The label of a code, the code itself where none is known, "" for none. */
    public static String of(Map<String, String> labels, String code) {
        return code == null ? "" : labels.getOrDefault(code, code);
    }
}
