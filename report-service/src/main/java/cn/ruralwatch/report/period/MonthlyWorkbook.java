package cn.ruralwatch.report.period;

import cn.ruralwatch.report.format.Figures;
import cn.ruralwatch.report.format.PrintedSheet;
import cn.ruralwatch.report.overview.Breakdown;
import cn.ruralwatch.report.overview.BreakdownWorkbook;
import cn.ruralwatch.report.overview.BreakdownWorkbook.Column;
import java.io.IOException;
import java.io.OutputStream;
import org.dhatim.fastexcel.Workbook;

/** The monthly report 一月一报 and the time series as Excel workbooks, with the breakdown's figures and headers. */
final class MonthlyWorkbook {

    private MonthlyWorkbook() {}

    /**
     * One row per division one level down, then the total; for every figure three columns under its header: this
     * month, the previous month and the change (empty where there is no previous month).
     */
    static void write(MonthlyReport report, OutputStream out) throws IOException {
        Workbook workbook = PrintedSheet.workbook(out);
        int width = 2 + 3 * BreakdownWorkbook.COLUMNS.size();
        String month = Figures.chineseMonth(report.period());
        PrintedSheet sheet = PrintedSheet.of(
                workbook, report.period() + "月报", report.total().division().name() + month + "监测数据月报表", width, 2);
        sheet.headerDown(1, 2, 0, "区划代码");
        sheet.headerDown(1, 2, 1, "区划名称");
        String previous = report.previousPeriod() == null ? "上月" : Figures.chineseMonth(report.previousPeriod());
        for (int c = 0; c < BreakdownWorkbook.COLUMNS.size(); c++) {
            int first = 2 + 3 * c;
            sheet.header(1, first, first + 2, BreakdownWorkbook.COLUMNS.get(c).header());
            sheet.header(2, first, month);
            sheet.header(2, first + 1, previous);
            sheet.header(2, first + 2, "增减");
        }
        int r = sheet.firstBodyRow();
        for (MonthlyReport.Entry entry : report.rows()) {
            write(sheet, r++, entry.division().name(), entry);
        }
        write(sheet, r, "合计（" + report.total().division().name() + "）", report.total());
        sheet.bold(r);
        sheet.finish(2);
        workbook.finish();
    }

    private static void write(PrintedSheet sheet, int r, String name, MonthlyReport.Entry entry) {
        sheet.cell(r, 0, entry.division().code());
        sheet.cell(r, 1, name);
        for (int c = 0; c < BreakdownWorkbook.COLUMNS.size(); c++) {
            Column column = BreakdownWorkbook.COLUMNS.get(c);
            int first = 2 + 3 * c;
            value(sheet, r, first, entry.current(), column);
            value(sheet, r, first + 1, entry.previous(), column);
            if (entry.current() != null && entry.previous() != null) {
                sheet.cell(
                        r,
                        first + 2,
                        column.value().applyAsLong(entry.current())
                                - column.value().applyAsLong(entry.previous()));
            }
        }
    }

    private static void value(PrintedSheet sheet, int r, int c, Breakdown.Row row, Column column) {
        if (row != null) {
            sheet.cell(r, c, column.value().applyAsLong(row));
        }
    }

    /** One row per month, a column per figure. */
    static void write(MonthlyReport.Series series, OutputStream out) throws IOException {
        Workbook workbook = PrintedSheet.workbook(out);
        PrintedSheet sheet = PrintedSheet.of(
                workbook, "时间序列", series.division().name() + "监测数据逐月统计表", BreakdownWorkbook.COLUMNS.size() + 1, 1);
        sheet.header(1, 0, "月份");
        for (int c = 0; c < BreakdownWorkbook.COLUMNS.size(); c++) {
            sheet.header(1, c + 1, BreakdownWorkbook.COLUMNS.get(c).header());
        }
        int r = sheet.firstBodyRow();
        for (MonthlyReport.Point point : series.points()) {
            sheet.cell(r, 0, Figures.chineseMonth(point.period()));
            for (int c = 0; c < BreakdownWorkbook.COLUMNS.size(); c++) {
                sheet.cell(r, c + 1, BreakdownWorkbook.COLUMNS.get(c).value().applyAsLong(point.figures()));
            }
            r++;
        }
        sheet.finish(1);
        workbook.finish();
    }
}
