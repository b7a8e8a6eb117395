package cn.ruralwatch.report.format;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.PaperSize;
import org.dhatim.fastexcel.Position;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * A worksheet laid out as an office prints a table: 宋体 throughout, a merged title row over the table, bold centred
 * headers that wrap, the header frozen and repeated as print titles on every page, A4 (portrait, or landscape for a
 * wide table) fitted to the page width, a table too wide to read on one page (below 75%) printed over several pages
 * wide with its row-naming columns repeated on each, thin borders, page numbers at the foot, and every column as wide as its widest
 * text (a Chinese character counts as two). Numbers are written as numeric cells, everything else as text; every
 * workbook of the suite is written through it so that none sets its own fonts or page.
 */
public final class PrintedSheet {

    public static final String FONT = "宋体";
    private static final int BODY_SIZE = 11;
    private static final int TITLE_SIZE = 16;
    private static final double HEADER_HEIGHT = 30;
    private static final double MIN_WIDTH = 6;
    private static final double MAX_WIDTH = 60;
    /** Columns above which a table is printed landscape. */
    private static final int PORTRAIT_COLUMNS = 8;

    private final Worksheet sheet;
    private final int columns;
    private final int headerRows;
    private final double[] widths;
    private final List<Integer> boldRows = new ArrayList<>();
    private int lastRow;

    private PrintedSheet(Worksheet sheet, String title, int columns, int headerRows) {
        this.sheet = sheet;
        this.columns = columns;
        this.headerRows = headerRows;
        this.widths = new double[columns];
        java.util.Arrays.fill(widths, MIN_WIDTH);
        sheet.value(0, 0, title);
        sheet.rowHeight(0, 30);
        lastRow = headerRows;
    }

    /** A new workbook whose default font is {@value #FONT}. */
    public static Workbook workbook(OutputStream out) {
        Workbook workbook = new Workbook(out, "RuralWatch", "1.0");
        workbook.setGlobalDefaultFont(FONT, BODY_SIZE);
        return workbook;
    }

    /**
     * A sheet with its title in row 0 and {@code headerRows} header rows below it (rows 1 to {@code headerRows}); the
     * table's body starts at row {@code headerRows + 1}.
     */
    public static PrintedSheet of(Workbook workbook, String sheetName, String title, int columns, int headerRows) {
        return new PrintedSheet(workbook.newWorksheet(sheetName), title, columns, headerRows);
    }

    /** The first row of the table's body. */
    public int firstBodyRow() {
        return headerRows + 1;
    }

    /** A header cell; its text counts towards the column's width. */
    public void header(int row, int column, String text) {
        sheet.value(row, column, text);
        fit(column, text, true);
    }

    /** A header over several columns (merged); its text is not counted towards any one column's width. */
    public void header(int row, int firstColumn, int lastColumn, String text) {
        sheet.value(row, firstColumn, text);
        sheet.range(row, firstColumn, row, lastColumn).merge();
    }

    /** A header cell spanning header rows {@code firstRow} to {@code lastRow}. */
    public void headerDown(int firstRow, int lastRow, int column, String text) {
        sheet.value(firstRow, column, text);
        sheet.range(firstRow, column, lastRow, column).merge();
        fit(column, text, true);
    }

    /** A body cell: a number as a numeric cell, anything else as its text, nothing as an empty cell. */
    public void cell(int row, int column, Object value) {
        switch (value) {
            case null -> {}
            case Number number -> {
                sheet.value(row, column, number);
                fit(column, number.toString(), false);
            }
            default -> {
                String text = value.toString();
                sheet.value(row, column, text);
                fit(column, text, false);
            }
        }
        lastRow = Math.max(lastRow, row);
    }

    /** Sets a body row in bold (a total). */
    public void bold(int row) {
        boldRows.add(row);
        lastRow = Math.max(lastRow, row);
    }

    /** Lays the sheet out for print; call once, after the last cell and before the workbook is finished. */
    public void finish(int frozenColumns) {
        for (int c = 0; c < columns; c++) {
            sheet.width(c, widths[c]);
        }
        if (lastRow > headerRows) {
            sheet.range(headerRows + 1, 0, lastRow, columns - 1)
                    .style()
                    .fontName(FONT)
                    .borderStyle("thin")
                    .set();
        }
        for (int row : boldRows) {
            sheet.range(row, 0, row, columns - 1)
                    .style()
                    .fontName(FONT)
                    .bold()
                    .borderStyle("thin")
                    .set();
        }
        sheet.range(1, 0, headerRows, columns - 1)
                .style()
                .fontName(FONT)
                .bold()
                .horizontalAlignment("center")
                .verticalAlignment("center")
                .wrapText(true)
                .borderStyle("thin")
                .set();
        sheet.range(0, 0, 0, columns - 1)
                .style()
                .fontName(FONT)
                .fontSize(TITLE_SIZE)
                .bold()
                .horizontalAlignment("center")
                .verticalAlignment("center")
                .set();
        // room for a header wrapped in two lines: a sheet's row heights are not recomputed when it is opened
        for (int row = 1; row <= headerRows; row++) {
            sheet.rowHeight(row, HEADER_HEIGHT);
        }
        sheet.freezePane(frozenColumns, headerRows + 1);
        sheet.repeatRows(1, headerRows);
        sheet.paperSize(PaperSize.A4_PAPER);
        sheet.pageOrientation(columns > PORTRAIT_COLUMNS ? "landscape" : "portrait");
        sheet.setFitToPage(true);
        int pagesWide = pagesWide(widths, frozenColumns);
        // the title over the first page's columns, so that it is not cut where a wide table goes on to the next page
        sheet.range(0, 0, 0, titleColumns(widths, frozenColumns, pagesWide) - 1).merge();
        sheet.fitToWidth((short) pagesWide);
        if (pagesWide > 1 && frozenColumns > 0) {
            // a table too wide for one page goes on over the next, each page repeating the columns that name the rows
            sheet.repeatCols(0, frozenColumns - 1);
        }
        sheet.fitToHeight((short) 0);
        sheet.topMargin(0.75f);
        sheet.bottomMargin(0.75f);
        sheet.leftMargin(0.5f);
        sheet.rightMargin(0.5f);
        sheet.footer("第 &P 页，共 &N 页", Position.CENTER, FONT, 10);
    }

    /**
     * Column width units (about 1.85 mm each) a landscape A4 page holds at the smallest scale a table is printed at
     * (75%): 271 mm between the margins.
     */
    static final double PAGE_WIDTH_UNITS = 271 / 1.85 / 0.75;

    /**
     * How many landscape pages wide a table is printed: one where it fits at 75% or more, otherwise as many as its width
     * needs, the row-naming columns repeated on each.
     */
    static int pagesWide(double[] widths, int repeatedColumns) {
        double total = java.util.Arrays.stream(widths).sum();
        if (total <= PAGE_WIDTH_UNITS) {
            return 1;
        }
        double repeated = 0;
        for (int c = 0; c < repeatedColumns && c < widths.length; c++) {
            repeated += widths[c];
        }
        double perPage = Math.max(1, PAGE_WIDTH_UNITS - repeated);
        return (int) Math.ceil((total - repeated) / perPage);
    }

    /** The columns the first page of a table {@code pagesWide} pages wide holds (all of them on one page). */
    static int titleColumns(double[] widths, int repeatedColumns, int pagesWide) {
        if (pagesWide <= 1) {
            return widths.length;
        }
        double repeated = 0;
        for (int c = 0; c < repeatedColumns && c < widths.length; c++) {
            repeated += widths[c];
        }
        double total = java.util.Arrays.stream(widths).sum();
        // a little less than an even share: the page breaks fall where whole columns fit
        double firstPage = repeated + (total - repeated) / pagesWide * 0.9;
        double sum = 0;
        int c = 0;
        while (c < widths.length && sum + widths[c] <= firstPage) {
            sum += widths[c++];
        }
        return Math.max(1, c);
    }

    private void fit(int column, String text, boolean header) {
        // a header wraps (in two lines at most), a figure or name stays on one line
        int half = TextWidth.halfWidths(text);
        double width = header ? Math.max(MIN_WIDTH, Math.ceil(half / 2.0) + 2) : half + 2.5;
        widths[column] = Math.min(MAX_WIDTH, Math.max(widths[column], width));
    }
}
