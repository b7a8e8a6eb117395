package cn.ruralwatch.report.period;

import cn.ruralwatch.directory.KnownDivision;
import cn.ruralwatch.http.NativeValues;
import cn.ruralwatch.problem.IsoDates;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.Violation;
import cn.ruralwatch.report.overview.Breakdown;
import cn.ruralwatch.report.overview.Overview;
import cn.ruralwatch.report.overview.OverviewService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Reads the month-end snapshots: a month with the previous one beside it, and a division's months in a row. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class MonthlyReports {

    /** The longest series one request may ask for: ten years of months. */
    static final int MAX_MONTHS = 120;

    @Inject
    EntityManager entityManager;

    @Inject
    OverviewService overviews;

    @Inject
    ObjectMapper mapper;

    private record Snapshot(Breakdown.Row row, Instant takenAt) {}

    public MonthlyReport month(String code, String period) {
        KnownDivision division = overviews.division(code);
        YearMonth month = period("period", period);
        String previous = month.minusMonths(1).toString();
        Map<String, Snapshot> current = snapshots(code, month.toString());
        if (!current.containsKey(code)) {
            throw ProblemException.notFound("report.snapshot.not-found", code, month.toString());
        }
        Map<String, Snapshot> before = snapshots(code, previous);
        List<MonthlyReport.Entry> rows = new ArrayList<>();
        TreeSet<String> children = new TreeSet<>();
        int childLength = code.length() == 6 ? 9 : code.length() == 9 ? 12 : 0;
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
        YearMonth first = period("from", from);
        YearMonth last = period("to", to);
        if (last.isBefore(first)) {
            throw ProblemException.invalid(Violation.of("to", "BEFORE_FROM", "report.period.inverted"));
        }
        if (first.plusMonths(MAX_MONTHS).isBefore(last.plusMonths(1))) {
            throw ProblemException.invalid(Violation.of("to", "RANGE", "report.period.too-long", MAX_MONTHS));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("""
                        select period, cast(figures as text), taken_at from report_snapshot
                        where division_code = ?1 and period between ?2 and ?3 order by period
                        """, Object[].class)
                .setParameter(1, code)
                .setParameter(2, first.toString())
                .setParameter(3, last.toString())
                .getResultList();
        List<MonthlyReport.Point> points = new ArrayList<>();
        for (Object[] r : rows) {
            points.add(new MonthlyReport.Point((String) r[0], NativeValues.instant(r[2]), row((String) r[1])));
        }
        return new MonthlyReport.Series(new Overview.DivisionRef(division.code, division.name, division.level), points);
    }

    /** The snapshots of a division and of every division one level below it, by code. */
    private Map<String, Snapshot> snapshots(String code, String period) {
        int childLength = code.length() == 6 ? 9 : code.length() == 9 ? 12 : 12;
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("""
                        select division_code, cast(figures as text), taken_at from report_snapshot
                        where period = ?1 and (division_code = ?2
                              or (division_code like ?3 and length(division_code) = ?4))
                        """, Object[].class)
                .setParameter(1, period)
                .setParameter(2, code)
                .setParameter(3, code + "%")
                .setParameter(4, childLength)
                .getResultList();
        Map<String, Snapshot> snapshots = new HashMap<>();
        for (Object[] r : rows) {
            snapshots.put((String) r[0], new Snapshot(row((String) r[1]), NativeValues.instant(r[2])));
        }
        return snapshots;
    }

    private static MonthlyReport.Entry entry(Snapshot current, Snapshot previous) {
        Breakdown.Row now = current == null ? null : current.row();
        Breakdown.Row before = previous == null ? null : previous.row();
        Map<String, Long> change = null;
        if (now != null && before != null) {
            Map<String, Long> a = now.figures();
            Map<String, Long> b = before.figures();
            change = new TreeMap<>();
            TreeSet<String> names = new TreeSet<>(a.keySet());
            names.addAll(b.keySet());
            for (String name : names) {
                change.put(name, a.getOrDefault(name, 0L) - b.getOrDefault(name, 0L));
            }
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

    /** A month as YYYY-MM; anything else is a 400 naming the field. */
    static YearMonth period(String field, String value) {
        if (value == null) {
            throw ProblemException.invalid(Violation.of(field, "REQUIRED", "report.period.format", field));
        }
        YearMonth month = IsoDates.month(value);
        if (month == null) {
            throw ProblemException.invalid(Violation.of(field, "FORMAT", "report.period.format", field));
        }
        return month;
    }
}
