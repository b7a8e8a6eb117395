package cn.ruralwatch.report.overview;

import cn.ruralwatch.report.format.Labels;
import cn.ruralwatch.report.format.PrintedSheet;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import org.dhatim.fastexcel.Workbook;

/**
 * The breakdown table as an Excel workbook laid out for print ({@link PrintedSheet}): one row per division one level
 * down, then the total, Chinese headers. Its
 * columns (the figures of a {@link Breakdown.Row}) are also those of the monthly report and the time series.
 */
public final class BreakdownWorkbook {

    /** A figure of a breakdown row, with its header. */
    public record Column(String header, ToLongFunction<Breakdown.Row> value) {}

    public static final List<Column> COLUMNS = columns();

    private BreakdownWorkbook() {}

    private static List<Column> columns() {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("在册农户（户）", Breakdown.Row::households));
        columns.add(new Column("在户人口（人）", Breakdown.Row::members));
        for (String status : List.of("NOT_POOR", "NOT_EXITED", "PLANNED_EXIT", "EXITED")) {
            columns.add(new Column(Labels.of(Labels.POVERTY_STATUS, status) + "（户）", row -> row.byPovertyStatus()
                    .getOrDefault(status, 0L)));
        }
        columns.add(new Column("监测对象（户）", Breakdown.Row::monitoredHouseholds));
        for (String category : List.of("UNSTABLE_EXITED", "EDGE_AT_RISK", "SUDDEN_HARDSHIP")) {
            columns.add(new Column(
                    Labels.of(Labels.MONITORING_CATEGORY, category) + "（户）",
                    row -> row.byMonitoringCategory().getOrDefault(category, 0L)));
        }
        columns.add(new Column("风险未消除（户）", Breakdown.Row::atRiskHouseholds));
        columns.add(new Column("已评估（户）", Breakdown.Row::evaluatedHouseholds));
        columns.add(new Column("全部达标（户）", Breakdown.Row::householdsMeetingStandard));
        columns.add(new Column("脱贫和监测人口外出务工（人）", Breakdown.Row::migrantWorkers));
        return List.copyOf(columns);
    }

    static void write(Breakdown breakdown, OutputStream out) throws IOException {
        Workbook workbook = PrintedSheet.workbook(out);
        String name = breakdown.total().division().name();
        PrintedSheet sheet = PrintedSheet.of(workbook, "分级统计", name + "分级统计表", COLUMNS.size() + 2, 1);
        sheet.header(1, 0, "区划代码");
        sheet.header(1, 1, "区划名称");
        for (int c = 0; c < COLUMNS.size(); c++) {
            sheet.header(1, c + 2, COLUMNS.get(c).header());
        }
        int r = sheet.firstBodyRow();
        for (Breakdown.Row row : breakdown.rows()) {
            write(sheet, r++, row.division().code(), row.division().name(), row);
        }
        write(sheet, r, breakdown.total().division().code(), "合计（" + name + "）", breakdown.total());
        sheet.bold(r);
        sheet.finish(2);
        workbook.finish();
    }

    private static void write(PrintedSheet sheet, int r, String code, String name, Breakdown.Row row) {
        sheet.cell(r, 0, code);
        sheet.cell(r, 1, name);
        for (int c = 0; c < COLUMNS.size(); c++) {
            sheet.cell(r, c + 2, COLUMNS.get(c).value().applyAsLong(row));
        }
    }
}
