package cn.ruralwatch.report.workreport;

import cn.ruralwatch.report.format.OfficialDocument;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
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
 * A rendered work report (Markdown: headings, paragraphs, lists, tables) as an {@link OfficialDocument}: first-level
 * headings in 黑体, second-level in 楷体_GB2312, lower ones in bold; tables with the header row bold; emphasis in 楷体; a
 * thematic break ({@code ---}) starts a new page; the signature block at the end.
 */
public final class DocxWriter {

    private static final Parser PARSER =
            Parser.builder().extensions(List.of(TablesExtension.create())).build();

    private DocxWriter() {}

    /** The document without a signature block (a template that dates itself). */
    public static byte[] write(String title, String markdown) {
        return write(title, markdown, null);
    }

    public static byte[] write(String title, String markdown, OfficialDocument.Signature signature) {
        OfficialDocument document = OfficialDocument.titled(title);
        Node root = PARSER.parse(markdown);
        for (Node block = root.getFirstChild(); block != null; block = block.getNext()) {
            block(document, block);
        }
        if (signature != null) {
            document.signature(signature);
        }
        return document.toDocx();
    }

    private static void block(OfficialDocument document, Node block) {
        switch (block) {
            case Heading h ->
                inline(
                        document.paragraph(),
                        h,
                        OfficialDocument.headingFont(h.getLevel()),
                        OfficialDocument.BODY_SIZE,
                        h.getLevel() >= 3);
            case Paragraph paragraph ->
                inline(document.paragraph(), paragraph, OfficialDocument.BODY_FONT, OfficialDocument.BODY_SIZE, false);
            case BulletList list -> items(document, list, false);
            case OrderedList list -> items(document, list, true);
            case TableBlock table -> table(document, table);
            case ThematicBreak ignored -> document.pageBreak();
            default ->
                // other blocks (quotes, code) as plain paragraphs of their text
                inline(document.paragraph(), block, OfficialDocument.BODY_FONT, OfficialDocument.BODY_SIZE, false);
        }
    }

    private static void items(OfficialDocument document, Node list, boolean ordered) {
        int number = list instanceof OrderedList o ? o.getStartNumber() : 1;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (item instanceof ListItem) {
                XWPFParagraph p = document.paragraph();
                OfficialDocument.run(
                        p,
                        ordered ? (number++) + ". " : "· ",
                        OfficialDocument.BODY_FONT,
                        OfficialDocument.BODY_SIZE,
                        false);
                for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
                    inline(p, child, OfficialDocument.BODY_FONT, OfficialDocument.BODY_SIZE, false);
                }
            }
        }
    }

    private static void table(OfficialDocument document, TableBlock block) {
        List<Node> rows = new ArrayList<>();
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
        int headerRows = 0;
        while (headerRows < rows.size() && rows.get(headerRows).getParent() instanceof TableHead) {
            headerRows++;
        }
        XWPFTable table = document.table(rows.size(), columns, headerRows);
        for (int r = 0; r < rows.size(); r++) {
            boolean header = rows.get(r).getParent() instanceof TableHead;
            int c = 0;
            for (Node cell = rows.get(r).getFirstChild(); cell != null && c < columns; cell = cell.getNext(), c++) {
                XWPFParagraph p = OfficialDocument.cell(
                        table, r, c, header ? OfficialDocument.Align.CENTER : alignment((TableCell) cell));
                inline(p, cell, OfficialDocument.BODY_FONT, OfficialDocument.TABLE_SIZE, header);
            }
        }
        document.endTable();
    }

    private static OfficialDocument.Align alignment(TableCell cell) {
        return cell.getAlignment() == TableCell.Alignment.RIGHT
                ? OfficialDocument.Align.RIGHT
                : cell.getAlignment() == TableCell.Alignment.CENTER
                        ? OfficialDocument.Align.CENTER
                        : OfficialDocument.Align.LEFT;
    }

    /** The text of a node's inline children as runs. */
    private static void inline(XWPFParagraph p, Node parent, String font, int size, boolean bold) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            switch (node) {
                case Text text -> OfficialDocument.run(p, text.getLiteral(), font, size, bold);
                case Code code -> OfficialDocument.run(p, code.getLiteral(), font, size, bold);
                case StrongEmphasis strong -> inline(p, strong, font, size, true);
                case Emphasis emphasis -> inline(p, emphasis, OfficialDocument.SUBHEADING_FONT, size, bold);
                case SoftLineBreak ignored -> {
                    // Chinese text runs on without a space
                }
                case HardLineBreak ignored -> OfficialDocument.lineBreak(p);
                default -> inline(p, node, font, size, bold);
            }
        }
    }
}
