package cn.ruralwatch.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ruralwatch.indicator.rules.CompiledStandard;
import cn.ruralwatch.indicator.rules.RuleCompiler;
import cn.ruralwatch.indicator.rules.StandardDefinition;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shipped standards' rules on single households, without a service: the Guangxi 2020 housing indicator
 * (住房保障: safe grade A or B and at least the parameter's area per person, counted over 预脱贫 households), the national
 * standard's 不愁吃穿 over any household, and the reference date a standard is evaluated on.
 */
class ShippedRulesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private static final Map<String, Object> GUANGXI_PARAMETERS =
            Map.of("params.housingAreaPerCapita", 13.0, "params.povertyLine", 4000.0);

    private static final LocalDate IN_2020 = LocalDate.of(2020, 11, 30);

    @Test
    void housingIsMetWithASafeHouseOfEnoughAreaPerPersonAndCountedOnlyForHouseholdsAboutToExit() {
        CompiledStandard guangxi = shipped("GUANGXI_HOUSEHOLD_2020");

        var safe = outcome(guangxi, household().poor("PLANNED_EXIT").housing("B", "13.0"), "HOUSING");
        assertTrue(safe.met());
        assertEquals(1, safe.numerator());
        assertEquals(1, safe.denominator());

        var unsafe = outcome(guangxi, household().poor("PLANNED_EXIT").housing("C", "30.0"), "HOUSING");
        assertFalse(unsafe.met());
        assertEquals(0, unsafe.numerator());
        assertEquals(1, unsafe.denominator());

        var small = outcome(guangxi, household().poor("PLANNED_EXIT").housing("A", "12.9"), "HOUSING");
        assertFalse(small.met());

        var homeless = outcome(guangxi, household().poor("PLANNED_EXIT").withoutHouse(), "HOUSING");
        assertFalse(homeless.met());

        // a household that is not about to exit is outside the indicator's population: counted in neither part
        var notCounted = outcome(guangxi, household().poor("NOT_POOR").housing("C", "5.0"), "HOUSING");
        assertEquals(0, notCounted.denominator());
    }

    @Test
    void foodAndClothingNeedsAnIncomeOfTheYearOrBefore() {
        CompiledStandard national = shipped("NATIONAL_HOUSEHOLD_2021");
        Map<String, Object> parameters = Map.of("params.monitoringThreshold", 6000.0);
        LocalDate day = LocalDate.of(2024, 6, 30);

        assertTrue(outcome(national, household().income(2023, "9000"), "FOOD_CLOTHING", parameters, day)
                .met());
        // an income entered for a later year is not yet known on the day
        assertFalse(outcome(national, household().income(2025, "9000"), "FOOD_CLOTHING", parameters, day)
                .met());
        assertFalse(
                outcome(national, household(), "FOOD_CLOTHING", parameters, day).met());
    }

    @Test
    void aStandardIsEvaluatedWithinItsPeriod() {
        CompiledStandard guangxi = shipped("GUANGXI_HOUSEHOLD_2020");
        assertEquals(LocalDate.of(2020, 12, 31), guangxi.referenceDate(LocalDate.of(2031, 5, 1)));
        assertEquals(LocalDate.of(2020, 1, 1), guangxi.referenceDate(LocalDate.of(2019, 5, 1)));
        assertEquals(IN_2020, guangxi.referenceDate(IN_2020));
        assertTrue(guangxi.inForce(IN_2020));
        assertFalse(guangxi.inForce(LocalDate.of(2021, 1, 1)));
    }

    private static HouseholdFixture household() {
        HouseholdFixture household = new HouseholdFixture("450422101201");
        household.member(LocalDate.of(1970, 3, 1));
        return household;
    }

    private static CompiledStandard.Outcome outcome(
            CompiledStandard standard, HouseholdFixture household, String indicator) {
        return outcome(standard, household, indicator, GUANGXI_PARAMETERS, IN_2020);
    }

    private static CompiledStandard.Outcome outcome(
            CompiledStandard standard,
            HouseholdFixture household,
            String indicator,
            Map<String, Object> parameters,
            LocalDate day) {
        return standard.evaluateHousehold(household.state(), parameters, day).stream()
                .filter(o -> o.indicatorCode().equals(indicator))
                .findFirst()
                .orElseThrow();
    }

    private static CompiledStandard shipped(String code) {
        try (InputStream in = ShippedRulesTest.class.getClassLoader().getResourceAsStream("standards/shipped.json")) {
            for (JsonNode standard : MAPPER.readTree(in).get("standards")) {
                if (standard.get("code").asText().equals(code)) {
                    return RuleCompiler.compile(MAPPER.treeToValue(standard, StandardDefinition.class));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalArgumentException(code);
    }
}
