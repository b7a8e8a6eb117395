package cn.ruralwatch.indicator.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ruralwatch.problem.Violation;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The arithmetic of declared figures, on the figures of the real reports (seeds 000 and 003). */
class FigureArithmeticTest {

    private static FigureCheckApi.Figure figure(String code, String label, String value) {
        return new FigureCheckApi.Figure(code, label, new BigDecimal(value), null);
    }

    private static FigureCheckApi.Relation sum(String whole, String... parts) {
        return new FigureCheckApi.Relation(
                FigureCheckApi.RelationKind.SUM, whole, List.of(parts), null, null, null, null);
    }

    private static FigureCheckApi.Relation rate(String rate, String numerator, String denominator) {
        return new FigureCheckApi.Relation(
                FigureCheckApi.RelationKind.RATE, null, null, rate, numerator, denominator, 2);
    }

    @Test
    void seed000NonPoorHousingSaysFortySevenFailingWhereTheCountsLeaveFortySix() {
        List<FigureCheckApi.Figure> figures = List.of(
                figure("households", "全镇非贫困户", "6419"),
                figure("met", "已达标", "6373"),
                figure("rate", "达标率", "99.28"),
                figure("failing", "未达标", "47"),
                figure("smallArea", "人均不足13平方米", "10"),
                figure("noHouse", "无房", "3"),
                figure("gradeC", "C类", "22"),
                figure("gradeD", "D类", "12"),
                figure("other", "其他未达标", "0"));
        List<FigureCheckApi.Check> checks = FigureArithmetic.relations(
                figures,
                List.of(
                        sum("households", "met", "failing"),
                        sum("failing", "smallArea", "noHouse", "gradeC", "gradeD", "other"),
                        rate("rate", "met", "households")));

        FigureCheckApi.Check whole = checks.get(0);
        assertFalse(whole.holds());
        assertEquals(0, new BigDecimal("6420").compareTo(whole.computed()));
        assertEquals(0, new BigDecimal("-1").compareTo(whole.difference()));
        assertEquals("全镇非贫困户 6419 ≠ 已达标 6373 + 未达标 47 = 6420（相差 -1）", whole.message());
        assertEquals(List.of("households", "met", "failing"), whole.figures());
        // the causes do add up to the 47 the text gives: the contradiction is between the total and the 6373
        assertTrue(checks.get(1).holds(), checks.get(1).message());
        assertTrue(checks.get(2).holds(), checks.get(2).message());
        assertEquals(
                "达标率 99.28% = 已达标 6373 / 全镇非贫困户 6419 = 99.28%", checks.get(2).message());
    }

    @Test
    void seed000HousingRatePrintedAs98Point86IsNinetyEightPoint84() {
        List<FigureCheckApi.Figure> figures = List.of(
                figure("all", "全镇农业人口户数", "7174"),
                figure("failing", "未达标", "83"),
                figure("met", "达标", "7091"),
                figure("rate", "有住房保障达标率", "98.86"));
        List<FigureCheckApi.Check> checks =
                FigureArithmetic.relations(figures, List.of(sum("all", "met", "failing"), rate("rate", "met", "all")));
        assertTrue(checks.get(0).holds());
        assertFalse(checks.get(1).holds());
        assertEquals(0, new BigDecimal("98.84").compareTo(checks.get(1).computed()));
        assertEquals(
                "有住房保障达标率 98.86% ≠ 达标 7091 / 全镇农业人口户数 7174 = 98.84%（相差 0.02 个百分点）",
                checks.get(1).message());
    }

    @Test
    void seed000InsuranceAndSeed003MonitoredHouseholdsDoNotAddUp() {
        List<FigureCheckApi.Check> insurance = FigureArithmetic.relations(
                List.of(
                        figure("due", "应参保", "22211"),
                        figure("insured", "已参保", "21854"),
                        figure("uninsured", "未参保", "361"),
                        figure("rate", "参保率", "98.39")),
                List.of(sum("due", "insured", "uninsured"), rate("rate", "insured", "due")));
        assertFalse(insurance.get(0).holds());
        assertEquals(
                0, new BigDecimal("4").compareTo(insurance.get(0).difference().negate()));
        assertTrue(insurance.get(1).holds());

        // 33户102人 not yet eliminated: identified 2021 4户11人, 2022 22户73人, 2023 7户19人 (11 + 73 + 19 = 103)
        List<FigureCheckApi.Check> people = FigureArithmetic.relations(
                List.of(
                        figure("people", "未消除风险监测户人数", "102"),
                        figure("y2021", "2021年新识别", "11"),
                        figure("y2022", "2022年新识别", "73"),
                        figure("y2023", "2023年新识别", "19")),
                List.of(sum("people", "y2021", "y2022", "y2023")));
        assertFalse(people.getFirst().holds());
        assertEquals(0, new BigDecimal("103").compareTo(people.getFirst().computed()));
    }

    @Test
    void aRateOverNothingIsAContradictionNamingTheZero() {
        FigureCheckApi.Check check = FigureArithmetic.relations(
                        List.of(figure("rate", "达标率", "100"), figure("n", "达标", "0"), figure("d", "户数", "0")),
                        List.of(rate("rate", "n", "d")))
                .getFirst();
        assertFalse(check.holds());
        assertEquals("达标率 100%：分母 户数 0 为 0，无法计算", check.message());
    }

    @Test
    void registeredFiguresAreComparedAtThePrintedDecimals() {
        FigureCheckApi.Figure incidence = figure("incidence", "贫困发生率", "3.45");
        assertTrue(FigureArithmetic.registered(incidence, "系统贫困发生率", new BigDecimal("3.4533"), true, 2)
                .holds());
        FigureCheckApi.Check households = FigureArithmetic.registered(
                figure("households", "凤阁村户数", "713"), "系统登记户数", new BigDecimal("711"), false, 0);
        assertFalse(households.holds());
        assertEquals("凤阁村户数 713 ≠ 系统登记户数 711（相差 2）", households.message());
        assertFalse(
                FigureArithmetic.registered(incidence, "基期人口", null, false, 2).holds());
    }

    @Test
    void referencesToMissingFiguresAndDuplicateCodesAreNamedByField() {
        FigureCheckApi.Request request = new FigureCheckApi.Request(
                "450422101",
                2020,
                null,
                "t",
                null,
                List.of(figure("a", "甲", "1"), figure("a", "乙", "2")),
                List.of(
                        sum("a", "b"),
                        new FigureCheckApi.Relation(
                                FigureCheckApi.RelationKind.SUM, "a", List.of(), null, null, null, null)),
                List.of(new FigureCheckApi.Comparison(
                        "a", FigureCheckApi.Measure.INDICATOR_EXCLUDED, "S", null, null, null, null, null)));
        List<String> fields = FigureArithmetic.violations(request).stream()
                .map(Violation::field)
                .toList();
        assertEquals(
                List.of(
                        "figures[1].code",
                        "relations[0].parts[0]",
                        "relations[1].parts",
                        "comparisons[0].indicator",
                        "comparisons[0].exclusion"),
                fields);
    }
}
