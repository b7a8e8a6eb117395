package cn.ruralwatch.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** What an office sees when it prints an exported workbook, read from the workbook's XML. */
final class PrintedSheets {

    private PrintedSheets() {}

    /**
     * A4 in the given orientation fitted to the page width, the title in a merged first row, the header frozen and
     * repeated on every page, 宋体 as the workbook's font, columns given widths, page numbers at the foot.
     */
    static void assertLaidOutForPrint(byte[] xlsx, String title, String orientation) throws Exception {
        assertLaidOutForPrint(xlsx, title, orientation, 1);
    }

    /**
     * As above, printed {@code pagesWide} pages wide; a table over several pages repeats its first columns (the ones
     * naming the rows) on each.
     */
    static void assertLaidOutForPrint(byte[] xlsx, String title, String orientation, int pagesWide) throws Exception {
        Map<String, String> parts = parts(xlsx);
        String sheet = parts.get("xl/worksheets/sheet1.xml");
        String workbook = parts.get("xl/workbook.xml");
        String styles = parts.get("xl/styles.xml");
        String strings = parts.getOrDefault("xl/sharedStrings.xml", "") + sheet;
        assertTrue(sheet.contains("paperSize=\"9\""), "A4: " + sheet);
        assertTrue(sheet.contains("orientation=\"" + orientation + "\""), sheet);
        assertTrue(sheet.contains("fitToWidth=\"" + pagesWide + "\""), sheet);
        if (pagesWide > 1) {
            assertTrue(workbook.contains("$A:$"), "the row-naming columns repeat on every page: " + workbook);
        }
        assertTrue(sheet.contains("<mergeCell ref=\"A1:"), "the title row is merged");
        assertTrue(strings.contains(title), "title " + title);
        assertTrue(sheet.contains("state=\"frozen\""), "the header is frozen");
        assertTrue(sheet.contains("<col "), "columns have widths");
        assertTrue(sheet.contains("&amp;P"), "page numbers at the foot");
        assertTrue(workbook.contains("_xlnm.Print_Titles"), "the header repeats on every page: " + workbook);
        assertTrue(styles.contains("宋体"), "宋体");
        assertTrue(!styles.contains("Calibri"), "no Calibri: " + styles);
    }

    private static Map<String, String> parts(byte[] xlsx) throws Exception {
        // the workbook's entries have data descriptors that ZipInputStream cannot read: through a file
        Path file = Files.createTempFile("sheet", ".xlsx");
        try {
            Files.write(file, xlsx);
            Map<String, String> parts = new HashMap<>();
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                    parts.put(
                            entry.getName(),
                            unescape(new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
            return parts;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The workbook writes characters beyond ASCII as character references. */
    private static String unescape(String xml) {
        return java.util.regex.Pattern.compile("&#(x?)([0-9a-fA-F]+);")
                .matcher(xml)
                .replaceAll(m -> new String(Character.toChars(
                        Integer.parseInt(m.group(2), m.group(1).isEmpty() ? 10 : 16))));
    }
}
