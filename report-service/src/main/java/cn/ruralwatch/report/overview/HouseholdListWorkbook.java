package cn.ruralwatch.report.overview;

import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** The households behind a figure as an Excel workbook with Chinese headers and labels, written page by page. */
@ApplicationScoped
public class HouseholdListWorkbook {

    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static final String[] HEADERS = {"农户编号", "所在村代码", "贫困状态", "脱贫年度", "监测类别", "风险状态", "纳入监测年度", "风险类型", "在户人口"};

    static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("NOT_POOR", "一般农户"),
            Map.entry("NOT_EXITED", "未脱贫"),
            Map.entry("PLANNED_EXIT", "预脱贫"),
            Map.entry("EXITED", "已脱贫"),
            Map.entry("UNSTABLE_EXITED", "脱贫不稳定户"),
            Map.entry("EDGE_AT_RISK", "边缘易致贫户"),
            Map.entry("SUDDEN_HARDSHIP", "突发严重困难户"),
            Map.entry("AT_RISK", "风险未消除"),
            Map.entry("ELIMINATED", "风险已消除"),
            Map.entry("ILLNESS", "因病"),
            Map.entry("DISABILITY", "因残"),
            Map.entry("EDUCATION", "因学"),
            Map.entry("DISASTER", "因灾"),
            Map.entry("ACCIDENT", "因意外事故"),
            Map.entry("UNSTABLE_EMPLOYMENT", "因务工就业不稳"),
            Map.entry("INDUSTRY_FAILURE", "因产业项目失败"),
            Map.entry("HOUSING", "住房安全"),
            Map.entry("DRINKING_WATER", "饮水安全"),
            Map.entry("OTHER", "其他"));

    private static final int PAGE = PageRequest.MAX_SIZE;

    @Inject
    HouseholdList households;

    /** Writes every household the filter selects; the caller has checked the division against its area. */
    public void write(HouseholdList.Filter filter, OutputStream out) throws IOException {
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
                sheet.value(row, 2, label(household.povertyStatus()));
                if (household.exitYear() != null) {
                    sheet.value(row, 3, household.exitYear());
                }
                sheet.value(row, 4, label(household.monitoringCategory()));
                sheet.value(row, 5, label(household.riskState()));
                if (household.identifiedYear() != null) {
                    sheet.value(row, 6, household.identifiedYear());
                }
                sheet.value(
                        row,
                        7,
                        household.riskTypes().stream()
                                .map(HouseholdListWorkbook::label)
                                .collect(Collectors.joining("、")));
                sheet.value(row, 8, household.members());
                row++;
            }
            if ((long) (page + 1) * PAGE >= found.totalItems()) {
                break;
            }
        }
        workbook.finish();
    }

    private static String label(String code) {
        return code == null ? "" : LABELS.getOrDefault(code, code);
    }
}
