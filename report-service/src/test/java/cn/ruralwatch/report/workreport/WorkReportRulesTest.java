package cn.ruralwatch.report.workreport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ruralwatch.problem.Violation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkReportRulesTest {

    @Test
    void aReportCoversAYearFrom2013ToThisOne() {
        assertTrue(WorkReportRules.year(2013, 2022).isEmpty());
        assertTrue(WorkReportRules.year(2022, 2022).isEmpty());
        Violation future = WorkReportRules.year(2023, 2022).orElseThrow();
        assertEquals("year", future.field());
        assertEquals("RANGE", future.code());
        assertEquals(List.of(2022), future.args(), "the message names the last year allowed");
        assertFalse(WorkReportRules.year(2012, 2022).isEmpty());
        assertFalse(WorkReportRules.year(null, 2022).isEmpty());
    }

    @Test
    void aTitleIsOptionalNotBlankAndAtMostTwoHundredCharacters() {
        assertTrue(WorkReportRules.title(null).isEmpty());
        assertTrue(WorkReportRules.title("丁县2023年工作汇报").isEmpty());
        assertEquals("LENGTH", WorkReportRules.title("  ").orElseThrow().code());
        assertTrue(WorkReportRules.title("汇".repeat(200)).isEmpty());
        assertEquals(
                "LENGTH", WorkReportRules.title("汇".repeat(201)).orElseThrow().code());
    }

    @Test
    void textAWordDocumentCannotHoldIsRefused() {
        assertEquals(
                "CONTROL_CHARACTER",
                WorkReportRules.title("工作\u001b汇报").orElseThrow().code());
        assertTrue(WorkReportRules.printable("第一段\n第二段\r\n\t缩进"));
        assertFalse(WorkReportRules.printable("第一\u0007条"));
        assertFalse(WorkReportRules.printable("\uFFFE"));
    }

    @Test
    void narrativeSectionsAreNamedInLettersAndDigitsAndHoldPrintableTextOfLimitedLength() {
        Map<String, String> narrative = new LinkedHashMap<>();
        narrative.put("problems", "无。");
        narrative.put("next steps", "x");
        narrative.put("pv", "x".repeat(20_001));
        narrative.put("opening", "第一\u0007条");
        narrative.put("nextSteps", null);
        assertEquals(
                List.of(
                        "narrative.next steps FORMAT",
                        "narrative.pv LENGTH",
                        "narrative.opening CONTROL_CHARACTER",
                        "narrative.nextSteps LENGTH"),
                WorkReportRules.narrative(narrative).stream()
                        .map(v -> v.field() + " " + v.code())
                        .toList());
    }

    @Test
    void atMostThirtySections() {
        Map<String, String> narrative = new LinkedHashMap<>();
        for (int i = 0; i < 31; i++) {
            narrative.put("section" + i, "x");
        }
        assertEquals("TOO_MANY", WorkReportRules.narrative(narrative).getFirst().code());
        narrative.remove("section30");
        assertTrue(WorkReportRules.narrative(narrative).isEmpty());
    }
}
