package cn.ruralwatch.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestJsonTest {

    enum Relation {
        HEAD,
        SPOUSE
    }

    record Member(String name, Relation relation, LocalDate birthDate, int year) {}

    record Household(String villageCode, List<Member> members, List<String> codes, Map<String, String> notes) {}

    /** As Quarkus configures it. */
    private final ObjectMapper application = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final ObjectMapper strict = RequestJson.strict(application);

    @Test
    void readsAValidBody() throws Exception {
        Household household = strict.readValue("""
                {"villageCode":"450422101201","members":[{"name":"韦某强😀","relation":"HEAD","birthDate":"1970-03-12","year":2025}],
                 "codes":["A"],"notes":{"opening":"x"}}""", Household.class);
        assertEquals("韦某强😀", household.members().getFirst().name());
        assertEquals(LocalDate.of(1970, 3, 12), household.members().getFirst().birthDate());
    }

    @Test
    void refusesARepeatedKeyNamingItsPath() {
        assertViolation(
                "{\"villageCode\":\"1\",\"members\":[{\"name\":\"a\",\"name\":\"b\"}]}",
                "members[0].name",
                "DUPLICATE_FIELD");
        assertViolation("{\"villageCode\":\"1\",\"villageCode\":\"2\"}", "villageCode", "DUPLICATE_FIELD");
    }

    @Test
    void refusesARepeatedKeyInATreeToo() {
        InvalidJsonInput invalid = assertThrows(
                InvalidJsonInput.class, () -> strict.readValue("{\"a\":{\"b\":1,\"b\":2}}", JsonNode.class));
        assertEquals("a.b", invalid.violation().field());
    }

    @Test
    void refusesAnythingAfterTheValue() {
        for (String trailing : List.of(" {}", " x", ",", "\n{\"villageCode\":\"1\"}", "]")) {
            assertViolation("{\"villageCode\":\"1\"}" + trailing, "", "TRAILING_TOKENS");
        }
    }

    @Test
    void refusesNulAndUnpairedSurrogatesInValuesAndKeys() {
        assertViolation("{\"villageCode\":\"a\\u0000b\"}", "villageCode", "NUL_CHARACTER");
        assertViolation("{\"members\":[{\"name\":\"a\\ud800\"}]}", "members[0].name", "UNPAIRED_SURROGATE");
        assertViolation("{\"members\":[{\"name\":\"\\udc00\\ud800\"}]}", "members[0].name", "UNPAIRED_SURROGATE");
        assertViolation("{\"notes\":{\"a\\u0000\":\"x\"}}", "notes.a\\u0000", "NUL_CHARACTER");
        // wherever it would be bound: a NUL in a field of another type is refused as text too
        assertViolation("{\"members\":[{\"year\":\"\\u0000\"}]}", "members[0].year", "NUL_CHARACTER");
    }

    @Test
    void refusesUnknownFieldsNamingThem() {
        assertViolation("{\"villageCode\":\"1\",\"villagecode\":\"2\"}", "villagecode", "UNKNOWN_FIELD");
        assertViolation("{\"members\":[{\"name\":\"a\",\"age\":3}]}", "members[0].age", "UNKNOWN_FIELD");
    }

    @Test
    void refusesNullElementsOfArraysAndMaps() {
        assertViolation("{\"codes\":[null]}", "codes[0]", "NOT_NULL");
        assertViolation("{\"members\":[null]}", "members[0]", "NOT_NULL");
        assertViolation("{\"notes\":{\"opening\":null}}", "notes.opening", "NOT_NULL");
    }

    @Test
    void refusesWrongTypesFractionsAndOutOfRangeNumbers() {
        assertViolation("{\"members\":[{\"year\":1.5}]}", "members[0].year", "INVALID_VALUE");
        assertViolation("{\"members\":[{\"year\":2147483648}]}", "members[0].year", "OUT_OF_RANGE");
        assertViolation("{\"members\":[{\"year\":{}}]}", "members[0].year", "INVALID_VALUE");
        assertViolation("{\"codes\":\"A\"}", "codes", "INVALID_VALUE");
        assertViolation("{\"members\":[{\"relation\":0}]}", "members[0].relation", "NOT_ALLOWED");
        assertViolation("{\"members\":[{\"relation\":\"head\"}]}", "members[0].relation", "NOT_ALLOWED");
    }

    @Test
    void takesDatesOnlyAsIsoDaysOfYearsOneToNineThousandNineHundredNinetyNine() throws Exception {
        for (String date : List.of(
                "2026-02-30", "+999999999-12-31", "0000-01-01", "-0044-03-15", "2025-06-30T00:00:00Z", "20250630")) {
            assertViolation(
                    "{\"members\":[{\"birthDate\":\"" + date + "\"}]}", "members[0].birthDate", "INVALID_VALUE");
        }
        assertViolation("{\"members\":[{\"birthDate\":[2025,6,30]}]}", "members[0].birthDate", "INVALID_VALUE");
        assertViolation("{\"members\":[{\"birthDate\":[]}]}", "members[0].birthDate", "INVALID_VALUE");
        assertEquals(
                LocalDate.of(9999, 12, 31),
                strict.readValue("{\"members\":[{\"birthDate\":\"9999-12-31\"}]}", Household.class)
                        .members()
                        .getFirst()
                        .birthDate());
    }

    @Test
    void leavesTheApplicationMapperTolerant() throws Exception {
        // events and stored documents are read with it: a field a newer producer added is no reason to fail
        Household household = application.readValue("{\"villageCode\":\"1\",\"extra\":1}", Household.class);
        assertEquals("1", household.villageCode());
        assertViolation("{\"villageCode\":\"1\",\"extra\":1}", "extra", "UNKNOWN_FIELD");
    }

    @Test
    void answersMalformedJsonWithoutAField() {
        JsonProcessingException failure = assertThrows(
                JsonProcessingException.class,
                () -> strict.readValue("{\"villageCode\":".getBytes(StandardCharsets.UTF_8), Household.class));
        assertNull(JsonViolations.of(failure));
        JsonProcessingException invalidUtf8 = assertThrows(
                JsonProcessingException.class,
                () -> strict.readValue(
                        new byte[] {'{', '"', 'v', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}, JsonNode.class));
        assertNull(JsonViolations.of(invalidUtf8));
    }

    private void assertViolation(String json, String field, String code) {
        JsonProcessingException failure =
                assertThrows(JsonProcessingException.class, () -> strict.readValue(json, Household.class), json);
        Violation violation = JsonViolations.of(failure);
        assertNotNull(violation, () -> json + ": " + failure);
        assertEquals(field, violation.field(), json);
        assertEquals(code, violation.code(), json);
    }
}
