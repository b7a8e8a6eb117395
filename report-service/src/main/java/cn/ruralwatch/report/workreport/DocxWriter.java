package cn.ruralwatch.report.workreport;

import cn.ruralwatch.report.format.OfficialDocument;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
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
                        document.headingParagraph(),
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

    /**
     * A Markdown table as the document's table of text: columns as wide as their text asks, figures set right, in 小四,
     * or 五号 where more than six columns share the type area.
     */
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
        List<String> header = new ArrayList<>();
        List<OfficialDocument.Align> alignments = new ArrayList<>();
        for (Node cell = rows.getFirst().getFirstChild(); cell != null; cell = cell.getNext()) {
            header.add(text(cell));
            alignments.add(alignment((TableCell) cell));
        }
        List<List<String>> body = new ArrayList<>();
        for (Node row : rows.subList(1, rows.size())) {
            List<String> cells = new ArrayList<>();
            for (Node cell = row.getFirstChild(); cell != null && cells.size() < header.size(); cell = cell.getNext()) {
                cells.add(text(cell));
            }
            body.add(cells);
        }
        // a column of figures is set right, so that the digits line up
        for (int c = 0; c < header.size(); c++) {
            final int column = c;
            boolean figures = !body.isEmpty()
                    && body.stream()
                            .allMatch(r -> r.size() <= column
                                    || r.get(column).isEmpty()
                                    || NUMBER.matcher(r.get(column)).matches());
            if (figures) {
                alignments.set(c, OfficialDocument.Align.RIGHT);
            }
        }
        document.table(
                header,
                body,
                alignments,
                0,
                header.size() > 6 ? OfficialDocument.SMALL_TABLE_SIZE : OfficialDocument.TABLE_SIZE);
    }

    /** A figure: set to the right in a table. */
    private static final java.util.regex.Pattern NUMBER =
            java.util.regex.Pattern.compile("-?[0-9][0-9,]*(\\.[0-9]+)?%?");

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
