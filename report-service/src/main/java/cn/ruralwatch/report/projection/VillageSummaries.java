package cn.ruralwatch.report.projection;

import cn.ruralwatch.messaging.BackgroundLoop;
import cn.ruralwatch.sql.Sql;
import cn.ruralwatch.tracing.Lane;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps {@code report_village_summary} and {@code report_village_indicator}: the projections mark the villages an event
 * touched, and once their transaction has committed this recounts those villages from the read models (a few hundred
 * households each), so that the figures of a county are the sum of its villages' rows.
 */
@ApplicationScoped
public class VillageSummaries {

    /** Marks taken in one transaction at most (the villages they name are recounted once each). */
    private static final int BATCH = 2000;

    /**
     * Villages marked by bulk events recounted in one transaction at most: a village takes a few milliseconds, so a
     * village a person's change marked meanwhile waits for a few dozen milliseconds, not for a county's recount.
     */
    private static final int BULK_VILLAGES = 16;

    /** The villages already marked in the current transaction (a transaction-scoped resource). */
    private static final Object MARKED = new Object();

    @Inject
    Sql sql;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    ReadModelGeneration generation;

    @ConfigProperty(name = "ruralwatch.report.summaries.idle-interval", defaultValue = "PT1S")
    Duration idle;

    /**
     * How long a village marked by bulk work waits without a new mark before it is recounted: an import's events touch
     * each village of a county over and over while they arrive, and every recount reads the whole village, so one
     * recount after the marks stopped replaces hundreds. Villages marked by interactive work are recounted at once.
     */
    @ConfigProperty(name = "ruralwatch.report.summaries.bulk-settle", defaultValue = "PT3S")
    Duration bulkSettle;

    /**
     * How long a village marked by bulk work waits at most (its oldest mark) while new marks keep coming: the figures of
     * a county being imported move on this often while its events are applied, and are exact {@code bulk-settle}
     * after the last of them.
     */
    @ConfigProperty(name = "ruralwatch.report.summaries.bulk-max-wait", defaultValue = "PT15S")
    Duration bulkMaxWait;

    private BackgroundLoop loop;

    void start(@Observes StartupEvent started) {
        loop = new BackgroundLoop("report-village-summaries", idle, this::step);
        loop.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (loop != null) {
            loop.stop();
        }
    }

    /**
     * Marks villages to be recounted once the caller's transaction commits. A mark is an insert that never waits for
     * another transaction (no unique key), so projections running side by side cannot deadlock on it; a village is
     * marked once per transaction. The mark keeps the lane of the work that made it ({@link Lane}): villages marked
     * by interactive work are recounted first.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void touched(String... villages) {
        @SuppressWarnings("unchecked")
        Set<String> marked = (Set<String>) transactions.getResource(MARKED);
        if (marked == null) {
            marked = new HashSet<>();
            transactions.putResource(MARKED, marked);
        }
        List<String> unmarked = new ArrayList<>();
        for (String village : villages) {
            if (village != null && marked.add(village)) {
                unmarked.add(village);
            }
        }
        if (!unmarked.isEmpty()) {
            sql.query("""
                            insert into report_dirty_village (village_code, interactive)
                            select v, :interactive from unnest(cast(:villages as text[])) as v""")
                    .bind("villages", unmarked.toArray(String[]::new))
                    .bind("interactive", Lane.current() == Lane.INTERACTIVE)
                    .execute();
        }
        marked();
    }

    /**
     * The caller's transaction marked villages itself ({@code report_dirty_village}, in the lane of its work): they are
     * recounted once it commits. A standard's retirement marks every village holding its results this way.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void marked() {
        generation.changing();
        // a person's villages are recounted as soon as the change commits; villages bulk work marked wait for their
        // marks to settle, and the refresher looks for those every idle interval rather than after every batch
        if (loop != null && Lane.current() == Lane.INTERACTIVE) {
            loop.wakeUpAfterCommit(transactions);
        }
    }

    /**
     * Recounts the villages of up to {@value #BATCH} marks made by interactive work, or when there are none, up to
     * {@value #BULK_VILLAGES} villages marked by bulk work, oldest marks first, that had no new mark for {@code
     * bulk-settle} or have waited for {@code bulk-max-wait}; answers whether more may be waiting.
     */
    boolean step() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<String> marks = sql.query("""
                            delete from report_dirty_village where mark_id in (
                                select mark_id from report_dirty_village where interactive order by mark_id
                                limit :batch for update skip locked)
                            returning village_code
                            """).bind("batch", BATCH).column(String.class);
            boolean more;
            if (!marks.isEmpty()) {
                // bulk marks may be waiting behind them
                more = true;
            } else {
                marks = sql.query("""
                                delete from report_dirty_village where mark_id in (
                                    select mark_id from report_dirty_village
                                    where not interactive and village_code in (
                                        select c.village_code from (
                                            select village_code, min(marked_at) as oldest from (
                                                select village_code, marked_at from report_dirty_village
                                                where not interactive and marked_at <= now() - cast(:settle as interval)
                                                order by marked_at, mark_id limit :batch) settled
                                            group by village_code) c
                                        where c.oldest <= now() - cast(:maxWait as interval)
                                           or not exists (select 1 from report_dirty_village n
                                                          where n.village_code = c.village_code and not n.interactive
                                                            and n.marked_at > now() - cast(:settle as interval))
                                        order by c.oldest
                                        limit :villages)
                                    for update skip locked)
                                returning village_code
                                """)
                        .bind("batch", BATCH)
                        .bind("villages", BULK_VILLAGES)
                        .bind("settle", bulkSettle.toMillis() + " milliseconds")
                        .bind("maxWait", bulkMaxWait.toMillis() + " milliseconds")
                        .column(String.class);
                more = !marks.isEmpty();
            }
            if (!marks.isEmpty()) {
                generation.changing();
                recount(new TreeSet<>(marks).toArray(String[]::new));
            }
            return more;
        });
    }

    /**
     * Recounts every village marked so far, in the caller's transaction and with its search path: a rebuild recounts
     * the read models it fills aside this way before it swaps them in.
     *
     * @return the villages recounted
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int recountMarked() {
        List<String> marks = sql.query("delete from report_dirty_village returning village_code")
                .column(String.class);
        String[] villages = new TreeSet<>(marks).toArray(String[]::new);
        if (villages.length > 0) {
            recount(villages);
        }
        return villages.length;
    }

    /**
     * Recounts the villages from the read models. A result counts when its household is active, looked up by key for
     * each of the villages' rows (a join would read every household of every county to build its hash table), and its
     * standard is in use ({@link ReportStandards}).
     */
    private void recount(String[] villages) {
        sql.query("delete from report_village_summary where village_code = any(cast(:villages as text[]))")
                .bind("villages", villages)
                .execute();
        sql.query("""
                        insert into report_village_summary (village_code, households, members, by_poverty_status,
                                                            monitored, by_category, at_risk, evaluated, meeting,
                                                            refreshed_at, migrant_workers)
                        select v.code, coalesce(h.households, 0), coalesce(h.members, 0),
                               coalesce(s.by_status, '{}'), coalesce(h.monitored, 0), coalesce(c.by_category, '{}'),
                               coalesce(h.at_risk, 0), coalesce(e.evaluated, 0), coalesce(e.meeting, 0), now(),
                               coalesce(h.migrant_workers, 0)
                        from unnest(cast(:villages as text[])) as v(code)
                        left join (select village_code, count(*) as households, sum(members) as members,
                                          sum(migrant_workers) as migrant_workers,
                                          count(*) filter (where monitoring_category is not null) as monitored,
                                          count(*) filter (where monitoring_category is not null
                                                           and risk_state = 'AT_RISK') as at_risk
                                   from report_household where active and village_code = any(cast(:villages as text[])) group by 1) h
                               on h.village_code = v.code
                        left join (select village_code, jsonb_object_agg(poverty_status, n) as by_status
                                   from (select village_code, poverty_status, count(*) as n from report_household
                                         where active and village_code = any(cast(:villages as text[])) and poverty_status is not null
                                         group by 1, 2) x group by 1) s
                               on s.village_code = v.code
                        left join (select village_code, jsonb_object_agg(monitoring_category, n) as by_category
                                   from (select village_code, monitoring_category, count(*) as n from report_household
                                         where active and village_code = any(cast(:villages as text[])) and monitoring_category is not null
                                         group by 1, 2) x group by 1) c
                               on c.village_code = v.code
                        left join (select village_code, count(*) as evaluated, count(*) filter (where all_met) as meeting
                                   from (select e.household_id, min(e.village_code) as village_code,
                                                bool_and(e.all_met) as all_met
                                         from report_evaluation e
                                         where e.village_code = any(cast(:villages as text[])) and e.in_use
                                           and (select h.active from report_household h
                                                where h.household_id = e.household_id)
                                         group by e.household_id) y
                                   group by 1) e
                               on e.village_code = v.code
                        """).bind("villages", villages).execute();
        sql.query("delete from report_village_indicator where village_code = any(cast(:villages as text[]))")
                .bind("villages", villages)
                .execute();
        sql.query("""
                        insert into report_village_indicator (village_code, standard_code, indicator_code, met, not_met,
                                                              numerator, denominator)
                        select r.village_code, r.standard_code, r.indicator_code, count(*) filter (where r.met),
                               count(*) filter (where not r.met), coalesce(sum(r.numerator), 0),
                               coalesce(sum(r.denominator), 0)
                        from report_indicator_result r
                        where r.village_code = any(cast(:villages as text[])) and r.in_use
                          and (select h.active from report_household h where h.household_id = r.household_id)
                        group by 1, 2, 3
                        """).bind("villages", villages).execute();
    }
}
