package cn.ruralwatch.report.overview;

import cn.ruralwatch.directory.HouseholdDirectory;
import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.report.format.HouseholdNames;
import cn.ruralwatch.report.format.Labels;
import cn.ruralwatch.report.format.PrintedSheet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;

/**
 * The households behind a figure as an Excel workbook with Chinese headers and labels, written page by page. Each
 * household is named as officials know it, by the head's name (户主姓名) and its village, with its township where the
 * list spans townships (a county's); the household number stays in the last column for looking it up elsewhere.
 */
@ApplicationScoped
public class HouseholdListWorkbook {

    private static final int PAGE = PageRequest.MAX_SIZE;

    /** A column: its header and its text or number for a household (null leaves the cell empty). */
    record Column(String header, Function<HouseholdList.Row, Object> value) {}

    /** The columns of a list of a division's households. */
    static List<Column> columns(String division) {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("户主姓名", h -> HouseholdNames.head(h.headName())));
        if (HouseholdNames.spansTownships(division)) {
            columns.add(new Column(
                    "乡镇",
                    h -> HouseholdNames.division(
                            h.townshipName(), h.villageCode().substring(0, 9))));
        }
        columns.add(new Column("行政村", h -> HouseholdNames.division(h.villageName(), h.villageCode())));
        columns.add(new Column("贫困状态", h -> Labels.of(Labels.POVERTY_STATUS, h.povertyStatus())));
        columns.add(new Column("脱贫年度", HouseholdList.Row::exitYear));
        columns.add(new Column("监测类别", h -> Labels.of(Labels.MONITORING_CATEGORY, h.monitoringCategory())));
        columns.add(new Column("风险状态", h -> Labels.of(Labels.RISK_STATE, h.riskState())));
        columns.add(new Column("纳入监测年度", HouseholdList.Row::identifiedYear));
        columns.add(new Column("风险类型", h -> h.riskTypes().stream()
                .map(type -> Labels.of(Labels.RISK_TYPE, type))
                .collect(Collectors.joining("、"))));
        columns.add(new Column("在户人口", HouseholdList.Row::members));
        columns.add(new Column("农户编号", h -> h.householdId().toString()));
        return columns;
    }

    @Inject
    HouseholdList households;

    @Inject
    HouseholdDirectory directory;

    /**
     * Writes every household the filter selects; the caller has checked the division against its area.
     *
     * @return how many households were written
     */
    public int write(HouseholdList.Filter filter, OutputStream out) throws IOException {
        List<Column> columns = columns(filter.division());
        Workbook workbook = PrintedSheet.workbook(out);
        PrintedSheet sheet = PrintedSheet.of(workbook, "农户名单", title(filter), columns.size(), 1);
        for (int c = 0; c < columns.size(); c++) {
            sheet.header(1, c, columns.get(c).header());
        }
        int row = sheet.firstBodyRow();
        for (int page = 0; ; page++) {
            Page<HouseholdList.Row> found = households.page(filter, PageRequest.of(page, PAGE));
            for (HouseholdList.Row household : found.items()) {
                for (int c = 0; c < columns.size(); c++) {
                    sheet.cell(row, c, columns.get(c).value().apply(household));
                }
                row++;
            }
            if ((long) (page + 1) * PAGE >= found.totalItems()) {
                break;
            }
        }
        sheet.finish(1);
        workbook.finish();
        return row - sheet.firstBodyRow();
    }

    /** 丁县农户名单（监测对象、边缘易致贫户）: the division's name and what the filter selects, in words. */
    private String title(HouseholdList.Filter filter) {
        String name = directory
                .division(filter.division())
                .map(d -> HouseholdNames.division(d.name, d.code))
                .orElse(filter.division());
        List<String> selected = new ArrayList<>();
        if (filter.povertyStatus() != null) {
            selected.add(Labels.of(Labels.POVERTY_STATUS, filter.povertyStatus().name()));
        }
        if (filter.monitored() != null) {
            selected.add(filter.monitored() ? "监测对象" : "非监测对象");
        }
        if (filter.monitoringCategory() != null) {
            selected.add(Labels.of(
                    Labels.MONITORING_CATEGORY, filter.monitoringCategory().name()));
        }
        if (filter.riskState() != null) {
            selected.add(Labels.of(Labels.RISK_STATE, filter.riskState().name()));
        }
        if (filter.evaluated() != null) {
            selected.add(filter.evaluated() ? "已评估" : "未评估");
        }
        if (filter.meetingStandard() != null) {
            selected.add(filter.meetingStandard() ? "全部达标" : "有未达标指标");
        }
        return name + "农户名单" + (selected.isEmpty() ? "" : "（" + String.join("、", selected) + "）");
    }
}
