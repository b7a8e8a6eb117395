package cn.ruralwatch.report.overview;

import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.report.HouseholdNames;
import cn.ruralwatch.report.Labels;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

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

    /**
     * Writes every household the filter selects; the caller has checked the division against its area.
     *
     * @return how many households were written
     */
    public int write(HouseholdList.Filter filter, OutputStream out) throws IOException {
        List<Column> columns = columns(filter.division());
        Workbook workbook = new Workbook(out, "RuralWatch", "1.0");
        Worksheet sheet = workbook.newWorksheet("农户名单");
        for (int c = 0; c < columns.size(); c++) {
            sheet.value(0, c, columns.get(c).header());
            sheet.style(0, c).bold().set();
        }
        sheet.freezePane(0, 1);
        int row = 1;
        for (int page = 0; ; page++) {
            Page<HouseholdList.Row> found = households.page(filter, PageRequest.of(page, PAGE));
            for (HouseholdList.Row household : found.items()) {
                for (int c = 0; c < columns.size(); c++) {
                    switch (columns.get(c).value().apply(household)) {
                        case null -> {}
                        case Number number -> sheet.value(row, c, number);
                        case Object text -> sheet.value(row, c, text.toString());
                    }
                }
                row++;
            }
            if ((long) (page + 1) * PAGE >= found.totalItems()) {
                break;
            }
        }
        workbook.finish();
        return row - 1;
    }
}
