package cn.ruralwatch.indicator.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ruralwatch.events.HouseholdState;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The maps a rule reads a household and its members from: a struct's fields only, each as given. */
class FieldValuesTest {

    private static final FieldValues.Shape SHAPE = new FieldValues.Shape("test.Point", Set.of("x", "y", "label"));

    @Test
    void holdsWhatWasGivenAndOnlyThat() {
        FieldValues point = SHAPE.values();
        assertTrue(point.isEmpty());
        point.put("x", 3L);
        point.put("label", null);

        assertEquals(3L, point.get("x"));
        assertTrue(point.containsKey("x"));
        // a field given null is there, as in a hash map; one not given is not
        assertTrue(point.containsKey("label"));
        assertNull(point.get("label"));
        assertFalse(point.containsKey("y"));
        assertNull(point.get("y"));
        assertFalse(point.containsKey("z"));
        assertEquals(2, point.size());

        Map<String, Object> same = new HashMap<>();
        same.put("x", 3L);
        same.put("label", null);
        assertEquals(same, point);
        assertEquals(point, same);
        assertEquals(same.hashCode(), point.hashCode());
        assertEquals(same.entrySet(), point.entrySet());

        assertEquals(3L, point.put("x", 4L));
        assertEquals(4L, point.get("x"));
        assertEquals(2, point.size());
    }

    @Test
    void refusesAFieldTheStructDoesNotDeclare() {
        FieldValues point = SHAPE.values();
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> point.put("z", 1L));
        assertEquals("z is not a field of test.Point", refused.getMessage());
        assertTrue(point.isEmpty());
    }

    /**
     * A household and its members as rules see them carry every field their structs declare, so that a rule never
     * meets a field left out (a field the model puts but does not declare would be refused when built).
     */
    @Test
    void aHouseholdAndItsMembersCarryEveryDeclaredField() throws Exception {
        HouseholdState state =
                new ObjectMapper().registerModule(new JavaTimeModule()).readValue("""
                        {"householdId": "0190c6f0-0000-7000-8000-000000000001", "villageCode": "450422101201",
                         "status": "ACTIVE", "version": 3, "povertyStatus": "EXITED", "exitYear": 2019,
                         "industries": ["PLANTING"], "incomes": [{"year": 2025, "netIncomePerCapita": 9800}],
                         "members": [
                           {"memberId": "m1", "status": "ACTIVE", "relation": "HEAD", "birthDate": "1970-05-01",
                            "laborAbility": "ORDINARY", "medicalInsurance": "INSURED"},
                           {"memberId": "m2", "status": "REMOVED", "relation": "SPOUSE", "birthDate": "1972-01-01",
                            "medicalInsurance": "INSURED", "leftBy": "DEATH"}]}""", HouseholdState.class);
        LocalDate day = LocalDate.of(2026, 6, 30);
        List<Map<String, Object>> members = RuleModel.allMembers(state, day);
        Map<String, Object> household = RuleModel.household(state, day, members);

        assertEquals(RuleModel.HOUSEHOLD.fieldNames(), household.keySet());
        assertEquals(RuleModel.HOUSING.fieldNames(), ((Map<?, ?>) household.get("housing")).keySet());
        assertEquals(RuleModel.DRINKING_WATER.fieldNames(), ((Map<?, ?>) household.get("drinkingWater")).keySet());
        assertEquals(RuleModel.INCOME.fieldNames(), ((Map<?, ?>) household.get("income")).keySet());
        assertFalse(members.isEmpty());
        members.forEach(member -> assertEquals(RuleModel.MEMBER.fieldNames(), member.keySet()));
    }
}
