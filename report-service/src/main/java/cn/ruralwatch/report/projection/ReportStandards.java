package cn.ruralwatch.report.projection;

import cn.ruralwatch.events.StandardStatusSet;
import cn.ruralwatch.sql.Sql;
import cn.ruralwatch.tracing.Lane;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.util.List;

/**
 * The indicator standards in use ({@code report_standard}, from {@code standard.status-set.v1}). A retired standard is
 * no longer evaluated, so its results, which stay with their history in indicator-service, leave the current figures:
 * each result row says whether its standard is in use ({@code in_use}), and the figures count those rows only. A
 * household's results under a retired standard neither make it evaluated nor keep it from meeting the standards, and
 * the standard's indicators have no rates. A standard not known here is in use.
 */
@ApplicationScoped
public class ReportStandards {

    /**
     * The value of {@code in_use} for a result of the standard whose code the SQL expression {@code standardCode} gives
     * (a parameter, a column). With a space on each side, for the text blocks it is put into.
     */
    static String inUse(String standardCode) {
        return " not exists (select 1 from report_standard rs where rs.code = " + standardCode
                + " and rs.status = 'RETIRED') ";
    }

    @Inject
    Sql sql;

    @Inject
    VillageSummaries summaries;

    /**
     * Keeps a standard's announced status unless a later one is held (a higher version, or the same version later).
     * When that retires the standard or brings it back into use, its results are marked so and every village holding
     * them is recounted.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void set(StandardStatusSet status) {
        List<String> held = sql.query("""
                        insert into report_standard (code, version, name, region_code, level, status, status_set_at)
                        values (:code, :version, :name, :region, :level, :status, :at)
                        on conflict (code) do update
                           set version = excluded.version, name = excluded.name, region_code = excluded.region_code,
                               level = excluded.level, status = excluded.status, status_set_at = excluded.status_set_at
                         where (excluded.version, excluded.status_set_at)
                               >= (report_standard.version, report_standard.status_set_at)
                        returning status
                        """)
                .bind("code", status.code())
                .bind("version", status.version())
                .bind("name", status.name())
                .bind("region", status.regionCode())
                .bind("level", status.level())
                .bind("status", status.status())
                .bind("at", Timestamp.from(status.statusSetAt()))
                .column(String.class);
        if (held.isEmpty()) {
            // a later status of the standard is held already
            return;
        }
        boolean inUse = !StandardStatusSet.RETIRED.equals(held.getFirst());
        sql.query("""
                        update report_indicator_result set in_use = :inUse
                        where standard_code = :code and in_use <> :inUse
                        """).bind("code", status.code()).bind("inUse", inUse).execute();
        int villages = (int) sql.query("""
                        with changed as (
                            update report_evaluation set in_use = :inUse
                            where standard_code = :code and in_use <> :inUse
                            returning village_code)
                        insert into report_dirty_village (village_code, interactive)
                        select distinct village_code, :interactive from changed
                        """)
                .bind("code", status.code())
                .bind("inUse", inUse)
                .bind("interactive", Lane.current() == Lane.INTERACTIVE)
                .execute();
        if (villages > 0) {
            summaries.marked();
        }
    }
}
