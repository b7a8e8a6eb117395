package cn.ruralwatch.report.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;

/**
 * A Word document set as GB/T 9704-2012 sets official documents, for every Word output of the suite (the work report,
 * the household dossier): A4 with margins of 37 mm (top), 35 mm (bottom), 28 mm (left) and 26 mm (right), leaving the
 * 156 × 225 mm type area; the title in 方正小标宋简体 二号 centred; text in 仿宋_GB2312 三号 with a two-character
 * first-line indent and fixed lines of 28.95 points (22 lines a page); first-level headings in 黑体, second-level in
 * 楷体_GB2312; the page number "— 1 —" in 四号 宋体 at the foot, right on odd pages and left on even ones, one character
 * in from the edge; the issuing office and the date as a signature block at the end (署名 two characters in from the
 * right, the date below it shifted two characters right of the 署名's first character). Tables in 仿宋 小四 with a bold
 * header row repeated on every page. Every font is declared for East Asian text too, so that Word and WPS do not
 * substitute a Latin font.
 */
public final class OfficialDocument {

    /** The media type of a .docx file. */
    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static final String TITLE_FONT = "方正小标宋简体";
    public static final String HEADING_FONT = "黑体";
    public static final String SUBHEADING_FONT = "楷体_GB2312";
    public static final String BODY_FONT = "仿宋_GB2312";
    private static final String PAGE_NUMBER_FONT = "宋体";
    /** 三号. */
    public static final int BODY_SIZE = 16;

    /** 二号. */
    private static final int TITLE_SIZE = 22;
    /** 小四, the size of tables. */
    public static final int TABLE_SIZE = 12;
    /** 五号, the size of dense tables (a household's dossier, whose tables hold ID numbers and dates). */
    public static final double SMALL_TABLE_SIZE = 10.5;

    private static final double TABLE_LINE_POINTS = 18;
    private static final int PAGE_NUMBER_SIZE = 14;

    /** Twips (1/20 point) per millimetre. */
    private static final double TWIPS_PER_MM = 1440 / 25.4;

    /** A4. */
    static final long PAGE_WIDTH = 11906;

    static final long PAGE_HEIGHT = 16838;
    static final long MARGIN_TOP = twips(37);
    static final long MARGIN_BOTTOM = twips(35);
    static final long MARGIN_LEFT = twips(28);
    static final long MARGIN_RIGHT = twips(26);
    /** The width of the type area (156 mm) in twips. */
    static final long TYPE_AREA_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
    /** The page number sits 7 mm below the type area: its line (四号) ends about 23 mm above the page's edge. */
    static final long FOOTER = twips(23);

    /** 225 mm of type area in 22 lines: 28.95 points a line. */
    static final double LINE_POINTS = 28.95;

    /** One character of 三号 text (16 points) in twips, for indents. */
    private static final int CHARACTER = 320;

    /** The widest a column of long texts is made before its text wraps, in characters. */
    private static final double WIDEST_COLUMN = 16;

    /** A cell's margins in twips: Word's 0.19 cm on each side, and a little for fonts set wider than they measure. */
    private static final double CELL_MARGINS = 300;

    /** The widest date, amount or ID number kept on one line, in characters (an ID number is about 12). */
    private static final double UNBROKEN = 13;

    /** The widest name or label kept on one line, in characters. */
    private static final double UNBROKEN_WORDS = 8.5;

    /** Where a text may break: spaces and Chinese and Latin punctuation. */
    private static final String BREAKS = " ，、；：。（）,;:()";

    /** The issuing office and the date under the text (落款). */
    public record Signature(String issuer, String date) {}

    /** How a table's cell is aligned. */
    public enum Align {
        LEFT,
        CENTER,
        RIGHT;

        ParagraphAlignment paragraph() {
            return switch (this) {
                case LEFT -> ParagraphAlignment.LEFT;
                case CENTER -> ParagraphAlignment.CENTER;
                case RIGHT -> ParagraphAlignment.RIGHT;
            };
        }
    }

    private final XWPFDocument document;

    private OfficialDocument(String title) {
        document = new XWPFDocument();
        document.getProperties().getCoreProperties().setTitle(title);
        document.getProperties().getCoreProperties().setCreator("RuralWatch report-service");
        page();
        XWPFParagraph heading = document.createParagraph();
        heading.setAlignment(ParagraphAlignment.CENTER);
        heading.setSpacingBetween(LINE_POINTS + 8, LineSpacingRule.EXACT);
        List<String> lines = titleLines(title);
        for (int i = 0; i < lines.size(); i++) {
            run(heading, lines.get(i), TITLE_FONT, TITLE_SIZE, false);
            if (i < lines.size() - 1) {
                lineBreak(heading);
            }
        }
        // an empty line between the title and the text
        paragraph();
    }

    /** The words a title of a report ends with, where it is broken when it does not fit one line. */
    private static final List<String> TITLE_ENDINGS =
            List.of("工作情况汇报", "工作情况报告", "情况汇报", "情况报告", "工作汇报", "工作报告", "的报告", "的通知", "汇报", "报告", "一户一册");

    /**
     * A title broken into lines that fit the type area, as GB/T 9704 asks (回行时词意完整、排列对称、长短适宜): a title
     * longer than a line is broken before the words it ends with (…成果 / 工作情况汇报) or after the year when that gives
     * two lines that fit, the more even the better; otherwise into lines of equal length.
     */
    public static List<String> titleLines(String title) {
        double perLine = TYPE_AREA_WIDTH / (TITLE_SIZE * 20.0);
        double width = TextWidth.characters(title);
        if (width <= perLine) {
            return List.of(title);
        }
        List<Integer> breaks = new java.util.ArrayList<>();
        for (String ending : TITLE_ENDINGS) {
            if (title.endsWith(ending) && title.length() > ending.length()) {
                breaks.add(title.length() - ending.length());
            }
        }
        int year = title.indexOf("年");
        if (year > 0 && year < title.length() - 1) {
            breaks.add(year + 1);
        }
        int best = -1;
        double balance = Double.MAX_VALUE;
        for (int at : breaks) {
            double first = TextWidth.characters(title.substring(0, at));
            double second = TextWidth.characters(title.substring(at));
            if (first <= perLine && second <= perLine && Math.abs(first - second) < balance) {
                best = at;
                balance = Math.abs(first - second);
            }
        }
        if (best > 0) {
            return List.of(title.substring(0, best), title.substring(best));
        }
        int count = (int) Math.ceil(width / perLine);
        int length = (int) Math.ceil(title.length() / (double) count);
        List<String> lines = new java.util.ArrayList<>();
        for (int from = 0; from < title.length(); from += length) {
            lines.add(title.substring(from, Math.min(title.length(), from + length)));
        }
        return lines;
    }

    /** A new document with its page set up and its title written, followed by an empty line. */
    public static OfficialDocument titled(String title) {
        return new OfficialDocument(title);
    }

    /** A paragraph of text: a two-character first-line indent, fixed lines. */
    public XWPFParagraph paragraph() {
        XWPFParagraph p = document.createParagraph();
        p.setIndentationFirstLine(2 * CHARACTER);
        p.setSpacingBetween(LINE_POINTS, LineSpacingRule.EXACT);
        return p;
    }

    /** A heading's paragraph: a paragraph of text kept with the text after it (never alone at the foot of a page). */
    public XWPFParagraph headingParagraph() {
        XWPFParagraph p = paragraph();
        properties(p).addNewKeepNext();
        return p;
    }

    private static org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr properties(XWPFParagraph p) {
        return p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
    }

    /** A paragraph of plain text in 仿宋 三号. */
    public XWPFParagraph text(String text) {
        XWPFParagraph p = paragraph();
        run(p, text, BODY_FONT, BODY_SIZE, false);
        return p;
    }

    /** The font of a heading of a level: 黑体 (一、), 楷体 (（一）), below them the text's font in bold. */
    public static String headingFont(int level) {
        return level == 1 ? HEADING_FONT : level == 2 ? SUBHEADING_FONT : BODY_FONT;
    }

    /** A heading of a level (1 一、, 2 （一）, 3 and below 1.) as a paragraph of its own. */
    public XWPFParagraph heading(int level, String text) {
        XWPFParagraph p = headingParagraph();
        run(p, text, headingFont(level), BODY_SIZE, level >= 3);
        return p;
    }

    /** Starts a new page. */
    public void pageBreak() {
        document.createParagraph().createRun().addBreak(BreakType.PAGE);
    }

    /**
     * An empty table across the type area whose first {@code headerRows} rows repeat on every page; fill its cells with
     * {@link #cell} and end it with {@link #endTable}.
     */
    public XWPFTable table(int rows, int columns, int headerRows) {
        XWPFTable table = document.createTable(rows, columns);
        table.setWidth("100%");
        table.setWidthType(TableWidthType.PCT);
        for (int r = 0; r < headerRows && r < rows; r++) {
            table.getRow(r).setRepeatHeader(true);
        }
        return table;
    }

    /** The paragraph of a table's cell, aligned, in lines of the table's own (小四 is not snapped to the text's grid). */
    public static XWPFParagraph cell(XWPFTable table, int row, int column, Align align) {
        return cell(table, row, column, align, TABLE_LINE_POINTS);
    }

    private static XWPFParagraph cell(XWPFTable table, int row, int column, Align align, double linePoints) {
        XWPFParagraph p = table.getRow(row).getCell(column).getParagraphs().getFirst();
        p.setAlignment(align.paragraph());
        p.setSpacingBetween(linePoints, LineSpacingRule.EXACT);
        // the table's own lines, not snapped to the text's 22-line grid
        properties(p).addNewSnapToGrid().setVal(false);
        return p;
    }

    /** Ends a table: a little space after it. */
    public void endTable() {
        document.createParagraph();
    }

    /**
     * A table of text in a size (小四 {@link #TABLE_SIZE}, 五号 {@link #SMALL_TABLE_SIZE}) with lines of one and a half
     * times it: the header row bold and centred (repeated on every page), the rows aligned column by column, each
     * column as wide as its text asks for (a header may wrap in two lines, a cell's text in a few), together as wide as
     * the type area; a row is not split over two pages. A row shorter than the header leaves its last cells empty; the
     * last {@code boldRowsAtEnd} rows (a total) are set in bold.
     */
    public void table(
            List<String> header, List<List<String>> rows, List<Align> alignments, int boldRowsAtEnd, double size) {
        int columns = header.size();
        double lines = size * 1.5;
        XWPFTable table = table(rows.size() + 1, columns, 1);
        widths(table, header, rows, size);
        for (XWPFTableRow row : table.getRows()) {
            row.setCantSplitRow(true);
        }
        for (int c = 0; c < columns; c++) {
            run(cell(table, 0, c, Align.CENTER, lines), header.get(c), BODY_FONT, size, true);
        }
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            boolean bold = r >= rows.size() - boldRowsAtEnd;
            for (int c = 0; c < columns && c < row.size(); c++) {
                String text = row.get(c);
                if (text != null && !text.isEmpty()) {
                    run(cell(table, r + 1, c, alignments.get(c), lines), text, BODY_FONT, size, bold);
                }
            }
        }
        endTable();
    }

    /**
     * Fixed column widths from the text: each column starts as wide as its widest cell (a long text at most
     * {@value #WIDEST_COLUMN} characters) or its header in two lines (three where the table is tight). While the table is
     * wider than the type area the
     * widest column gives up half a character, first down to what its names, dates, amounts and ID numbers need on one
     * line (so that long texts wrap before they do), then, if that is not enough, down to its header; a table narrower
     * than the type area is widened in proportion.
     */
    private static void widths(XWPFTable table, List<String> header, List<List<String>> rows, double size) {
        int columns = header.size();
        double margins = CELL_MARGINS / (size * 20);
        double[] least = new double[columns];
        double[] wanted = new double[columns];
        for (int c = 0; c < columns; c++) {
            // a header asks for two lines; where the table is tight it may take three (分配收益 / （万元）)
            double headerWidth = TextWidth.characters(header.get(c));
            least[c] = Math.max(2, Math.ceil(headerWidth / 3)) + margins;
            wanted[c] = Math.max(2, Math.ceil(headerWidth / 2)) + margins;
        }
        double[] floor = least.clone();
        for (List<String> row : rows) {
            for (int c = 0; c < columns && c < row.size(); c++) {
                String text = row.get(c);
                if (text != null) {
                    double width = setWidth(text);
                    wanted[c] = Math.max(wanted[c], Math.min(WIDEST_COLUMN, width) + margins);
                    if (unbroken(text, width)) {
                        // a name, a date, a number or an ID number is not broken over lines
                        least[c] = Math.max(least[c], width + margins);
                        wanted[c] = Math.max(wanted[c], least[c]);
                    }
                }
            }
        }
        double available = TYPE_AREA_WIDTH / (size * 20);
        // long texts give way first; where names, dates and numbers alone are too wide, the widest of them wrap too
        shrink(wanted, least, available);
        shrink(wanted, floor, available);
        double total = sum(wanted);
        table.getCTTbl().getTblPr().addNewTblLayout().setType(STTblLayoutType.FIXED);
        CTTblGrid grid = table.getCTTbl().getTblGrid() == null
                ? table.getCTTbl().addNewTblGrid()
                : table.getCTTbl().getTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        long[] twips = new long[columns];
        long given = 0;
        for (int c = 0; c < columns; c++) {
            twips[c] = c == columns - 1 ? TYPE_AREA_WIDTH - given : Math.round(TYPE_AREA_WIDTH * wanted[c] / total);
            given += twips[c];
            grid.addNewGridCol().setW(BigInteger.valueOf(twips[c]));
        }
        for (XWPFTableRow row : table.getRows()) {
            for (int c = 0; c < columns; c++) {
                row.getCell(c).setWidthType(TableWidthType.DXA);
                row.getCell(c).setWidth(String.valueOf(twips[c]));
            }
        }
    }

    /**
     * While the columns are wider than {@code available}, each gives up room above its least in proportion to the room
     * it has above it, so that a long text keeps its share rather than being squeezed to its header.
     */
    private static void shrink(double[] wanted, double[] least, double available) {
        double total = sum(wanted);
        if (total <= available) {
            return;
        }
        double room = 0;
        for (int c = 0; c < wanted.length; c++) {
            room += Math.max(0, wanted[c] - least[c]);
        }
        if (room <= 0) {
            return;
        }
        double cut = Math.min(1, (total - available) / room);
        for (int c = 0; c < wanted.length; c++) {
            wanted[c] -= Math.max(0, wanted[c] - least[c]) * cut;
        }
    }

    /**
     * A text without punctuation or spaces to break at that reads as one thing: a name or a label (at most
     * {@value #UNBROKEN_WORDS} characters), or a date, an amount or an ID number (at most {@value #UNBROKEN} characters,
     * few of them Chinese).
     */
    private static boolean unbroken(String text, double width) {
        if (text.chars().anyMatch(ch -> BREAKS.indexOf(ch) >= 0)) {
            return false;
        }
        long chinese = text.chars().filter(ch -> ch >= 0x2E80).count();
        return width <= UNBROKEN_WORDS || (width <= UNBROKEN && chinese <= 4);
    }

    /**
     * How wide a text is set, in characters: a digit or Latin letter a little wider than half a character, and a
     * quarter of a character where Chinese and Latin text meet (Word and LibreOffice space them apart: 2024年3月6日).
     */
    private static double setWidth(String text) {
        double width = TextWidth.characters(text);
        boolean previousLatin = false;
        for (int i = 0; i < text.length(); i++) {
            boolean latin = text.charAt(i) < 0x2E80;
            if (latin) {
                width += 0.17;
            }
            if (i > 0 && latin != previousLatin) {
                width += 0.25;
            }
            previousLatin = latin;
        }
        return width;
    }

    private static double sum(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum;
    }

    /**
     * 署名 and date under the text after an empty line: the 署名 two characters in from the right, the date on the next
     * line starting two characters right of the 署名's first character (GB/T 9704-2012 7.3.5.2), in Arabic numerals.
     */
    public void signature(Signature signature) {
        paragraph();
        double issuerWidth = TextWidth.characters(signature.issuer());
        double dateWidth = TextWidth.characters(signature.date());
        double dateIndent = Math.max(0, issuerWidth - 2 - dateWidth + 2);
        double issuerIndent = dateIndent + dateWidth + 2 - issuerWidth;
        if (issuerIndent < 2) {
            dateIndent += 2 - issuerIndent;
            issuerIndent = 2;
        }
        if (!signature.issuer().isBlank()) {
            XWPFParagraph issuer = document.createParagraph();
            issuer.setAlignment(ParagraphAlignment.RIGHT);
            issuer.setSpacingBetween(LINE_POINTS, LineSpacingRule.EXACT);
            issuer.setIndentationRight((int) Math.round(issuerIndent * CHARACTER));
            run(issuer, signature.issuer(), BODY_FONT, BODY_SIZE, false);
        }
        XWPFParagraph date = document.createParagraph();
        date.setAlignment(ParagraphAlignment.RIGHT);
        date.setSpacingBetween(LINE_POINTS, LineSpacingRule.EXACT);
        date.setIndentationRight((int) Math.round(dateIndent * CHARACTER));
        run(date, signature.date(), BODY_FONT, BODY_SIZE, false);
    }

    /** The document as a .docx file. */
    public byte[] toDocx() {
        try (document;
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A run of text in a font (declared for East Asian and Latin text alike), a size in points, bold or not. */
    public static void run(XWPFParagraph p, String text, String font, int size, boolean bold) {
        XWPFRun run = p.createRun();
        run.setText(text);
        run.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        run.setFontFamily(font, XWPFRun.FontCharRange.ascii);
        run.setFontFamily(font, XWPFRun.FontCharRange.hAnsi);
        run.setFontSize(size);
        run.setBold(bold);
    }

    /** A run of text in a size of half points (五号 10.5). */
    public static void run(XWPFParagraph p, String text, String font, double size, boolean bold) {
        XWPFRun run = p.createRun();
        run.setText(text);
        run.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        run.setFontFamily(font, XWPFRun.FontCharRange.ascii);
        run.setFontFamily(font, XWPFRun.FontCharRange.hAnsi);
        run.setFontSize(size);
        run.setBold(bold);
    }

    /** A line break inside a paragraph. */
    public static void lineBreak(XWPFParagraph p) {
        p.createRun().addBreak();
    }

    private static long twips(double millimetres) {
        return Math.round(millimetres * TWIPS_PER_MM);
    }

    /** A4, the margins and type area, 22 lines a page, the page numbers at the foot (odd right, even left). */
    private void page() {
        CTSectPr section = document.getDocument().getBody().isSetSectPr()
                ? document.getDocument().getBody().getSectPr()
                : document.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
        size.setW(BigInteger.valueOf(PAGE_WIDTH));
        size.setH(BigInteger.valueOf(PAGE_HEIGHT));
        CTPageMar margins = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(MARGIN_TOP));
        margins.setBottom(BigInteger.valueOf(MARGIN_BOTTOM));
        margins.setLeft(BigInteger.valueOf(MARGIN_LEFT));
        margins.setRight(BigInteger.valueOf(MARGIN_RIGHT));
        margins.setHeader(BigInteger.valueOf(twips(15)));
        margins.setFooter(BigInteger.valueOf(FOOTER));
        margins.setGutter(BigInteger.ZERO);
        CTDocGrid grid = section.isSetDocGrid() ? section.getDocGrid() : section.addNewDocGrid();
        grid.setType(STDocGrid.LINES);
        grid.setLinePitch(BigInteger.valueOf(Math.round(LINE_POINTS * 20)));
        document.getSettings().setEvenAndOddHeadings(true);
        pageNumber(document.createFooter(HeaderFooterType.DEFAULT), ParagraphAlignment.RIGHT);
        pageNumber(document.createFooter(HeaderFooterType.EVEN), ParagraphAlignment.LEFT);
    }

    /** "— 1 —" in 四号 宋体, one character in from the outer edge. */
    private static void pageNumber(XWPFFooter footer, ParagraphAlignment alignment) {
        XWPFParagraph p = footer.getParagraphs().isEmpty()
                ? footer.createParagraph()
                : footer.getParagraphs().getFirst();
        p.setAlignment(alignment);
        int indent = PAGE_NUMBER_SIZE * 20;
        if (alignment == ParagraphAlignment.RIGHT) {
            p.setIndentationRight(indent);
        } else {
            p.setIndentationLeft(indent);
        }
        run(p, "— ", PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE, false);
        XWPFRun begin = p.createRun();
        begin.getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        XWPFRun instruction = p.createRun();
        instruction.getCTR().addNewInstrText().setStringValue(" PAGE ");
        XWPFRun separate = p.createRun();
        separate.getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
        run(p, "1", PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE, false);
        XWPFRun end = p.createRun();
        end.getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
        run(p, " —", PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE, false);
    }
}
