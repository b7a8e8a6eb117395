package cn.ruralwatch.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ruralwatch.events.HouseholdState;
import cn.ruralwatch.indicator.rules.CompiledStandard;
import cn.ruralwatch.indicator.rules.RuleCompiler;
import cn.ruralwatch.indicator.rules.RuleModel;
import cn.ruralwatch.indicator.rules.StandardDefinition;
import cn.ruralwatch.indicator.rules.StandardDefinition.Exclusion;
import cn.ruralwatch.indicator.rules.StandardDefinition.IndicatorDefinition;
import cn.ruralwatch.indicator.rules.StandardDefinition.Unit;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The facts township reports count (issue 21) are in the model rules are written against, and a rule counts them over
 * households the way a rate sums them: 农业户 and 农业人口, television, computer and smartphone, 养老保险 应录入 / 已录入 /
 * 已参保, 慢病证 and 家庭医生签约, households whose labour all work away or run their own business, renovations planned
 * this year by method, relocation households and the stage reached.
 */
class ReportedFactsRulesTest {

    private static final LocalDate DAY = LocalDate.of(2020, 11, 30);
    private static final String WORKING_AGE_POOR =
            "household.povertyStatus in ['NOT_EXITED', 'PLANNED_EXIT', 'EXITED'] && member.age >= 16";
    private static final List<Exclusion> PENSION_EXCLUSIONS = List.of(
            new Exclusion("ACTIVE_SOLDIER", "现役军人", "member.activeSoldier"),
            new Exclusion("NATURAL_DECREASE", "应作为家庭成员自然减少", "member.status == 'REMOVED'"),
            new Exclusion("STUDENT", "在校学生", "member.pensionInsuranceExemption == 'STUDENT'"),
            new Exclusion("OTHER_PENSION", "机关事业单位或企业职工养老保险", "member.pensionInsuranceExemption == 'OTHER_INSURANCE'"),
            new Exclusion("LONG_TERM_MIGRANT", "长期外出务工", "member.pensionInsuranceExemption == 'LONG_TERM_MIGRANT'"));

    private static final CompiledStandard COUNTS = RuleCompiler.compile(new StandardDefinition(
            "REPORTED_FACTS",
            "工作汇报中的户、人计数",
            "45",
            StandardDefinition.Level.TOWNSHIP,
            LocalDate.of(2020, 1, 1),
            LocalDate.of(2020, 12, 31),
            null,
            List.of(),
            List.of(
                    household("AGRICULTURAL_HOUSEHOLDS", "农业户", null, "household.agriculturalHousehold"),
                    member(
                            "AGRICULTURAL_PEOPLE",
                            "农业人口",
                            "member.status == 'ACTIVE'",
                            List.of(),
                            "member.agriculturalRegistration"),
                    household("TELEVISION", "有电视机的农户", null, "household.television"),
                    household("COMPUTER", "有电脑的农户", null, "household.computer"),
                    household("SMARTPHONE", "有智能手机的农户", null, "household.smartphone"),
                    member(
                            "PENSION_ENTERED",
                            "养老保险录入率",
                            WORKING_AGE_POOR,
                            PENSION_EXCLUSIONS,
                            "member.pensionInsurance in ['ENTERED', 'ENROLLED', 'RECEIVING']"),
                    member(
                            "PENSION_INSURED",
                            "养老保险参保率",
                            WORKING_AGE_POOR,
                            PENSION_EXCLUSIONS,
                            "member.pensionInsurance in ['ENROLLED', 'RECEIVING']"),
                    member(
                            "CHRONIC_CERTIFICATE_ISSUED",
                            "已办慢病证",
                            "member.status == 'ACTIVE' && member.chronicDiseaseCertificate != 'NONE'",
                            List.of(),
                            "member.chronicDiseaseCertificate == 'ISSUED'"),
                    member(
                            "FAMILY_DOCTOR",
                            "贫困人口家庭医生签约率",
                            "member.status == 'ACTIVE' && household.povertyStatus != 'NOT_POOR'",
                            List.of(),
                            "member.familyDoctorContract"),
                    household(
                            "ALL_LABOUR_AWAY_OR_SELF_EMPLOYED",
                            "家庭全部劳动力均长期外出务工或自主创业",
                            "household.laborCount > 0",
                            "household.members.filter(m, m.laborAbility in ['ORDINARY', 'SKILLED', 'WEAK'])"
                                    + ".all(m, m.employmentKind in ['MIGRANT_WORK', 'SELF_EMPLOYED'] && m.employmentMonths >= 6)"),
                    household(
                            "PLANNED_REPAIRS",
                            "今年计划维修加固",
                            "household.housing.renovationYear == year",
                            "household.housing.renovationMethod == 'REPAIR'"),
                    household(
                            "RELOCATION_BUILT",
                            "易地扶贫搬迁户已完工",
                            "household.housing.relocated",
                            "household.housing.renovationStage == 'COMPLETED'")),
            List.of()));

    @Test
    void aRuleCountsTheFactsTheReportsCount() {
        List<HouseholdFixture> township = new ArrayList<>();

        // a poor household: a pensioner, one entered but not yet insured, one working away long-term (exempt), a
        // 17-year-old neither entered nor of agricultural registration
        HouseholdFixture poor = new HouseholdFixture("450422101201")
                .poor("PLANNED_EXIT")
                .devices(true, false, true)
                .renovation("REPAIR", 2020, "COLUMNS_POURED");
        poor.member(LocalDate.of(1962, 5, 1), m -> {
            m.pension = "RECEIVING";
            m.chronicCertificate = "ISSUED";
            m.familyDoctor = true;
        });
        poor.member(LocalDate.of(1966, 5, 1), m -> {
            m.pension = "ENTERED";
            m.chronicCertificate = "PENDING";
            m.familyDoctor = true;
        });
        poor.member(LocalDate.of(1990, 5, 1), m -> {
            m.pension = "NOT_ENROLLED";
            m.pensionExemption = "LONG_TERM_MIGRANT";
            m.familyDoctor = true;
        });
        poor.member(LocalDate.of(2003, 5, 1), m -> {
            m.labor = "NONE";
            m.pension = "NOT_ENROLLED";
            m.agricultural = false;
        });
        township.add(poor);

        // a relocation household whose new house is built; all its labour works away or on its own
        HouseholdFixture relocated = new HouseholdFixture("450422101202")
                .poor("EXITED")
                .devices(true, true, true)
                .renovation("RELOCATION", 2019, "COMPLETED");
        relocated.member(LocalDate.of(1975, 1, 1), m -> {
            m.employmentKind = "SELF_EMPLOYED";
            m.employmentLocation = "IN_COUNTY";
            m.employmentMonths = 12;
            m.pension = "NOT_ENROLLED";
        });
        relocated.member(LocalDate.of(1998, 1, 1), m -> {
            m.employmentKind = "MIGRANT_WORK";
            m.employmentLocation = "OUT_OF_PROVINCE";
            m.status = "REMOVED";
            m.leftBy = "MOVE_OUT";
        });
        township.add(relocated);

        // a non-agricultural household (its head's registration is not), devices not recorded
        HouseholdFixture town = new HouseholdFixture("450422101202");
        town.member(LocalDate.of(1980, 1, 1), m -> m.agricultural = false);
        town.member(LocalDate.of(1982, 1, 1));
        township.add(town);

        Map<String, int[]> rates = rates(township);
        assertRate(rates, "AGRICULTURAL_HOUSEHOLDS", 2, 3);
        // people living in the households: 4 + 1 + 2, of whom the schoolgirl and the town head hold none
        assertRate(rates, "AGRICULTURAL_PEOPLE", 5, 7);
        assertRate(rates, "TELEVISION", 2, 3);
        assertRate(rates, "COMPUTER", 1, 3);
        assertRate(rates, "SMARTPHONE", 2, 3);
        // 应录入: the poor aged 16 and over (4 + 1, and 1 who left), less the migrant worker and the one who moved out
        assertRate(rates, "PENSION_ENTERED", 2, 4);
        assertRate(rates, "PENSION_INSURED", 1, 4);
        assertRate(rates, "CHRONIC_CERTIFICATE_ISSUED", 1, 2);
        assertRate(rates, "FAMILY_DOCTOR", 3, 5);
        // the poor household's labour is at home; the relocated one's works away or on its own (the one who moved out
        // no longer counts); the town household's labour has no kind of work recorded
        assertRate(rates, "ALL_LABOUR_AWAY_OR_SELF_EMPLOYED", 1, 3);
        assertRate(rates, "PLANNED_REPAIRS", 1, 1);
        assertRate(rates, "RELOCATION_BUILT", 1, 1);

        // counted as the report counts "家庭全部劳动力均长期外出务工或自主创业": all labour long away or self-employed
        HouseholdFixture away = new HouseholdFixture("450422101201").poor("EXITED");
        away.member(LocalDate.of(1985, 1, 1), m -> {
            m.employmentKind = "MIGRANT_WORK";
            m.employmentLocation = "OUT_OF_PROVINCE";
        });
        away.member(LocalDate.of(1987, 1, 1), m -> {
            m.employmentKind = "SELF_EMPLOYED";
            m.employmentLocation = "IN_COUNTY";
        });
        away.member(LocalDate.of(2015, 1, 1), m -> m.labor = "NONE");
        assertFalse(outcome(away, "ALL_LABOUR_AWAY_OR_SELF_EMPLOYED").met(), "months of work not recorded");
    }

    @Test
    void theModelDeclaresTheFactsAndAStateFromBeforeThemReadsAsTheDefaults() throws Exception {
        HouseholdFixture household = new HouseholdFixture("450422101201");
        household.member(LocalDate.of(1970, 1, 1));
        ObjectMapper mapper = new ObjectMapper()
                .findAndRegisterModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        ObjectNode json = mapper.valueToTree(household.state());
        for (String field : List.of("television", "computer", "smartphone")) {
            json.remove(field);
        }
        ObjectNode housing = (ObjectNode) json.get("housing");
        housing.remove(
                List.of("renovationMethod", "renovationYear", "renovationStage", "renovationProgress", "relocated"));
        ObjectNode member = (ObjectNode) json.get("members").get(0);
        member.remove(List.of(
                "employmentKind", "agriculturalRegistration", "chronicDiseaseCertificate", "familyDoctorContract"));
        HouseholdState older = mapper.treeToValue(json, HouseholdState.class);

        Map<String, Object> h = RuleModel.household(older, DAY, RuleModel.allMembers(older, DAY));
        assertEquals(true, h.get("agriculturalHousehold"));
        assertEquals(false, h.get("television"));
        @SuppressWarnings("unchecked")
        Map<String, Object> hs = (Map<String, Object>) h.get("housing");
        assertEquals("", hs.get("renovationMethod"));
        assertEquals(0L, hs.get("renovationYear"));
        assertEquals(false, hs.get("relocated"));
        @SuppressWarnings("unchecked")
        Map<String, Object> m = ((List<Map<String, Object>>) h.get("members")).getFirst();
        assertEquals(true, m.get("agriculturalRegistration"));
        assertEquals("NONE", m.get("chronicDiseaseCertificate"));
        assertEquals("", m.get("employmentKind"));
        assertEquals(false, m.get("familyDoctorContract"));
        assertTrue(outcome(household, "AGRICULTURAL_HOUSEHOLDS").met());
    }

    private static Map<String, int[]> rates(List<HouseholdFixture> households) {
        Map<String, int[]> rates = new java.util.HashMap<>();
        for (HouseholdFixture household : households) {
            for (CompiledStandard.Outcome o : COUNTS.evaluateHousehold(household.state(), Map.of(), DAY)) {
                int[] rate = rates.computeIfAbsent(o.indicatorCode(), c -> new int[2]);
                rate[0] += o.numerator();
                rate[1] += o.denominator();
            }
        }
        return rates;
    }

    private static void assertRate(Map<String, int[]> rates, String indicator, int numerator, int denominator) {
        assertEquals(numerator + "/" + denominator, rates.get(indicator)[0] + "/" + rates.get(indicator)[1], indicator);
    }

    private static CompiledStandard.Outcome outcome(HouseholdFixture household, String indicator) {
        return COUNTS.evaluateHousehold(household.state(), Map.of(), DAY).stream()
                .filter(o -> o.indicatorCode().equals(indicator))
                .findFirst()
                .orElseThrow();
    }

    private static IndicatorDefinition household(String code, String name, String population, String rule) {
        return new IndicatorDefinition(code, name, Unit.HOUSEHOLD, population, List.of(), rule, Map.of(), null);
    }

    private static IndicatorDefinition member(
            String code, String name, String population, List<Exclusion> exclusions, String rule) {
        return new IndicatorDefinition(code, name, Unit.MEMBER, population, exclusions, rule, Map.of(), null);
    }
}
