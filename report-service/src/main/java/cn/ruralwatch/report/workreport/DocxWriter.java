package cn.ruralwatch.report.workreport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
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

/**
 * A rendered work report (Markdown: headings, paragraphs, lists, tables) as a Word document laid out like an official
 * report: the title in 小标宋 二号 centred, first-level headings in 黑体, second-level in 楷体, text in 仿宋 三号 with a
 * two-character first-line indent, fixed 28-point lines; tables in 仿宋 小四 with a bold header row. A thematic break
 * ({@code ---}) starts a new page.
 */
public final class DocxWriter {

    private static final String TITLE_FONT = "方正小标宋简体";
    private static final String HEADING_FONT = "黑体";
    private static final String SUBHEADING_FONT = "楷体_GB2312";
    private static final String BODY_FONT = "仿宋_GB2312";
    private static final int BODY_SIZE = 16;
    private static final int TABLE_SIZE = 12;

    private static final Parser PARSER =
            Parser.builder().extensions(List.of(TablesExtension.create())).build();

    private DocxWriter() {}

    public static byte[] write(String title, String markdown) throws IOException {
        try (XWPFDocument document = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.getProperties().getCoreProperties().setTitle(title);
            document.getProperties().getCoreProperties().setCreator("RuralWatch report-service");
            XWPFParagraph heading = document.createParagraph();
            heading.setAlignment(ParagraphAlignment.CENTER);
            heading.setSpacingAfter(240);
            run(heading, title, TITLE_FONT, 22, false);
            Node root = PARSER.parse(markdown);
            for (Node block = root.getFirstChild(); block != null; block = block.getNext()) {
                block(document, block);
            }
            document.write(out);
            return out.toByteArray();
        }
    }

    private static void block(XWPFDocument document, Node block) {
        switch (block) {
            case Heading h -> {
                XWPFParagraph p = body(document);
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
        p.setIndentationFirstLine(640);
        p.setSpacingBetween(28, LineSpacingRule.EXACT);
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
        XWPFTable table = document.createTable(rows.size(), columns);
        table.setWidth("100%");
        table.setWidthType(TableWidthType.PCT);
        for (int r = 0; r < rows.size(); r++) {
            XWPFTableRow row = table.getRow(r);
            boolean header = rows.get(r).getParent() instanceof TableHead;
            if (header) {
                row.setRepeatHeader(true);
            }
            int c = 0;
            for (Node cell = rows.get(r).getFirstChild(); cell != null && c < columns; cell = cell.getNext(), c++) {
                XWPFTableCell target = row.getCell(c);
                XWPFParagraph p = target.getParagraphs().getFirst();
                p.setAlignment(header ? ParagraphAlignment.CENTER : alignment((TableCell) cell));
                inline(p, cell, BODY_FONT, TABLE_SIZE, header);
            }
        }
        // a little space after the table
        document.createParagraph();
    }

    private static ParagraphAlignment alignment(TableCell cell) {
        return cell.getAlignment() == TableCell.Alignment.RIGHT
                ? ParagraphAlignment.RIGHT
                : cell.getAlignment() == TableCell.Alignment.CENTER
                        ? ParagraphAlignment.CENTER
                        : ParagraphAlignment.LEFT;
    }

    /** The text of a node's inline children as runs. */
    private static void inline(XWPFParagraph p, Node parent, String font, int size, boolean bold) {
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

    private static void run(XWPFParagraph p, String text, String font, int size, boolean bold) {
        XWPFRun run = p.createRun();
        run.setText(text);
        run.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        run.setFontFamily(font, XWPFRun.FontCharRange.ascii);
        run.setFontFamily(font, XWPFRun.FontCharRange.hAnsi);
        run.setFontSize(size);
        run.setBold(bold);
    }
}
