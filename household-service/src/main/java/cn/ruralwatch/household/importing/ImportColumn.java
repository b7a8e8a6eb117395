package cn.ruralwatch.household.importing;

import cn.ruralwatch.household.household.ChronicDiseaseCertificate;
import cn.ruralwatch.household.household.EducationStage;
import cn.ruralwatch.household.household.EmploymentKind;
import cn.ruralwatch.household.household.EmploymentLocation;
import cn.ruralwatch.household.household.Health;
import cn.ruralwatch.household.household.HousingRenovation;
import cn.ruralwatch.household.household.HousingSafetyGrade;
import cn.ruralwatch.household.household.InsuranceExemption;
import cn.ruralwatch.household.household.LaborAbility;
import cn.ruralwatch.household.household.MedicalInsurance;
import cn.ruralwatch.household.household.MemberChange;
import cn.ruralwatch.household.household.MonitoringCategory;
import cn.ruralwatch.household.household.PensionInsurance;
import cn.ruralwatch.household.household.PovertyStatus;
import cn.ruralwatch.household.household.Relation;
import cn.ruralwatch.household.household.RenovationMethod;
import cn.ruralwatch.household.household.RenovationStage;
import cn.ruralwatch.household.household.RiskState;
import cn.ruralwatch.household.household.RiskType;
import cn.ruralwatch.household.household.SchoolLocation;
import cn.ruralwatch.household.household.SchoolingStatus;
import cn.ruralwatch.household.household.SpecialSchoolingCase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The columns of an import file (导入模板): one row per member, the household's own columns repeated on each of its
 * rows (or given on its first row only). Each column names where its value goes in the registration document
 * ({@code HouseholdRegistration} of the API), so that an imported household is checked exactly as a registered one.
 *
 * @param header the column name in the file's first row
 * @param scope whether the value belongs to the household or to the member of the row
 * @param path where the value goes: in the household document, or in the member document for member columns
 * @param kind how the text of a cell is read
 * @param values the coded values of an {@link Kind#CODE} or {@link Kind#CODES} column
 * @param required whether the file must have the column
 */
public record ImportColumn(
        String header, Scope scope, String path, Kind kind, Class<? extends Enum<?>> values, boolean required) {

    /** 户编号: the file's own number of the household, grouping its member rows. */
    public static final String HOUSEHOLD_REFERENCE = "户编号";

    public enum Scope {
        HOUSEHOLD,
        MEMBER
    }

    public enum Kind {
        TEXT,
        INTEGER,
        DECIMAL,
        /** 是/否 */
        YES_NO,
        DATE,
        /** one coded value, by its code or its Chinese label */
        CODE,
        /** several coded values separated by 、 , ， ; ； */
        CODES,
        /** several texts separated by 、 , ， ; ； */
        TEXTS
    }

    /** Every column, in the order of the template. */
    public static final List<ImportColumn> ALL = List.of(
            text(HOUSEHOLD_REFERENCE, Scope.HOUSEHOLD, "", true),
            text("行政村代码", Scope.HOUSEHOLD, "villageCode", true),
            text("姓名", Scope.MEMBER, "name", true),
            text("证件号码", Scope.MEMBER, "idNumber", true),
            code("与户主关系", Scope.MEMBER, "relation", Relation.class, true),
            code("劳动能力", Scope.MEMBER, "attributes.laborAbility", LaborAbility.class),
            code("健康状况", Scope.MEMBER, "attributes.health", Health.class),
            of("残疾等级", Scope.MEMBER, "attributes.disabilityGrade", Kind.INTEGER),
            code("文化程度", Scope.MEMBER, "attributes.educationStage", EducationStage.class),
            code("在校状况", Scope.MEMBER, "attributes.schoolingStatus", SchoolingStatus.class),
            code("未在校特殊情形", Scope.MEMBER, "attributes.specialSchoolingCase", SpecialSchoolingCase.class),
            code("就读地点", Scope.MEMBER, "attributes.schoolLocation", SchoolLocation.class),
            code("医疗保险", Scope.MEMBER, "attributes.medicalInsurance", MedicalInsurance.class),
            code("未参加医保原因", Scope.MEMBER, "attributes.medicalInsuranceExemption", InsuranceExemption.class),
            code("养老保险", Scope.MEMBER, "attributes.pensionInsurance", PensionInsurance.class),
            code("未参加养老保险原因", Scope.MEMBER, "attributes.pensionInsuranceExemption", InsuranceExemption.class),
            of("现役军人", Scope.MEMBER, "attributes.activeSoldier", Kind.YES_NO),
            code("务工地点", Scope.MEMBER, "attributes.employmentLocation", EmploymentLocation.class),
            of("务工月数", Scope.MEMBER, "attributes.employmentMonths", Kind.INTEGER),
            of("务工月收入", Scope.MEMBER, "attributes.employmentMonthlyIncome", Kind.DECIMAL),
            code("就业类型", Scope.MEMBER, "attributes.employmentKind", EmploymentKind.class),
            of("农业户籍", Scope.MEMBER, "attributes.agriculturalRegistration", Kind.YES_NO),
            code("慢病证", Scope.MEMBER, "attributes.chronicDiseaseCertificate", ChronicDiseaseCertificate.class),
            of("家庭医生签约", Scope.MEMBER, "attributes.familyDoctorContract", Kind.YES_NO),
            code("减员方式", Scope.MEMBER, "leftBy", MemberChange.class),
            of("减员日期", Scope.MEMBER, "leftOn", Kind.DATE),
            text("家庭住址", Scope.HOUSEHOLD, "attributes.address", false),
            text("联系电话", Scope.HOUSEHOLD, "attributes.phone", false),
            text("一卡通账号", Scope.HOUSEHOLD, "attributes.bankAccount", false),
            code("贫困户状态", Scope.HOUSEHOLD, "attributes.povertyStatus", PovertyStatus.class),
            of("脱贫年度", Scope.HOUSEHOLD, "attributes.exitYear", Kind.INTEGER),
            of("低保户", Scope.HOUSEHOLD, "attributes.minimumLiving", Kind.YES_NO),
            of("特困供养户", Scope.HOUSEHOLD, "attributes.extremePoverty", Kind.YES_NO),
            code("住房安全等级", Scope.HOUSEHOLD, "attributes.housingSafetyGrade", HousingSafetyGrade.class),
            of("人均住房面积", Scope.HOUSEHOLD, "attributes.housingAreaPerCapita", Kind.DECIMAL),
            of("无房户", Scope.HOUSEHOLD, "attributes.noHouse", Kind.YES_NO),
            code("危房改造", Scope.HOUSEHOLD, "attributes.housingRenovation", HousingRenovation.class),
            code("改造方式", Scope.HOUSEHOLD, "attributes.renovationMethod", RenovationMethod.class),
            of("改造计划年度", Scope.HOUSEHOLD, "attributes.renovationYear", Kind.INTEGER),
            code("改造进度", Scope.HOUSEHOLD, "attributes.renovationStage", RenovationStage.class),
            text("改造进度说明", Scope.HOUSEHOLD, "attributes.renovationProgress", false),
            of("易地扶贫搬迁户", Scope.HOUSEHOLD, "attributes.relocated", Kind.YES_NO),
            of("水量达标", Scope.HOUSEHOLD, "attributes.drinkingWater.quantity", Kind.YES_NO),
            of("水质达标", Scope.HOUSEHOLD, "attributes.drinkingWater.quality", Kind.YES_NO),
            of("用水方便", Scope.HOUSEHOLD, "attributes.drinkingWater.convenience", Kind.YES_NO),
            of("供水保证率达标", Scope.HOUSEHOLD, "attributes.drinkingWater.supplyGuarantee", Kind.YES_NO),
            of("通生活用电", Scope.HOUSEHOLD, "attributes.electricity", Kind.YES_NO),
            of("能看电视或通宽带", Scope.HOUSEHOLD, "attributes.tvBroadband", Kind.YES_NO),
            of("有电视机", Scope.HOUSEHOLD, "attributes.television", Kind.YES_NO),
            of("有电脑", Scope.HOUSEHOLD, "attributes.computer", Kind.YES_NO),
            of("有智能手机", Scope.HOUSEHOLD, "attributes.smartphone", Kind.YES_NO),
            of("通屯道路", Scope.HOUSEHOLD, "attributes.roadToHamlet", Kind.YES_NO),
            of("特色产业", Scope.HOUSEHOLD, "attributes.industries", Kind.TEXTS),
            text("专业合作社", Scope.HOUSEHOLD, "attributes.cooperative", false),
            code("监测对象类别", Scope.HOUSEHOLD, "monitoring.category", MonitoringCategory.class),
            new ImportColumn("风险类型", Scope.HOUSEHOLD, "monitoring.riskTypes", Kind.CODES, RiskType.class, false),
            code("风险状态", Scope.HOUSEHOLD, "monitoring.riskState", RiskState.class),
            of("识别年度", Scope.HOUSEHOLD, "monitoring.identifiedYear", Kind.INTEGER),
            of("纳入监测日期", Scope.HOUSEHOLD, "monitoring.monitoredSince", Kind.DATE),
            of("收入年度", Scope.HOUSEHOLD, "incomes[0].year", Kind.INTEGER),
            of("工资性收入", Scope.HOUSEHOLD, "incomes[0].wage", Kind.DECIMAL),
            of("生产经营性收入", Scope.HOUSEHOLD, "incomes[0].business", Kind.DECIMAL),
            of("财产性收入", Scope.HOUSEHOLD, "incomes[0].property", Kind.DECIMAL),
            of("转移性收入", Scope.HOUSEHOLD, "incomes[0].transfer", Kind.DECIMAL),
            of("生产经营费用", Scope.HOUSEHOLD, "incomes[0].productionCosts", Kind.DECIMAL),
            of("收入核定日期", Scope.HOUSEHOLD, "incomes[0].assessedOn", Kind.DATE));

    /** Other names files use for a column, as exported by the national monitoring system and county templates. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("身份证号", "证件号码"),
            Map.entry("身份证号码", "证件号码"),
            Map.entry("村代码", "行政村代码"),
            Map.entry("户号", HOUSEHOLD_REFERENCE),
            Map.entry("在校生状况", "在校状况"),
            Map.entry("联系方式", "联系电话"),
            Map.entry("是否农业户籍", "农业户籍"),
            Map.entry("是否签约家庭医生", "家庭医生签约"),
            Map.entry("危改方式", "改造方式"),
            Map.entry("是否易地扶贫搬迁户", "易地扶贫搬迁户"));

    private static final Map<String, ImportColumn> BY_HEADER = byHeader();

    /** The column a header names, by its name or one of its other names. */
    public static Optional<ImportColumn> forHeader(String header) {
        String name = header == null ? "" : header.strip();
        return Optional.ofNullable(BY_HEADER.get(ALIASES.getOrDefault(name, name)));
    }

    /** The column a field of the registration document comes from ({@code members[2].attributes.health}), if any. */
    public static Optional<ImportColumn> forField(String field) {
        String path = field.replaceFirst("^members\\[\\d+]\\.?", "");
        Scope scope = path.length() < field.length() ? Scope.MEMBER : Scope.HOUSEHOLD;
        return ALL.stream()
                .filter(c -> c.scope == scope && !c.path.isEmpty())
                .filter(c -> path.equals(c.path) || path.startsWith(c.path + ".") || path.startsWith(c.path + "["))
                .findFirst()
                .or(() -> forHousehold(path, scope));
    }

    // a problem with a whole list (incomes, members) is shown against the column that starts it
    private static Optional<ImportColumn> forHousehold(String path, Scope scope) {
        return switch (path) {
            case "members" -> forHeader("与户主关系");
            case "incomes" -> forHeader("收入年度");
            case "monitoring" -> forHeader("监测对象类别");
            default -> scope == Scope.MEMBER ? forHeader("证件号码") : Optional.empty();
        };
    }

    /** The headers of the template, in order. */
    public static Stream<String> headers() {
        return ALL.stream().map(ImportColumn::header);
    }

    private static ImportColumn text(String header, Scope scope, String path, boolean required) {
        return new ImportColumn(header, scope, path, Kind.TEXT, null, required);
    }

    private static ImportColumn of(String header, Scope scope, String path, Kind kind) {
        return new ImportColumn(header, scope, path, kind, null, false);
    }

    private static ImportColumn code(String header, Scope scope, String path, Class<? extends Enum<?>> values) {
        return code(header, scope, path, values, false);
    }

    private static ImportColumn code(
            String header, Scope scope, String path, Class<? extends Enum<?>> values, boolean required) {
        return new ImportColumn(header, scope, path, Kind.CODE, values, required);
    }

    private static Map<String, ImportColumn> byHeader() {
        Map<String, ImportColumn> columns = new LinkedHashMap<>();
        ALL.forEach(c -> columns.put(c.header, c));
        return columns;
    }
}
