package cn.ruralwatch.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The code tables read from a merged OpenAPI document, and when a cached copy is still the current one. */
class CodeTablesTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void eachEnumerationIsATableWithBothLabelsOfEveryCodeInTheDocumentsOrder() throws Exception {
        JsonNode document = mapper.readTree("""
                {"components":{"schemas":{
                   "Relation":{"type":"string","description":"与户主关系","enum":["HEAD","DAUGHTER_IN_LAW"],
                     "x-enum-labels":{"zh":{"HEAD":"户主","DAUGHTER_IN_LAW":"之儿媳"},
                                      "en":{"HEAD":"Head of household","DAUGHTER_IN_LAW":"Daughter-in-law"}}},
                   "Household":{"type":"object","properties":{"relation":{"$ref":"#/components/schemas/Relation"}}},
                   "DeadLetterState":{"type":"string","description":"死信状态","enum":["PARKED"],
                     "x-enum-labels":{"zh":{"PARKED":"待处理"},"en":{"PARKED":"Parked"}}}}}}""");

        List<CodeTables.CodeTable> tables = CodeTables.of(document);

        assertEquals(
                List.of(
                        new CodeTables.CodeTable(
                                "DeadLetterState", "死信状态", List.of(new CodeTables.Code("PARKED", "待处理", "Parked"))),
                        new CodeTables.CodeTable(
                                "Relation",
                                "与户主关系",
                                List.of(
                                        new CodeTables.Code("HEAD", "户主", "Head of household"),
                                        new CodeTables.Code("DAUGHTER_IN_LAW", "之儿媳", "Daughter-in-law")))),
                tables);
        assertEquals("""
                {"name":"DeadLetterState","description":"死信状态","codes":[{"code":"PARKED","zh":"待处理","en":"Parked"}]}""", mapper.writeValueAsString(tables.getFirst()));
    }

    @Test
    void aCodeWithoutALabelShowsAsItselfAndATableWithoutADescriptionByItsName() throws Exception {
        JsonNode document = mapper.readTree("""
                {"components":{"schemas":{"Sex":{"type":"string","enum":["MALE","FEMALE"],
                   "x-enum-labels":{"zh":{"MALE":"男"},"en":{}}}}}}""");

        assertEquals(
                List.of(new CodeTables.CodeTable(
                        "Sex",
                        "Sex",
                        List.of(
                                new CodeTables.Code("MALE", "男", "MALE"),
                                new CodeTables.Code("FEMALE", "FEMALE", "FEMALE")))),
                CodeTables.of(document));
    }

    @Test
    void aCachedCopyIsCurrentWhenIfNoneMatchNamesTheTag() {
        String etag = "\"0a1b\"";
        assertTrue(CodeTablesRoute.matches("\"0a1b\"", etag));
        assertTrue(CodeTablesRoute.matches("W/\"0a1b\"", etag));
        assertTrue(CodeTablesRoute.matches("\"ffff\", \"0a1b\"", etag));
        assertTrue(CodeTablesRoute.matches("*", etag));
        assertFalse(CodeTablesRoute.matches("\"ffff\"", etag));
        assertFalse(CodeTablesRoute.matches("0a1b", etag));
        assertFalse(CodeTablesRoute.matches(null, etag));
        assertFalse(CodeTablesRoute.matches(" ", etag));
    }
}
