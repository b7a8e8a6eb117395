package cn.ruralwatch.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * {@code monitoring-line.set.v1}: the 防返贫监测范围 (per-capita net income line, 元/人·年) of a region from a year on,
 * set through indicator-service's standard parameters (parameter {@code monitoringThreshold}) or shipped with a
 * standard. For a village and a year the line is the one of the latest year not after it among the regions containing
 * the village, and among lines of that year the most specific region's (a county's before its province's, the
 * province's before the nation's): a line applies from its year until a later one. The indicators and risk elimination
 * (household-service) resolve it alike. indicator-service announces every current line again at each start, so a
 * consumer that lost the topic's history learns them anew. Key: {@code regionCode:year}.
 *
 * @param regionCode division code prefix the line applies to (2 digits a province, 4 a city, 6 a county, 9 a township,
 *     12 a village; empty for the whole country)
 * @param year the first year the line applies to
 * @param value the line in yuan per person and year
 * @param note the document that set it (文件、文号)
 */
public record MonitoringLineSet(String regionCode, int year, BigDecimal value, String note, Instant setAt, String setBy)
        implements IndicatorEvent {

    public MonitoringLineSet {
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(setAt, "setAt");
    }

    /** The record key: one line per region and year, a later value of the same pair replacing the earlier one. */
    public String key() {
        return regionCode + ":" + year;
    }
}
