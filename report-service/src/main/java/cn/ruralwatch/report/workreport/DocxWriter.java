package cn.ruralwatch.report.workreport;

import cn.ruralwatch.report.format.TextWidth;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;

/**
 * A rendered work report (Markdown: headings, paragraphs, lists, tables) as a Word document set as GB/T 9704-2012 sets
 * official documents: A4 with margins of 37 mm (top), 35 mm (bottom), 28 mm (left) and 26 mm (right), leaving the
 * 156 × 225 mm type area; the title in 方正小标宋简体 二号 centred; text in 仿宋_GB2312 三号 with a two-character
 * first-line indent and fixed lines of 28.95 points (22 lines a page); first-level headings in 黑体, second-level in
 * 楷体_GB2312; the page number "— 1 —" in 四号 宋体 at the foot, right on odd pages and left on even ones, one character
 * in from the edge; the issuing office and the date as a signature block at the end (署名 two characters in from the
 * right, the date below it shifted two characters right of the 署名's first character). Tables in 仿宋 小四 with a bold
 * header row repeated on every page. A thematic break ({@code ---}) starts a new page. Every font is declared for East
 * Asian text too, so that Word and WPS do not substitute a Latin font.
 */
public final class DocxWriter {

    private static final String TITLE_FONT = "方正小标宋简体";
    private static final String HEADING_FONT = "黑体";
    private static final String SUBHEADING_FONT = "楷体_GB2312";
    private static final String BODY_FONT = "仿宋_GB2312";
    private static final String PAGE_NUMBER_FONT = "宋体";
    private static final int TITLE_SIZE = 22;
    private static final int BODY_SIZE = 16;
    /** 小四, and 五号 for a table too wide for 小四. */
    private static final int TABLE_SIZE = 12;

    private static final double SMALL_TABLE_SIZE = 10.5;
    /** A figure in a cell: set to the right, so that the digits line up. */
    private static final java.util.regex.Pattern NUMBER =
            java.util.regex.Pattern.compile("-?[0-9][0-9,]*(\\.[0-9]+)?%?");

    /** Space left and right of a cell's text, in twips. */
    private static final int CELL_PADDING = 80;

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
    /** The page number sits 7 mm below the type area: its line (四号) ends about 23 mm above the page's edge. */
    static final long FOOTER = twips(23);

    /** 225 mm of type area in 22 lines: 28.95 points a line. */
    static final double LINE_POINTS = 28.95;

    /** One character of 三号 text (16 points) in twips, for indents. */
    private static final int CHARACTER = 320;

    /** The issuing office and the date under the text (落款). */
    public record Signature(String issuer, String date) {}

    private static final Parser PARSER =
            Parser.builder().extensions(List.of(TablesExtension.create())).build();

    private DocxWriter() {}

    /** The document without a signature block (a template that dates itself). */
    public static byte[] write(String title, String markdown) throws IOException {
        return write(title, markdown, null);
    }

    public static byte[] write(String title, String markdown, Signature signature) throws IOException {
        try (XWPFDocument document = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.getProperties().getCoreProperties().setTitle(title);
            document.getProperties().getCoreProperties().setCreator("RuralWatch report-service");
            page(document);
            XWPFParagraph heading = document.createParagraph();
            heading.setAlignment(ParagraphAlignment.CENTER);
            heading.setSpacingBetween(LINE_POINTS + 8, LineSpacingRule.EXACT);
            List<String> lines = titleLines(title);
            for (int i = 0; i < lines.size(); i++) {
                XWPFRun line = run(heading, lines.get(i), TITLE_FONT, TITLE_SIZE, false);
                if (i < lines.size() - 1) {
                    line.addBreak();
                }
            }
            // an empty line between the title and the text
            body(document);
            Node root = PARSER.parse(markdown);
            for (Node block = root.getFirstChild(); block != null; block = block.getNext()) {
                block(document, block);
            }
            if (signature != null) {
                signature(document, signature);
            }
            document.write(out);
            return out.toByteArray();
        }
    }

    /** The words a title of a report ends with, where it is broken when it does not fit one line. */
    private static final List<String> TITLE_ENDINGS =
            List.of("工作情况汇报", "工作情况报告", "情况汇报", "情况报告", "工作汇报", "工作报告", "的报告", "的通知", "汇报", "报告");

    /**
     * A title broken into lines that fit the type area, as GB/T 9704 asks (回行时词意完整、排列对称、长短适宜): a title
     * longer than a line is broken before the words it ends with (…成果 / 工作情况汇报) or after the year when that gives
     * two lines that fit, the more even the better; otherwise into lines of equal length.
     */
    static List<String> titleLines(String title) {
        double perLine = (PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT) / (TITLE_SIZE * 20.0);
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

    private static long twips(double millimetres) {
        return Math.round(millimetres * TWIPS_PER_MM);
    }

    /** A4, the margins and type area, 22 lines a page, the page numbers at the foot (odd right, even left). */
    private static void page(XWPFDocument document) {
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

    /**
     * 署名 and date under the text after an empty line: the 署名 two characters in from the right, the date on the next
     * line starting two characters right of the 署名's first character (GB/T 9704-2012 7.3.5.2), in Arabic numerals.
     */
    private static void signature(XWPFDocument document, Signature signature) {
        body(document);
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

    private static void block(XWPFDocument document, Node block) {
        switch (block) {
            case Heading h -> {
                XWPFParagraph p = body(document);
                // a heading is not left alone at the foot of a page
                properties(p).addNewKeepNext();
                String font = h.getLevel() == 1 ? HEADING_FONT : h.getLevel() == 2 ? SUBHEADING_FONT : BODY_FONT;
                inline(p, h, font, BODY_SIZE, h.getLevel() >= 3);
            }
            case Paragraph paragraph -> inline(body(document), paragraph, BODY_FONT, BODY_SIZE, false);
            case BulletList list -> items(document, list, false);
            case OrderedList list -> items(document, list, true);
            case TableBlock table -> table(document, table);
            case ThematicBreak ignored -> document.createParagraph().createRun().addBreak(BreakType.PAGE);
            default -> {
                // other blocks (quotes, code) as plain paragraphs of their text
                XWPFParagraph p = body(document);
                inline(p, block, BODY_FONT, BODY_SIZE, false);
            }
        }
    }

    private static XWPFParagraph body(XWPFDocument document) {
        XWPFParagraph p = document.createParagraph();
        p.setIndentationFirstLine(2 * CHARACTER);
        p.setSpacingBetween(LINE_POINTS, LineSpacingRule.EXACT);
        return p;
    }

    private static void items(XWPFDocument document, Node list, boolean ordered) {
        int number = list instanceof OrderedList o ? o.getStartNumber() : 1;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (item instanceof ListItem) {
                XWPFParagraph p = body(document);
                run(p, ordered ? (number++) + ". " : "· ", BODY_FONT, BODY_SIZE, false);
                for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
                    inline(p, child, BODY_FONT, BODY_SIZE, false);
                }
            }
        }
    }

    private static void table(XWPFDocument document, TableBlock block) {
        List<Node> rows = new java.util.ArrayList<>();
        for (Node section = block.getFirstChild(); section != null; section = section.getNext()) {
            for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                if (row instanceof TableRow) {
                    rows.add(row);
                }
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        int columns = 0;
        for (Node cell = rows.getFirst().getFirstChild(); cell != null; cell = cell.getNext()) {
            columns++;
        }
        String[][] texts = new String[rows.size()][columns];
        for (int r = 0; r < rows.size(); r++) {
            int c = 0;
            for (Node cell = rows.get(r).getFirstChild(); cell != null && c < columns; cell = cell.getNext(), c++) {
                texts[r][c] = text(cell);
            }
        }
        long typeArea = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
        double size = TABLE_SIZE;
        long[] widths = columnWidths(texts, size, typeArea);
        if (widths == null) {
            size = SMALL_TABLE_SIZE;
            widths = columnWidths(texts, size, typeArea);
        }
        if (widths == null) {
            // too wide even in 五号: each column keeps its share of what it would need, the longest texts wrap
            widths = fitted(need(texts, size), typeArea);
        }
        XWPFTable table = document.createTable(rows.size(), columns);
        table.setWidth(String.valueOf(typeArea));
        table.setWidthType(TableWidthType.DXA);
        table.getCTTbl().getTblPr().addNewTblLayout().setType(STTblLayoutType.FIXED);
        table.setCellMargins(CELL_PADDING / 2, CELL_PADDING, CELL_PADDING / 2, CELL_PADDING);
        org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid grid =
                table.getCTTbl().getTblGrid() != null
                        ? table.getCTTbl().getTblGrid()
                        : table.getCTTbl().addNewTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (long width : widths) {
            grid.addNewGridCol().setW(BigInteger.valueOf(width));
        }
        for (int r = 0; r < rows.size(); r++) {
            XWPFTableRow row = table.getRow(r);
            boolean header = rows.get(r).getParent() instanceof TableHead;
            if (header) {
                row.setRepeatHeader(true);
            }
            // a row stays on one page
            row.setCantSplitRow(true);
            int c = 0;
            for (Node cell = rows.get(r).getFirstChild(); cell != null && c < columns; cell = cell.getNext(), c++) {
                XWPFTableCell target = row.getCell(c);
                target.setWidth(String.valueOf(widths[c]));
                target.setWidthType(TableWidthType.DXA);
                target.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
                XWPFParagraph p = target.getParagraphs().getFirst();
                p.setAlignment(
                        header
                                ? ParagraphAlignment.CENTER
                                : NUMBER.matcher(texts[r][c]).matches()
                                        ? ParagraphAlignment.RIGHT
                                        : alignment((TableCell) cell));
                // single lines of the table's own size, not snapped to the text's 22-line grid
                properties(p).addNewSnapToGrid().setVal(false);
                p.setSpacingBetween(1.0);
                p.setSpacingAfter(0);
                p.setSpacingBefore(0);
                inline(p, cell, BODY_FONT, size, header);
            }
        }
        // a little space after the table
        document.createParagraph();
    }

    /**
     * Column widths in twips fitted to the text at a type size: every column as wide as its widest cell (a header may
     * take two lines), the room left shared in proportion; null where the cells do not fit the type area at that size.
     */
    static long[] columnWidths(String[][] texts, double size, long typeArea) {
        double[] need = need(texts, size);
        return java.util.Arrays.stream(need).sum() > typeArea ? null : fitted(need, typeArea);
    }

    /** What each column needs in twips: its widest cell, a header in two lines, and the cell's padding. */
    private static double[] need(String[][] texts, double size) {
        int columns = texts[0].length;
        double[] need = new double[columns];
        double character = size * 20;
        for (int c = 0; c < columns; c++) {
            double widest = Math.ceil(TextWidth.characters(texts[0][c] == null ? "" : texts[0][c]) / 2);
            for (int r = 1; r < texts.length; r++) {
                widest = Math.max(widest, TextWidth.characters(texts[r][c] == null ? "" : texts[r][c]));
            }
            need[c] = Math.max(2, widest) * character + 2 * CELL_PADDING + character / 2;
        }
        return need;
    }

    /** The needs shared out over the type area in proportion. */
    private static long[] fitted(double[] need, long typeArea) {
        int columns = need.length;
        double total = java.util.Arrays.stream(need).sum();
        long[] widths = new long[columns];
        long given = 0;
        for (int c = 0; c < columns; c++) {
            widths[c] = (long) Math.floor(need[c] * typeArea / total);
            given += widths[c];
        }
        widths[columns - 1] += typeArea - given;
        return widths;
    }

    private static org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr properties(XWPFParagraph p) {
        return p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
    }

    /** A cell's text as printed. */
    private static String text(Node node) {
        StringBuilder text = new StringBuilder();
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Text t) {
                text.append(t.getLiteral());
            } else if (child instanceof Code code) {
                text.append(code.getLiteral());
            } else {
                text.append(text(child));
            }
        }
        return text.toString();
    }

    private static ParagraphAlignment alignment(TableCell cell) {
        return cell.getAlignment() == TableCell.Alignment.RIGHT
                ? ParagraphAlignment.RIGHT
                : cell.getAlignment() == TableCell.Alignment.CENTER
                        ? ParagraphAlignment.CENTER
                        : ParagraphAlignment.LEFT;
    }

    /** The text of a node's inline children as runs. */
    private static void inline(XWPFParagraph p, Node parent, String font, double size, boolean bold) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            switch (node) {
                case Text text -> run(p, text.getLiteral(), font, size, bold);
                case Code code -> run(p, code.getLiteral(), font, size, bold);
                case StrongEmphasis strong -> inline(p, strong, font, size, true);
                case Emphasis emphasis -> inline(p, emphasis, SUBHEADING_FONT, size, bold);
                case SoftLineBreak ignored -> {
                    // Chinese text runs on without a space
                }
                case HardLineBreak ignored -> p.createRun().addBreak();
                default -> inline(p, node, font, size, bold);
            }
        }
    }

    private static XWPFRun run(XWPFParagraph p, String text, String font, double size, boolean bold) {
        XWPFRun run = p.createRun();
        run.setText(text);
        run.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        run.setFontFamily(font, XWPFRun.FontCharRange.ascii);
        run.setFontFamily(font, XWPFRun.FontCharRange.hAnsi);
        run.setFontSize(size);
        run.setBold(bold);
        return run;
    }
}
