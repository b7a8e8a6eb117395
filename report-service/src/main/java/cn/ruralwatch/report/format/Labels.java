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

    public static final Map<String, String> HOUSEHOLD_STATUS =
            Map.of("ACTIVE", "正常", "MERGED", "已并入另一户", "DISSOLVED", "已注销");

    public static final Map<String, String> HOUSING_RENOVATION =
            Map.of("NONE", "无需改造", "NEEDED", "需改造，未开工", "IN_PROGRESS", "改造中", "COMPLETED", "已完成改造");

    public static final Map<String, String> RELATION = Map.ofEntries(
            Map.entry("HEAD", "户主"),
            Map.entry("SPOUSE", "配偶"),
            Map.entry("SON", "之子"),
            Map.entry("DAUGHTER", "之女"),
            Map.entry("DAUGHTER_IN_LAW", "之儿媳"),
            Map.entry("SON_IN_LAW", "之女婿"),
            Map.entry("GRANDSON", "之孙子"),
            Map.entry("GRANDDAUGHTER", "之孙女"),
            Map.entry("FATHER", "之父"),
            Map.entry("MOTHER", "之母"),
            Map.entry("GRANDFATHER", "之祖父"),
            Map.entry("GRANDMOTHER", "之祖母"),
            Map.entry("SIBLING", "兄弟姐妹"),
            Map.entry("OTHER", "其他"));

    public static final Map<String, String> SEX = Map.of("MALE", "男", "FEMALE", "女");

    public static final Map<String, String> LABOR_ABILITY =
            Map.of("ORDINARY", "普通劳动力", "SKILLED", "技能劳动力", "WEAK", "弱劳动力或半劳动力", "LOST", "丧失劳动力", "NONE", "无劳动力");

    public static final Map<String, String> HEALTH =
            Map.of("HEALTHY", "健康", "CHRONIC_ILLNESS", "长期慢性病", "SERIOUS_ILLNESS", "患有大病", "DISABLED", "残疾");

    public static final Map<String, String> EDUCATION_STAGE = Map.of(
            "PRESCHOOL",
            "学前",
            "PRIMARY",
            "小学",
            "JUNIOR_SECONDARY",
            "初中",
            "SENIOR_SECONDARY",
            "高中或中职",
            "TERTIARY",
            "大专及以上",
            "NONE",
            "未上学");

    public static final Map<String, String> SCHOOLING_STATUS =
            Map.of("IN_SCHOOL", "在校", "DROPPED_OUT", "辍学或失学", "DEFERRED", "缓学或免学", "NOT_IN_SCHOOL", "不在校");

    public static final Map<String, String> MEDICAL_INSURANCE =
            Map.of("ENROLLED", "已参保", "NOT_ENROLLED", "未参保", "UNKNOWN", "未核实");

    public static final Map<String, String> PENSION_INSURANCE = Map.of(
            "ENTERED", "已录入未参保", "ENROLLED", "已参保", "RECEIVING", "已领取养老金", "NOT_ENROLLED", "未参保", "UNKNOWN", "未核实");

    public static final Map<String, String> INSURANCE_EXEMPTION = Map.of(
            "ACTIVE_SOLDIER",
            "现役军人",
            "OTHER_INSURANCE",
            "参加其他同类保险",
            "STUDENT",
            "在校学生",
            "LONG_TERM_MIGRANT",
            "长期外出务工",
            "OTHER",
            "其他");

    public static final Map<String, String> EMPLOYMENT_LOCATION =
            Map.of("IN_COUNTY", "县内", "IN_PROVINCE", "县外省内", "OUT_OF_PROVINCE", "省外");

    public static final Map<String, String> EMPLOYMENT_KIND = Map.of(
            "MIGRANT_WORK", "外出务工", "LOCAL_EMPLOYMENT", "就近就业", "PUBLIC_WELFARE_JOB", "公益性岗位", "SELF_EMPLOYED", "自主创业");

    /** How a member joined or left a household. */
    public static final Map<String, String> MEMBER_CHANGE = Map.of(
            "REGISTRATION", "随户登记",
            "BIRTH", "出生",
            "MARRIAGE_IN", "婚入",
            "MOVE_IN", "迁入",
            "DEATH", "死亡",
            "MARRIAGE_OUT", "婚出",
            "MOVE_OUT", "迁出",
            "ENLISTMENT", "参军入伍",
            "SPLIT", "分户",
            "MERGE", "合户");

    public static final Map<String, String> MEASURE_TYPE = Map.of(
            "INDUSTRY", "产业帮扶",
            "EMPLOYMENT", "就业帮扶",
            "EDUCATION", "教育帮扶",
            "HEALTH", "健康帮扶",
            "HOUSING", "住房安全保障",
            "SAFETY_NET", "兜底保障",
            "MICROCREDIT", "小额信贷",
            "PUBLIC_WELFARE_JOB", "公益性岗位",
            "OTHER", "其他");

    public static final Map<String, String> CASE_KIND =
            Map.of("IDENTIFICATION", "识别纳入监测对象", "RISK_ELIMINATION", "风险消除");

    public static final Map<String, String> CASE_STATUS =
            Map.of("OPEN", "审核中", "APPROVED", "县级审定同意", "REJECTED", "未通过", "WITHDRAWN", "已撤回");

    public static final Map<String, String> REVIEW_STEP = Map.of(
            "HOME_VERIFICATION", "入户核实",
            "COMMITMENT", "农户承诺与数据授权",
            "DATA_CROSS_CHECK", "数据比对",
            "DEMOCRATIC_REVIEW", "村民主评议",
            "PUBLIC_NOTICE", "村级公示",
            "TOWNSHIP_REVIEW", "乡镇审核",
            "COUNTY_DECISION", "县级审定");

    public static final Map<String, String> STEP_OUTCOME = Map.of("PASSED", "通过", "FAILED", "未通过");

    public static final Map<String, String> CADRE_KIND = Map.of("RESPONSIBLE", "帮扶责任人", "CONTACT", "帮扶联系人");

    /** Why an assignment of a cadre to a household ended. */
    public static final Map<String, String> ASSIGNMENT_END = Map.of("REASSIGNED", "调整为他人", "CADRE_LEFT", "本人离岗");

    public static final Map<String, String> LOAN_STATUS = Map.of("ACTIVE", "在贷", "REPAID", "已还清");

    /** The label of a code, the code itself where none is known, "" for none. */
    public static String of(Map<String, String> labels, String code) {
        return code == null ? "" : labels.getOrDefault(code, code);
    }
}
