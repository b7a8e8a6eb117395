package cn.ruralwatch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ruralwatch.report.dossier.Dossier;
import cn.ruralwatch.report.dossier.DossierDocument;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

/** The dossier's tables as a person reads them on paper: no ID number, date or name broken over two lines. */
class DossierDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void namesDatesAndIdNumbersKeepToOneLineAndLongTextsWrap() throws Exception {
        byte[] docx = DossierDocument.write(dossier());
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "dossier-unit-sample.docx"), docx);
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            XWPFTable members = document.getTables().stream()
                    .filter(t -> t.getRow(0).getCell(0).getText().equals("姓名")
                            && t.getRow(0).getCell(4).getText().equals("身份证号"))
                    .findFirst()
                    .orElseThrow();
            List<Long> widths = new ArrayList<>();
            members.getCTTbl()
                    .getTblGrid()
                    .getGridColList()
                    .forEach(col -> widths.add(((BigInteger) col.getW()).longValue()));
            assertEquals(6, widths.size());
            // 156 mm of type area
            assertEquals(8845, widths.stream().mapToLong(Long::longValue).sum());
            // 18 digits of 五号 (10.5 points, a digit up to 6.3 points in a substituted font) and the margins: 2,600
            // twips
            assertTrue(widths.get(4) >= 2600, "the ID number's column: " + widths);
            // "1980年3月15日" in 五号: 6.5 characters of 210 twips, its digits and the margins
            assertTrue(widths.get(3) >= 1700, "the birth date's column: " + widths);
            members.getRows().forEach(row -> assertTrue(row.isCantSplitRow(), "a row stays on one page"));
        }
    }

    private static Dossier dossier() throws Exception {
        JsonNode cases = JSON.readTree(DossierRecords.CASES_JSON).path("items");
        List<JsonNode> own = new ArrayList<>();
        cases.forEach(c -> {
            if (c.path("householdId").asText().equals(DossierRecords.HOUSEHOLD.toString())) {
                own.add(c);
            }
        });
        List<JsonNode> benefits = new ArrayList<>();
        for (int year : List.of(2024, 2025)) {
            JSON.readTree(DossierRecords.benefits(year)).path("items").forEach(benefits::add);
        }
        List<JsonNode> measures = new ArrayList<>();
        JSON.readTree(DossierRecords.MEASURES_JSON).path("items").forEach(measures::addFirst);
        List<JsonNode> visits = new ArrayList<>();
        JSON.readTree(DossierRecords.VISITS_JSON).path("items").forEach(visits::addFirst);
        List<JsonNode> loans = new ArrayList<>();
        JSON.readTree(DossierRecords.LOANS_JSON).path("items").forEach(loans::add);
        return new Dossier(
                DossierRecords.HOUSEHOLD,
                JSON.readTree(DossierRecords.HOUSEHOLD_JSON),
                new Dossier.Place("丁县", "一镇", "大梳村"),
                own,
                measures,
                JSON.readTree(DossierRecords.CADRES_JSON),
                Map.of(
                        UUID.fromString(DossierRecords.CADRE),
                        JSON.readTree(DossierRecords.cadre(DossierRecords.CADRE)),
                        UUID.fromString(DossierRecords.FORMER_CADRE),
                        JSON.readTree(DossierRecords.cadre(DossierRecords.FORMER_CADRE))),
                visits,
                benefits,
                loans,
                LocalDate.of(2026, 11, 26));
    }
}
