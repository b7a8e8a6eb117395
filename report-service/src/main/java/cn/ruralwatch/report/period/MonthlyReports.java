package cn.ruralwatch.report.period;

import cn.ruralwatch.access.DivisionCodes;
import cn.ruralwatch.directory.KnownDivision;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.report.overview.Breakdown;
import cn.ruralwatch.report.overview.Overview;
import cn.ruralwatch.report.overview.OverviewService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Reads the month-end snapshots: a month with the previous one beside it, and a division's months in a row. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class MonthlyReports {

    @Inject
    SnapshotQueries queries;

    @Inject
    OverviewService overviews;

    @Inject
    ObjectMapper mapper;

    private record Snapshot(Breakdown.Row row, Instant takenAt) {}

    public MonthlyReport month(String code, String period) {
        KnownDivision division = overviews.division(code);
        YearMonth month = Periods.parse("period", period);
        String previous = month.minusMonths(1).toString();
        Map<String, Snapshot> current = snapshots(code, month.toString());
        if (!current.containsKey(code)) {
            throw ProblemException.notFound("report.snapshot.not-found", code, month.toString());
        }
        Map<String, Snapshot> before = snapshots(code, previous);
        List<MonthlyReport.Entry> rows = new ArrayList<>();
        TreeSet<String> children = new TreeSet<>();
        int childLength = DivisionCodes.childLength(code);
        current.keySet().stream().filter(c -> c.length() == childLength).forEach(children::add);
        before.keySet().stream().filter(c -> c.length() == childLength).forEach(children::add);
        for (String child : children) {
            rows.add(entry(current.get(child), before.get(child)));
        }
        Snapshot previousTotal = before.get(code);
        return new MonthlyReport(
                month.toString(),
                current.get(code).takenAt(),
                previousTotal == null ? null : previous,
                previousTotal == null ? null : previousTotal.takenAt(),
                entry(current.get(code), previousTotal),
                rows);
    }

    public MonthlyReport.Series series(String code, String from, String to) {
        KnownDivision division = overviews.division(code);
        YearMonth first = Periods.parse("from", from);
        YearMonth last = Periods.parse("to", to);
        Periods.checkSeries(first, last);
        List<MonthlyReport.Point> points = queries.series(code, first.toString(), last.toString()).stream()
                .map(s -> new MonthlyReport.Point(s.period(), s.takenAt(), row(s.figures())))
                .toList();
        return new MonthlyReport.Series(new Overview.DivisionRef(division.code, division.name, division.level), points);
    }

    /** The snapshots of a division and of every division one level below it, by code. */
    private Map<String, Snapshot> snapshots(String code, String period) {
        Map<String, Snapshot> snapshots = new HashMap<>();
        for (SnapshotQueries.Snapshot s : queries.ofMonth(code, period, DivisionCodes.childLength(code))) {
            snapshots.put(s.divisionCode(), new Snapshot(row(s.figures()), s.takenAt()));
        }
        return snapshots;
    }

    private static MonthlyReport.Entry entry(Snapshot current, Snapshot previous) {
        Breakdown.Row now = current == null ? null : current.row();
        Breakdown.Row before = previous == null ? null : previous.row();
        Map<String, Long> change = null;
        if (now != null && before != null) {
            change = Periods.change(now.figures(), before.figures());
        }
        Overview.DivisionRef division = now != null ? now.division() : before.division();
        return new MonthlyReport.Entry(division, now, before, change);
    }

    private Breakdown.Row row(String json) {
        try {
            return mapper.readValue(json, Breakdown.Row.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a snapshot is not a breakdown row: " + json, e);
        }
    }
}
