package cn.ruralwatch.report.period;

import cn.ruralwatch.sql.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** The month-end snapshots ({@code report_snapshot}): each division's breakdown figures of a month, as JSON. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SnapshotQueries {

    @Inject
    Sql sql;

    /** A division's figures of a month. */
    public record Snapshot(String period, String divisionCode, String figures, Instant takenAt) {}

    /** The snapshots of a month of a division and of the divisions below it whose codes have {@code childLength} digits. */
    public List<Snapshot> ofMonth(String division, String period, int childLength) {
        return sql.query("""
                        select period, division_code, cast(figures as text) as figures, taken_at from report_snapshot
                        where period = :period and (division_code = :division
                              or (division_code like :prefix and length(division_code) = :childLength))
                        """)
                .bind("period", period)
                .bind("division", division)
                .bind("prefix", division + "%")
                .bind("childLength", childLength)
                .list(Snapshot.class);
    }

    /** A division's snapshots from one month to another (both included), in order. */
    public List<Snapshot> series(String division, String from, String to) {
        return sql.query("""
                        select period, division_code, cast(figures as text) as figures, taken_at from report_snapshot
                        where division_code = :division and period between :from and :to order by period
                        """)
                .bind("division", division)
                .bind("from", from)
                .bind("to", to)
                .list(Snapshot.class);
    }

    /** Removes a month's snapshots of a county's divisions. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void delete(String county, String period) {
        sql.query("delete from report_snapshot where period = :period and division_code like :prefix")
                .bind("period", period)
                .bind("prefix", county + "%")
                .execute();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(Snapshot snapshot, String takenBy) {
        sql.query("""
                        insert into report_snapshot (period, division_code, figures, taken_at, taken_by)
                        values (:period, :division, cast(:figures as jsonb), :takenAt, :takenBy)
                        """)
                .bind("period", snapshot.period())
                .bind("division", snapshot.divisionCode())
                .bind("figures", snapshot.figures())
                .bind("takenAt", snapshot.takenAt())
                .bind("takenBy", takenBy)
                .execute();
    }

    /** The counties whose snapshots of a month {@code requestedBy} has not queued yet. */
    public List<String> countiesNotQueued(String requestedBy, String period) {
        return sql.query("""
                        select code from known_division d
                         where level = 'COUNTY'
                           and not exists (select 1 from background_job j
                                            where j.kind = 'SNAPSHOT' and j.scope_division = d.code
                                              and j.requested_by = :requestedBy and j.parameters ->> 'period' = :period)
                         order by code""")
                .bind("requestedBy", requestedBy)
                .bind("period", period)
                .column(String.class);
    }
}
