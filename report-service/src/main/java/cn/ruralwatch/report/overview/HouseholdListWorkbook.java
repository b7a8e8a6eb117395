package cn.ruralwatch.report.overview;

import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.report.Labels;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** The households behind a figure as an Excel workbook with Chinese headers and labels, written page by page. */
@ApplicationScoped
public class HouseholdListWorkbook {

    static final String[] HEADERS = {"农户编号", "所在村代码", "贫困状态", "脱贫年度", "监测类别", "风险状态", "纳入监测年度", "风险类型", "在户人口"};

    private static final int PAGE = PageRequest.MAX_SIZE;

    @Inject
    HouseholdList households;

    /**
     * Writes every household the filter selects; the caller has checked the division against its area.
     *
     * @return how many households were written
     */
    public int write(HouseholdList.Filter filter, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "RuralWatch", "1.0");
        Worksheet sheet = workbook.newWorksheet("农户名单");
        for (int c = 0; c < HEADERS.length; c++) {
            sheet.value(0, c, HEADERS[c]);
            sheet.style(0, c).bold().set();
        }
        int row = 1;
        for (int page = 0; ; page++) {
            Page<HouseholdList.Row> found = households.page(filter, PageRequest.of(page, PAGE));
            for (HouseholdList.Row household : found.items()) {
                sheet.value(row, 0, household.householdId().toString());
                sheet.value(row, 1, household.villageCode());
                sheet.value(row, 2, Labels.of(Labels.POVERTY_STATUS, household.povertyStatus()));
                if (household.exitYear() != null) {
                    sheet.value(row, 3, household.exitYear());
                }
                sheet.value(row, 4, Labels.of(Labels.MONITORING_CATEGORY, household.monitoringCategory()));
                sheet.value(row, 5, Labels.of(Labels.RISK_STATE, household.riskState()));
                if (household.identifiedYear() != null) {
                    sheet.value(row, 6, household.identifiedYear());
                }
                sheet.value(
                        row,
                        7,
                        household.riskTypes().stream()
                                .map(type -> Labels.of(Labels.RISK_TYPE, type))
                                .collect(Collectors.joining("、")));
                sheet.value(row, 8, household.members());
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
