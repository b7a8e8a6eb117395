package cn.ruralwatch.report.workreport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ruralwatch.report.format.OfficialDocument;
import cn.ruralwatch.report.overview.Overview;
import cn.ruralwatch.report.workreport.WorkReportQueries.BenefitKind;
import cn.ruralwatch.report.workreport.WorkReportQueries.ByExitYear;
import cn.ruralwatch.report.workreport.WorkReportQueries.ByPovertyStatus;
import cn.ruralwatch.report.workreport.WorkReportQueries.Divisions;
import cn.ruralwatch.report.workreport.WorkReportQueries.FailingHousehold;
import cn.ruralwatch.report.workreport.WorkReportQueries.FundSource;
import cn.ruralwatch.report.workreport.WorkReportQueries.Households;
import cn.ruralwatch.report.workreport.WorkReportQueries.IndicatorTotal;
import cn.ruralwatch.report.workreport.WorkReportQueries.Monitored;
import cn.ruralwatch.report.workreport.WorkReportQueries.MonitoredGroup;
import cn.ruralwatch.report.workreport.WorkReportQueries.MonitoredYear;
import cn.ruralwatch.report.workreport.WorkReportQueries.Projects;
import cn.ruralwatch.report.workreport.WorkReportQueries.ProjectsByType;
import cn.ruralwatch.report.workreport.WorkReportQueries.PvPlan;
import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateInstance;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

/** The work report's text from its figures: the model and the shipped template, without a database. */
class WorkReportModelTest {

    private static final Engine ENGINE =
            Engine.builder().addDefaults().strictRendering(true).build();
    private static final WorkReportModel.Division COUNTY = new WorkReportModel.Division("457088", "丁县", "COUNTY");
    private static final String STANDARD = "NATIONAL_HOUSEHOLD_2021";
    private static final Map<String, String> LABELS =
            Map.of(STANDARD, "两不愁三保障及饮水安全、收入监测（全国）", STANDARD + "/BASIC_MEDICAL_INSURANCE", "基本医疗有保障");
    private static final UUID FAILING = UUID.fromString("7d0e3c1e-8f4a-4b57-9a52-52f3c1d6a001");

    /** A county of three households, two monitored, one failing an indicator; seed 003's PV revenue. */
    private static WorkReportModel.Facts county() {
        return new WorkReportModel.Facts(
                new Divisions(1, new Overview.Villages(1, 1, 1, 0)),
                new Households(3, 9, 0, 0, 0, 0),
                List.of(new ByPovertyStatus("EXITED", 2, 7), new ByPovertyStatus("NOT_POOR", 1, 2)),
                List.of(new ByExitYear(2019, 2, 7)),
                new Monitored(2, 6, 1, 2, 1, 4),
                List.of(
                        new MonitoredGroup("EDGE_AT_RISK", 1, 2, 1, 2),
                        new MonitoredGroup("SUDDEN_HARDSHIP", 1, 4, 0, 0)),
                List.of(new MonitoredYear(2022, 1, 4, 0, 0), new MonitoredYear(2023, 1, 2, 1, 2)),
                List.of(new MonitoredGroup("ILLNESS", 1, 2, 1, 2), new MonitoredGroup("ACCIDENT", 1, 4, 0, 0)),
                List.of(new WorkReportModel.Indicator(
                        new IndicatorTotal(STANDARD, "BASIC_MEDICAL_INSURANCE", 1, 1, 5, 6),
                        List.of(new FailingHousehold(FAILING, "程海源", "457088101201", "朝阳村", "一镇", 2, 2, 3)))),
                List.of(new FundSource("CENTRAL", 1, new BigDecimal("3577000.00"))),
                new BigDecimal("0"),
                new Projects(0, new BigDecimal("0"), 0, 0, 0),
                List.of(),
                List.of(),
                new Overview.Benefits(1, new BigDecimal("2040.00")),
                List.of(
                        new BenefitKind("INDUSTRY_REWARD", 1, new BigDecimal("1540.00")),
                        new BenefitKind("PV_REWARD", 1, new BigDecimal("500.00"))),
                new Overview.PvRevenue(
                        1,
                        new BigDecimal("100.00"),
                        new BigDecimal("20000.00"),
                        new BigDecimal("160000.00"),
                        1,
                        new BigDecimal("160000.00"),
                        15,
                        new BigDecimal("116000.00"),
                        new BigDecimal("44000.00"),
                        new BigDecimal("12000.00"),
                        new BigDecimal("0.00"),
                        0),
                List.of(new PvPlan(
                        "一镇",
                        LocalDate.of(2023, 3, 15),
                        "保安镇〔2023〕12号",
                        new BigDecimal("160000.00"),
                        15,
                        new BigDecimal("116000.00"),
                        new BigDecimal("44000.00"),
                        new BigDecimal("0.00"))));
    }

    /** A county with nothing counted yet. */
    private static WorkReportModel.Facts empty() {
        BigDecimal zero = new BigDecimal("0.00");
        return new WorkReportModel.Facts(
                new Divisions(0, new Overview.Villages(0, 0, 0, 0)),
                new Households(0, 0, 0, 0, 0, 0),
                List.of(),
                List.of(),
                new Monitored(0, 0, 0, 0, 0, 0),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                zero,
                new Projects(0, zero, 0, 0, 0),
                List.of(),
                List.of(),
                new Overview.Benefits(0, zero),
                List.of(),
                new Overview.PvRevenue(0, zero, zero, zero, 0, zero, 0, zero, zero, zero, zero, 0),
                List.of());
    }

    private static String render(String template, Map<String, Object> model) {
        TemplateInstance instance = ENGINE.parse(template).instance();
        model.forEach(instance::data);
        return instance.render();
    }

    private static String shippedBody() throws IOException {
        try (InputStream in =
                WorkReportModelTest.class.getClassLoader().getResourceAsStream("work-report/default.md")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Map<String, Object> model(WorkReportModel.Facts facts, Map<String, String> narrative) {
        Map<String, Object> model = WorkReportModel.of(COUNTY, 2023, LocalDate.of(2023, 11, 14), LABELS, facts);
        model.put("narrative", new Narrative(narrative));
        return model;
    }

    @Test
    void theShippedTemplateWritesTheFiguresIntoTheReportsSentencesAndTables() throws IOException {
        Map<String, Object> model = model(county(), Map.of("problems", "产业带动率需进一步提升。"));
        assertEquals("丁县2023年巩固拓展脱贫攻坚成果工作情况汇报", render(WorkReportTemplates.DEFAULT_TITLE, model));
        String body = render(shippedBody(), model);
        assertTrue(
                body.contains("丁县共有1个乡镇、1个行政村（其中贫困村1个）、1个社区，在册农户3户9人。其中已脱贫户2户7人（2019年脱贫2户7人）；纳入监测对象2户6人，"
                        + "已消除风险1户4人，现有风险未消除监测户1户2人。"),
                body);
        assertTrue(body.contains("| 边缘易致贫户 | 1 | 2 | 1 | 2 |"), body);
        assertTrue(body.contains("| 突发严重困难户 | 1 | 4 | 0 | 0 |"));
        assertTrue(body.contains("| 合计 | 2 | 6 | 1 | 2 |"));
        assertTrue(body.contains("按识别年度：2022年识别1户4人，2023年识别1户2人。"), body);
        assertTrue(body.contains("| 因病 | 1 | 2 | 1 | 2 |"));
        assertTrue(body.contains("| 因意外事故 | 1 | 4 | 0 | 0 |"));
        assertTrue(body.contains("## （一）2023年两不愁三保障及饮水安全、收入监测（全国）完成情况"), body);
        // a county's report names a household by its township, village and head, and shows no household number
        assertTrue(body.contains("1.基本医疗有保障。应评6户，已达标5户，达标率83.33%。未达标1户：1.一镇朝阳村程海源户。"), body);
        assertTrue(body.contains("兜底保障方面，农村低保0户0人，特困供养0户0人。"), body);
        assertFalse(body.contains(FAILING.toString()), "the household number is for machines, not the report");
        assertTrue(body.contains("2023年到户帮扶共惠及1户，金额0.20万元。"));
        assertTrue(body.contains("| 产业奖补 | 1 | 0.15 |"), body);
        assertTrue(body.contains("2023年全县下达衔接资金357.70万元，已拨付0.00万元，支出进度0.00%。"));
        assertTrue(body.contains("| 中央 | 1 | 357.70 |"));
        assertTrue(body.contains("光伏收益奖励补助0.05万元（1户）"));
        assertTrue(body.contains("丁县共有村级光伏电站1座，装机容量100.00千瓦，2023年发电20000.00千瓦时，收益16.00万元。"
                + "已制定并公示光伏收益分配方案1个，分配收益16.00万元，用于15人光伏公益性岗位工资11.60万元，"
                + "投入小型公益事业4.40万元（其中劳务费用1.20万元），奖励补助0.00万元（0户），岗位工资和劳务费用占80.00%。"));
        assertTrue(body.contains("| 一镇 | 2023年3月15日 | 保安镇〔2023〕12号 | 16.00 | 15 | 11.60 | 4.40 | 0.00 |"));
        assertTrue(body.contains("产业带动率需进一步提升。"));
        assertTrue(
                body.contains("（请填写预警线索摸排、集中排查和帮扶措施落实情况。）"),
                "a section the user did not write shows the template's default");
        assertFalse(body.contains("2023年11月14日"), "the date is the signature block's, not the template's");
    }

    @Test
    void aCountyWithNothingCountedShowsZerosAndDashesNotErrors() throws IOException {
        Map<String, Object> model = model(empty(), Map.of());
        String body = render(shippedBody(), model);
        assertTrue(body.contains("丁县共有0个行政村，在册农户0户0人。其中已脱贫户0户0人；"), body);
        assertTrue(body.contains("| 脱贫不稳定户 | 0 | 0 | 0 | 0 |"));
        assertTrue(body.contains("2023年本地区没有适用指标体系的评估结果。"), body);
        assertTrue(body.contains("2023年全县下达衔接资金0.00万元，已拨付0.00万元，支出进度—。"), body);
        assertTrue(body.contains("2023年尚无公示的光伏收益分配方案。"));
    }

    @Test
    void everyPovertyStatusMonitoringCategoryAndBenefitKindIsListedWithZerosWhereNoneAreCounted() {
        Map<String, Object> model = WorkReportModel.of(COUNTY, 2023, LocalDate.of(2023, 11, 14), Map.of(), county());
        @SuppressWarnings("unchecked")
        Map<String, Object> basic = (Map<String, Object>) model.get("basic");
        assertEquals(
                Map.of(
                        "NOT_POOR", Map.of("households", 1L, "members", 2L),
                        "NOT_EXITED", Map.of("households", 0L, "members", 0L),
                        "PLANNED_EXIT", Map.of("households", 0L, "members", 0L),
                        "EXITED", Map.of("households", 2L, "members", 7L)),
                basic.get("byPovertyStatus"));
        assertEquals(Map.of("households", 2L, "members", 7L), basic.get("exited"));
        @SuppressWarnings("unchecked")
        Map<String, Object> monitoring = (Map<String, Object>) model.get("monitoring");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> categories = (List<Map<String, Object>>) monitoring.get("categories");
        assertEquals(
                List.of("UNSTABLE_EXITED", "EDGE_AT_RISK", "SUDDEN_HARDSHIP"),
                categories.stream().map(c -> c.get("code")).toList());
        assertEquals(0L, categories.getFirst().get("households"));
        @SuppressWarnings("unchecked")
        Map<String, Object> benefits = (Map<String, Object>) model.get("benefits");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> byKind = (Map<String, Map<String, Object>>) benefits.get("byKind");
        assertEquals("0.00", byKind.get("PUBLIC_WELFARE_JOB_WAGE").get("amountWan"));
        assertEquals("1540.00", byKind.get("INDUSTRY_REWARD").get("amount"));
    }

    @Test
    void anIndicatorNamesTheHouseholdsItListsAndCountsThoseItLeavesOut() {
        WorkReportModel.Facts facts = county();
        WorkReportModel.Facts manyFailing = new WorkReportModel.Facts(
                facts.divisions(),
                facts.households(),
                facts.byPovertyStatus(),
                facts.byExitYear(),
                facts.monitored(),
                facts.monitoredByCategory(),
                facts.monitoredByYear(),
                facts.monitoredByRiskType(),
                List.of(new WorkReportModel.Indicator(
                        new IndicatorTotal(STANDARD, "SAFE_HOUSING", 0, 3, 0, 0),
                        List.of(new FailingHousehold(FAILING, null, "457088101201", "朝阳村", "一镇", 2, 0, 0)))),
                facts.countyFundSources(),
                facts.countyDisbursed(),
                facts.projects(),
                List.of(new ProjectsByType(
                        "INFRASTRUCTURE", 1, new BigDecimal("400000.00"), new BigDecimal("12345.00"))),
                facts.projectsByStage(),
                facts.benefits(),
                facts.benefitKinds(),
                facts.pv(),
                facts.pvPlans());
        Map<String, Object> model = WorkReportModel.of(COUNTY, 2023, LocalDate.of(2023, 11, 14), LABELS, manyFailing);
        @SuppressWarnings("unchecked")
        Map<String, Object> indicator = ((List<Map<String, Object>>) model.get("indicators")).getFirst();
        assertEquals(
                "SAFE_HOUSING", indicator.get("name"), "an indicator indicator-service did not name shows its code");
        assertEquals("—", indicator.get("rate"), "a rate without a denominator");
        assertEquals(2L, indicator.get("failingNotListed"));
        @SuppressWarnings("unchecked")
        Map<String, Object> unnamed = ((List<Map<String, Object>>) indicator.get("failing")).getFirst();
        assertEquals(FAILING.toString(), unnamed.get("householdId"));
        assertEquals("（户主未登记）", unnamed.get("headName"), "a household whose head is not known");
        assertEquals("（户主未登记）（一镇朝阳村）", unnamed.get("label"));
        @SuppressWarnings("unchecked")
        Map<String, Object> funds = (Map<String, Object>) model.get("funds");
        @SuppressWarnings("unchecked")
        Map<String, Object> type = ((List<Map<String, Object>>) funds.get("byType")).getFirst();
        assertEquals("40.00", type.get("plannedInvestmentWan"));
        assertEquals("1.23", type.get("disbursedWan"));
    }

    @Test
    void aTownshipsReportNamesHouseholdsByHeadAndVillageAndANameCannotBreakTheTable() throws Exception {
        WorkReportModel.Facts facts = county();
        WorkReportModel.Facts named = new WorkReportModel.Facts(
                facts.divisions(),
                facts.households(),
                facts.byPovertyStatus(),
                facts.byExitYear(),
                facts.monitored(),
                facts.monitoredByCategory(),
                facts.monitoredByYear(),
                facts.monitoredByRiskType(),
                List.of(new WorkReportModel.Indicator(
                        facts.indicators().getFirst().total(),
                        List.of(
                                new FailingHousehold(FAILING, "程海源", "457088101201", "朝阳村", "一镇", 2, 2, 3),
                                new FailingHousehold(
                                        UUID.randomUUID(), "韦|国*振_", "457088101202", "大梳村", "一镇", 3, 2, 3)))),
                facts.countyFundSources(),
                facts.countyDisbursed(),
                facts.projects(),
                facts.projectsByType(),
                facts.projectsByStage(),
                facts.benefits(),
                facts.benefitKinds(),
                facts.pv(),
                facts.pvPlans());
        Map<String, Object> model = WorkReportModel.of(
                new WorkReportModel.Division("457088101", "一镇", "TOWNSHIP"),
                2023,
                LocalDate.of(2023, 11, 14),
                LABELS,
                named);
        model.put("narrative", new Narrative(Map.of()));
        String body = render(shippedBody(), model);
        assertTrue(body.contains("1.朝阳村程海源户"), body);
        byte[] docx = DocxWriter.write("一镇", body);
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            String text = document.getParagraphs().stream()
                    .map(p -> p.getText())
                    .collect(java.util.stream.Collectors.joining("\n"));
            assertTrue(text.contains("1.朝阳村程海源户；2.大梳村韦|国*振_户"), text);
        }
    }

    /** GB/T 9704: a title longer than a line is broken where its words allow, into lines that fit and balance. */
    @Test
    void aLongTitleIsBrokenBeforeTheWordsItEndsWith() {
        assertEquals(
                List.of("同心镇2020年巩固拓展脱贫攻坚成果", "工作情况汇报"),
                cn.ruralwatch.report.format.OfficialDocument.titleLines("同心镇2020年巩固拓展脱贫攻坚成果工作情况汇报"));
        assertEquals(List.of("一镇2023年简报"), cn.ruralwatch.report.format.OfficialDocument.titleLines("一镇2023年简报"));
        List<String> long_ = cn.ruralwatch.report.format.OfficialDocument.titleLines("关于".repeat(30));
        assertEquals(3, long_.size(), "60 characters in lines of at most 20");
        assertTrue(long_.stream().allMatch(l -> l.length() <= 20), long_.toString());
    }

    private static final String TOWNSHIP_2020 = "GUANGXI_TOWNSHIP_2020";
    private static final String HOUSEHOLD_2020 = "GUANGXI_HOUSEHOLD_2020";
    private static final String VILLAGE_2020 = "GUANGXI_VILLAGE_2020";

    /** Names, validity and units as indicator-service gives them (the resource keeps them in the job). */
    private static Map<String, String> guangxiLabels() {
        Map<String, String> labels = new java.util.LinkedHashMap<>();
        labels.put(TOWNSHIP_2020, "广西脱贫摘帽乡镇“九有一低于”达标率");
        labels.put(TOWNSHIP_2020 + "#level", "TOWNSHIP");
        labels.put(TOWNSHIP_2020 + "#validFrom", "2020-01-01");
        labels.put(TOWNSHIP_2020 + "#validTo", "2020-12-31");
        labels.put(TOWNSHIP_2020 + "/HOUSING_POOR", "建档立卡贫困户住房保障达标率");
        labels.put(TOWNSHIP_2020 + "/HOUSING_POOR#unit", "HOUSEHOLD");
        labels.put(TOWNSHIP_2020 + "/MEDICAL_INSURANCE", "农业人口基本医疗保险参保率");
        labels.put(TOWNSHIP_2020 + "/MEDICAL_INSURANCE#unit", "MEMBER");
        labels.put(TOWNSHIP_2020 + "/HOUSING_ALL", "农户（农业户）住房保障达标率");
        labels.put(TOWNSHIP_2020 + "/HOUSING_ALL#unit", "HOUSEHOLD");
        for (String cause : List.of("SMALL_AREA", "NO_HOUSE", "GRADE_C", "GRADE_D", "OTHER")) {
            labels.put(TOWNSHIP_2020 + "/HOUSING_CAUSE_" + cause, cause);
        }
        labels.put(TOWNSHIP_2020 + "/TELEVISION_OWNED", "有电视机的农户占比");
        labels.put(TOWNSHIP_2020 + "/TELEVISION_OWNED#unit", "HOUSEHOLD");
        labels.put(TOWNSHIP_2020 + "/TELEVISION_OWNED#reporting", "COUNT");
        labels.put(TOWNSHIP_2020 + "/TELEVISION_OWNED#metAs", "有电视机的农户");
        labels.put(TOWNSHIP_2020 + "/TELEVISION_OWNED#notMetAs", "");
        labels.put(TOWNSHIP_2020 + "/CHRONIC_DISEASE_CERTIFICATE", "慢病证办理（已办 / 已办与待办）");
        labels.put(TOWNSHIP_2020 + "/CHRONIC_DISEASE_CERTIFICATE#unit", "MEMBER");
        labels.put(TOWNSHIP_2020 + "/CHRONIC_DISEASE_CERTIFICATE#reporting", "COUNT");
        labels.put(TOWNSHIP_2020 + "/CHRONIC_DISEASE_CERTIFICATE#metAs", "已办慢病证");
        labels.put(TOWNSHIP_2020 + "/CHRONIC_DISEASE_CERTIFICATE#notMetAs", "待办慢病证");
        labels.put(VILLAGE_2020, "广西贫困村脱贫摘帽“十一有一低于”");
        labels.put(VILLAGE_2020 + "#level", "VILLAGE");
        labels.put(VILLAGE_2020 + "#validFrom", "2020-01-01");
        labels.put(VILLAGE_2020 + "#validTo", "2020-12-31");
        labels.put(VILLAGE_2020 + "/HOUSING_ALL", "农户住房保障达标率");
        labels.put(VILLAGE_2020 + "/HOUSING_ALL#unit", "HOUSEHOLD");
        labels.put(HOUSEHOLD_2020, "广西贫困户脱贫“八有一超”");
        labels.put(HOUSEHOLD_2020 + "#level", "HOUSEHOLD");
        labels.put(HOUSEHOLD_2020 + "#validFrom", "2020-01-01");
        labels.put(HOUSEHOLD_2020 + "#validTo", "2020-12-31");
        labels.put(HOUSEHOLD_2020 + "/HOUSING", "有住房保障");
        labels.put(HOUSEHOLD_2020 + "/HOUSING#unit", "HOUSEHOLD");
        labels.put(STANDARD, "两不愁三保障及饮水安全、收入监测（全国）");
        labels.put(STANDARD + "#level", "HOUSEHOLD");
        labels.put(STANDARD + "#validFrom", "2021-01-01");
        labels.put(STANDARD + "#validTo", "");
        labels.put(STANDARD + "/BASIC_MEDICAL_INSURANCE", "基本医疗有保障");
        return labels;
    }

    /**
     * Seed 000's township in 2020: the 九有一低于 and 八有一超 sections in the reports' words, the housing causes in
     * the housing sentence, each failing household named with its village, reason and building stage, a list
     * printed once, and no row of the 2021 standard.
     */
    @Test
    void aTownshipReportOf2020WritesEachStandardValidThenInTheReportsWordsWithTheNamedHouseholds() throws Exception {
        UUID cheng = UUID.fromString("7d0e3c1e-8f4a-4b57-9a52-52f3c1d6a010");
        UUID huang = UUID.fromString("7d0e3c1e-8f4a-4b57-9a52-52f3c1d6a011");
        String building = "{\"safetyGrade\":\"D\",\"areaPerCapita\":20,\"noHouse\":false,"
                + "\"renovationMethod\":\"NEW_BUILD\",\"renovationStage\":\"FOUNDATION_DUG\"}";
        String small = "{\"safetyGrade\":\"B\",\"areaPerCapita\":9.5,\"noHouse\":false,"
                + "\"renovationMethod\":\"EXTENSION\",\"renovationProgress\":\"已倒地梁\"}";
        List<FailingHousehold> twoHouses = List.of(
                new FailingHousehold(cheng, "程海源", "450422101201", "大梳村", "同心镇", 4, 0, 1, building),
                new FailingHousehold(huang, "黄惠强", "450422101202", "同心村", "同心镇", 3, 0, 1, small));
        WorkReportModel.Facts facts = county();
        List<WorkReportModel.Indicator> indicators = List.of(
                new WorkReportModel.Indicator(
                        new IndicatorTotal(TOWNSHIP_2020, "HOUSING_POOR", 719, 2, 719, 721), twoHouses),
                new WorkReportModel.Indicator(
                        new IndicatorTotal(TOWNSHIP_2020, "HOUSING_ALL", 7091, 2, 7091, 7093), twoHouses),
                new WorkReportModel.Indicator(
                        new IndicatorTotal(TOWNSHIP_2020, "HOUSING_CAUSE_SMALL_AREA", 0, 1, 0, 0), List.of()),
                new WorkReportModel.Indicator(
                        new IndicatorTotal(TOWNSHIP_2020, "HOUSING_CAUSE_GRADE_D", 0, 1, 0, 0), List.of()),
                new WorkReportModel.Indicator(
                        new IndicatorTotal(TOWNSHIP_2020, "MEDICAL_INSURANCE", 7000, 1, 21854, 22211),
                        List.of(new FailingHousehold(cheng, "程海源", "450422101201", "大梳村", "同心镇", 4, 2, 4, building))),
                new WorkReportModel.Indicator(
                        new IndicatorTotal(TOWNSHIP_2020, "TELEVISION_OWNED", 6129, 1458, 6129, 7587), twoHouses),
                new WorkReportModel.Indicator(
                        new IndicatorTotal(TOWNSHIP_2020, "CHRONIC_DISEASE_CERTIFICATE", 190, 44, 200, 244), twoHouses),
                new WorkReportModel.Indicator(
                        new IndicatorTotal(HOUSEHOLD_2020, "HOUSING", 127, 2, 127, 129), twoHouses),
                new WorkReportModel.Indicator(
                        new IndicatorTotal(VILLAGE_2020, "HOUSING_ALL", 7091, 2, 7091, 7093), twoHouses),
                new WorkReportModel.Indicator(
                        new IndicatorTotal(STANDARD, "BASIC_MEDICAL_INSURANCE", 1, 1, 5, 6), twoHouses));
        WorkReportModel.Facts township = new WorkReportModel.Facts(
                new Divisions(0, new Overview.Villages(9, 0, 5, 5)),
                facts.households(),
                facts.byPovertyStatus(),
                facts.byExitYear(),
                facts.monitored(),
                facts.monitoredByCategory(),
                facts.monitoredByYear(),
                facts.monitoredByRiskType(),
                indicators,
                facts.countyFundSources(),
                facts.countyDisbursed(),
                facts.projects(),
                facts.projectsByType(),
                facts.projectsByStage(),
                facts.benefits(),
                facts.benefitKinds(),
                facts.pv(),
                facts.pvPlans());
        WorkReportModel.Work work = new WorkReportModel.Work(
                new WorkReportQueries.Agricultural(7174, 26343),
                List.of(
                        new WorkReportQueries.CategoryCount("SUDDEN_HARDSHIP", 1, 4),
                        new WorkReportQueries.CategoryCount("EDGE_AT_RISK", 1, 5)),
                List.of(),
                null,
                List.of(
                        new WorkReportModel.MonthFigure("2020-10", 350),
                        new WorkReportModel.MonthFigure("2020-11", 355)),
                List.of(new WorkReportQueries.Renovations("NEW_BUILD", 14)),
                java.util.Set.of(),
                List.of(
                        new WorkReportModel.Village(
                                "450422101203",
                                "凤阁村",
                                List.of(new WorkReportModel.Indicator(
                                        new IndicatorTotal(VILLAGE_2020, "HOUSING_ALL", 708, 3, 708, 711),
                                        List.of(new FailingHousehold(
                                                huang, "黄惠强", "450422101203", "凤阁村", "同心镇", 3, 0, 1, small))))),
                        new WorkReportModel.Village(
                                "450422101201",
                                "大梳村",
                                List.of(new WorkReportModel.Indicator(
                                        new IndicatorTotal(VILLAGE_2020, "HOUSING_ALL", 535, 0, 535, 535),
                                        List.of())))),
                new WorkReportModel.Screening(
                        LocalDate.of(2020, 1, 1),
                        LocalDate.of(2020, 11, 14),
                        830,
                        819,
                        List.of(
                                new WorkReportQueries.CategoryCount("SUDDEN_HARDSHIP", 1, 4),
                                new WorkReportQueries.CategoryCount("EDGE_AT_RISK", 1, 5)),
                        List.of(new WorkReportModel.Campaign(
                                "5月集中排查",
                                LocalDate.of(2020, 5, 6),
                                LocalDate.of(2020, 5, 30),
                                8892,
                                12,
                                List.of(
                                        new WorkReportQueries.CategoryCount("UNSTABLE_EXITED", 1, 3),
                                        new WorkReportQueries.CategoryCount("SUDDEN_HARDSHIP", 2, 3))))),
                new WorkReportModel.Teams(5, 4, 2, 1, 6),
                "省级后评估认领3个方面13个问题，均已完成整改。");
        Map<String, Object> model = WorkReportModel.of(
                new WorkReportModel.Division("450422101", "同心镇", "TOWNSHIP"),
                2020,
                LocalDate.of(2020, 11, 14),
                guangxiLabels(),
                township,
                work);
        model.put(
                "narrative",
                new Narrative(Map.of(
                        "problems",
                        "住房保障方面，未脱贫户大多数房屋属C/D级危房。\r\n　　产业方面，产业带动率需进一步提升。\n| 问题 | 数量 |\n|---|---|\n| 危房 | 5 |")));
        String body = render(shippedBody(), model);

        assertTrue(body.contains("## （一）2020年广西脱贫摘帽乡镇“九有一低于”达标率完成情况"), body);
        assertTrue(body.contains("## （二）2020年广西贫困户脱贫“八有一超”完成情况"), body);
        assertFalse(body.contains("两不愁三保障"), "the 2021 standard is not part of a 2020 report");
        assertTrue(
                body.contains("1.建档立卡贫困户住房保障达标率。应评721户，已达标719户，达标率99.72%。未达标2户："
                        + "1.大梳村程海源户（D类危房，计划新建，已挖地基）；2.同心村黄惠强户（人均住房面积不足13平方米，计划扩建，已倒地梁）。"),
                body);
        assertTrue(body.contains("未达标2户，其中人均不足13平方米1户，无房0户，C类0户，D类1户，其他未达标0户，名单同（一）第1项。"), body);
        assertTrue(body.contains("应评22211人，已达标21854人，达标率98.39%。未达标357人，涉及1户：1.大梳村程海源户（2人未参保）。"), body);
        assertEquals(1, body.split("大梳村程海源户（D类危房", -1).length - 1, "the housing list is printed once");
        assertTrue(body.contains("有电视机的农户占比。有电视机的农户6129户，占80.78%。"), body);
        assertTrue(body.contains("。已办慢病证200人，待办慢病证44人。"), body);
        assertEquals(
                2,
                body.split("大梳村程海源户", -1).length - 1,
                "counted indicators name nobody: the household is named once under housing (the other housing rates"
                        + " refer to that list) and once under medical insurance");
        assertTrue(body.contains("## （三）2020年广西贫困村脱贫摘帽“十一有一低于”完成情况"), body);
        assertTrue(body.contains("2020年出列贫困村2个（凤阁村、大梳村），各村完成情况如下。"), body);
        assertTrue(
                body.contains("1.农户住房保障达标率。凤阁村应评711户，已达标708户，达标率99.58%，未达标3户（黄惠强户等）；" + "大梳村应评535户，已达标535户，达标率100%。"),
                body);
        assertTrue(
                body.contains("一是开展预警线索摸排。1—11月共收到预警线索830条，排查预警线索819条，识别监测对象2户9人，"
                        + "其中边缘易致贫户1户5人，突发严重困难户1户4人；二是开展集中排查。2020年5月（5月集中排查）对全镇8892户"
                        + "农户进行了全面摸排，发现预警线索12条，识别监测对象3户6人，其中脱贫不稳定户1户3人，突发严重困难户2户3人；"
                        + "三是落实驻村帮扶。全镇派驻驻村工作队5支，在岗第一书记4名，开展队员培训2次，督查驻村工作队1次，印发每月工作提示6期；"
                        + "四是开展动态管理。2020年新识别监测对象2户9人"),
                body);
        assertTrue(body.contains("（请填写帮扶措施落实情况。）"), body);
        assertTrue(body.contains("问题整改方面，省级后评估认领3个方面13个问题，均已完成整改。"), body);
        assertTrue(body.contains("全镇农业户7174户，农业人口26343人"), body);
        assertTrue(body.contains("9个行政村（其中贫困村5个，已出列3个，2020年出列2个）"), body);
        assertTrue(body.contains("2020年新识别监测对象2户9人，其中边缘易致贫户1户5人，突发严重困难户1户4人"), body);
        assertTrue(body.contains("截至2020年11月，脱贫人口（含监测人口）外出务工355人。"), body);
        assertTrue(body.contains("2020年实施农村住房改造14户（新建14户）。"), body);
        assertTrue(body.contains("# 七、存在的问题"));
        assertTrue(
                body.contains("C/D级危房。\n\n产业方面，产业带动率需进一步提升。\n\n| 问题 | 数量 |\n|---|---|\n| 危房 | 5 |"),
                "each line the caller typed is a paragraph, a table stays one: " + body);
        assertTrue(body.contains("# 八、下一步工作计划"));
        assertFalse(body.matches("(?s).*[A-Z]{2,}_[A-Z]{2,}.*"), "no code in the text");
        assertFalse(body.matches("(?s).*\\d\\.\\d+E[+-]?\\d.*"), "no number in scientific notation");

        // the document a township would hand in, kept for looking at the pages (LibreOffice: see docs/reports.md)
        byte[] docx = DocxWriter.write(
                "同心镇2020年巩固拓展脱贫攻坚成果工作情况汇报", body, new OfficialDocument.Signature("同心镇人民政府", "2020年11月14日"));
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "work-report-sample.docx"), docx);
    }
}
