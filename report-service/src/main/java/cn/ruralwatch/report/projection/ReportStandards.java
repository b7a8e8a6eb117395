package cn.ruralwatch.report.projection;

import cn.ruralwatch.events.StandardStatusSet;
import cn.ruralwatch.messaging.BackgroundLoop;
import cn.ruralwatch.sql.Sql;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The indicator standards in use ({@code report_standard}, from {@code standard.status-set.v1}). A retired standard is
 * no longer evaluated, so its results, which stay with their history in indicator-service, leave the current figures:
 * each result row says whether its standard is in use ({@code in_use}), and the figures count those rows only. A
 * household's results under a retired standard neither make it evaluated nor keep it from meeting the standards, and
 * the standard's indicators have no rates. A standard not known here is in use.
 *
 * <p>A result stored says at once whether its standard is in use. When a standard's status changes, the consumer's
 * transaction records the status only; the rows the standard already holds (a county's standard holds millions of
 * indicator results) are flipped afterwards by a refresher of their own, {@value #CHUNK} rows of each table per
 * transaction, and every village holding them is marked to be recounted once the flips have settled, as bulk work is
 * ({@link VillageSummaries}). The refresher also looks every idle interval, so a result that a concurrent transaction
 * stored under the status it saw before the change committed is flipped too.
 */
@ApplicationScoped
public class ReportStandards {

    /** Rows of each table flipped in one transaction at most: a consumer writing one of them waits for so long. */
    static final int CHUNK = 5000;

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

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** How often the refresher looks for results whose {@code in_use} disagrees with their standard's status. */
    @ConfigProperty(name = "ruralwatch.report.standards.idle-interval", defaultValue = "PT5S")
    Duration idle;

    private BackgroundLoop loop;

    void start(@Observes StartupEvent started) {
        loop = new BackgroundLoop("report-standards-in-use", idle, this::step);
        loop.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (loop != null) {
            loop.stop();
        }
    }

    /**
     * Keeps a standard's announced status unless a later one is held (a higher version, or the same version later).
     * Once the caller's transaction commits, the results the standard holds are flipped into or out of use.
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
        if (!held.isEmpty() && loop != null) {
            loop.wakeUpAfterCommit(transactions);
        }
    }

    /** Flips a chunk of rows in a transaction of its own; answers whether it flipped any (more may be waiting). */
    boolean step() {
        return QuarkusTransaction.requiringNew().call(() -> converge(CHUNK)) > 0;
    }

    /**
     * Flips up to {@code limit} results of each table and standard whose {@code in_use} disagrees with the standard's
     * status, in the caller's transaction and with its search path, rows another transaction holds skipped, and marks
     * their villages to be recounted as bulk work: the refresher calls it a chunk at a time, a rebuild with no limit on
     * the read models it fills aside before it recounts their villages.
     *
     * @return the rows flipped
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int converge(int limit) {
        int flipped = 0;
        for (Held held : sql.query("select code, status <> 'RETIRED' as in_use from report_standard")
                .list(Held.class)) {
            // a standard in use may hold rows still out of use, a retired one rows still in use
            flipped += flip(held.code(), !held.inUse(), limit);
        }
        if (flipped > 0) {
            summaries.marked();
        }
        return flipped;
    }

    /** A standard held here and whether it is in use. */
    private record Held(String code, boolean inUse) {}

    /** Flips up to {@code limit} rows of each table holding {@code in_use = was} for the standard. */
    private int flip(String code, boolean was, int limit) {
        int flipped = 0;
        for (String table : new String[] {"report_indicator_result", "report_evaluation"}) {
            flipped += sql.query(flipStatement(table))
                    .bind("code", code)
                    .bind("was", was)
                    .bind("limit", limit)
                    .column(Integer.class)
                    .getFirst();
        }
        return flipped;
    }

    /**
     * Flips up to {@code :limit} rows of the standard {@code :code} holding {@code in_use = :was} in a table, marks
     * their villages to be recounted as bulk work, and counts them. The rows picked are updated by their address
     * ({@code ctid}), a look-up each, whatever the planner believes of the standard: one whose results have just
     * arrived is not in the table's statistics yet (one row expected), and a join on the key was then planned as a
     * nested loop comparing every row of the standard with every row picked (120,360 × 5,000 for a county's standard,
     * stopped by the transaction timeout after a minute; by address 66 ms). The rows are locked, so their address holds
     * until the update. Read as a column: a one-row limit added to a statement that writes would not parse.
     */
    static String flipStatement(String table) {
        return """
                with picked as (
                    select ctid from %1$s
                    where standard_code = :code and in_use = :was
                    limit :limit for update skip locked),
                flipped as (
                    update %1$s t set in_use = not :was from picked p
                    where t.ctid = p.ctid
                    returning t.village_code),
                marked as (
                    insert into report_dirty_village (village_code, interactive)
                    select distinct village_code, false from flipped)
                select count(*) from flipped
                """.formatted(table);
    }
}
