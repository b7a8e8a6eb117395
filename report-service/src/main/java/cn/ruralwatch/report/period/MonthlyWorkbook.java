package cn.ruralwatch.report.period;

import cn.ruralwatch.report.overview.Breakdown;
import cn.ruralwatch.report.overview.BreakdownWorkbook;
import cn.ruralwatch.report.overview.BreakdownWorkbook.Column;
import java.io.IOException;
import java.io.OutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** The monthly report 一月一报 and the time series as Excel workbooks, with the breakdown's figures and headers. */
final class MonthlyWorkbook {

    private MonthlyWorkbook() {}

    /**
     * One row per division one level down, then the total; for every figure three columns under its header: this
     * month, the previous month and the change (empty where there is no previous month).
     */
    static void write(MonthlyReport report, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "RuralWatch", "1.0");
        Worksheet sheet = workbook.newWorksheet(report.period() + "月报");
        sheet.value(0, 0, "区划代码");
        sheet.value(0, 1, "区划名称");
        sheet.range(0, 0, 1, 0).merge();
        sheet.range(0, 1, 1, 1).merge();
        for (int c = 0; c < BreakdownWorkbook.COLUMNS.size(); c++) {
            int first = 2 + 3 * c;
            sheet.value(0, first, BreakdownWorkbook.COLUMNS.get(c).header());
            sheet.range(0, first, 0, first + 2).merge();
            sheet.value(1, first, "本月（" + report.period() + "）");
            sheet.value(1, first + 1, report.previousPeriod() == null ? "上月" : "上月（" + report.previousPeriod() + "）");
            sheet.value(1, first + 2, "增减");
        }
        int width = 2 + 3 * BreakdownWorkbook.COLUMNS.size();
        sheet.range(0, 0, 1, width - 1)
                .style()
                .bold()
                .horizontalAlignment("center")
                .set();
        int r = 2;
        for (MonthlyReport.Entry entry : report.rows()) {
            write(sheet, r++, entry.division().name(), entry);
        }
        write(sheet, r, "合计（" + report.total().division().name() + "）", report.total());
        sheet.range(r, 0, r, width - 1).style().bold().set();
        sheet.freezePane(2, 2);
        workbook.finish();
    }

    private static void write(Worksheet sheet, int r, String name, MonthlyReport.Entry entry) {
        sheet.value(r, 0, entry.division().code());
        sheet.value(r, 1, name);
        for (int c = 0; c < BreakdownWorkbook.COLUMNS.size(); c++) {
            Column column = BreakdownWorkbook.COLUMNS.get(c);
            int first = 2 + 3 * c;
            value(sheet, r, first, entry.current(), column);
            value(sheet, r, first + 1, entry.previous(), column);
            if (entry.current() != null && entry.previous() != null) {
                sheet.value(
                        r,
                        first + 2,
                        column.value().applyAsLong(entry.current())
                                - column.value().applyAsLong(entry.previous()));
            }
        }
    }

    private static void value(Worksheet sheet, int r, int c, Breakdown.Row row, Column column) {
        if (row != null) {
            sheet.value(r, c, column.value().applyAsLong(row));
        }
    }

    /** One row per month, a column per figure. */
    static void write(MonthlyReport.Series series, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "RuralWatch", "1.0");
        Worksheet sheet = workbook.newWorksheet("时间序列");
        sheet.value(0, 0, "月份");
        for (int c = 0; c < BreakdownWorkbook.COLUMNS.size(); c++) {
            sheet.value(0, c + 1, BreakdownWorkbook.COLUMNS.get(c).header());
        }
        sheet.range(0, 0, 0, BreakdownWorkbook.COLUMNS.size()).style().bold().set();
        int r = 1;
        for (MonthlyReport.Point point : series.points()) {
            sheet.value(r, 0, point.period());
            for (int c = 0; c < BreakdownWorkbook.COLUMNS.size(); c++) {
                sheet.value(r, c + 1, BreakdownWorkbook.COLUMNS.get(c).value().applyAsLong(point.figures()));
            }
            r++;
        }
        sheet.freezePane(1, 1);
        workbook.finish();
    }
}
