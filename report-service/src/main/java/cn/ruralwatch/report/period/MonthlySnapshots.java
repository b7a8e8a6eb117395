package cn.ruralwatch.report.period;

import cn.ruralwatch.directory.KnownDivision;
import cn.ruralwatch.report.job.JobKind;
import cn.ruralwatch.report.job.ReportJobRunner;
import cn.ruralwatch.report.job.ReportJobs;
import cn.ruralwatch.report.overview.Breakdown;
import cn.ruralwatch.report.overview.BreakdownService;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Month-end snapshots 一月一报: just after a month ends (China time) the breakdown figures of every division of every
 * county are kept for that month; an official may also take the current month's figures early (they are replaced by
 * the month-end ones). A snapshot is a job, so it never reads a model a rebuild is filling.
 */
@ApplicationScoped
public class MonthlySnapshots extends ReportJobRunner {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final String SYSTEM = "system:month-end";

    @Inject
    EntityManager entityManager;

    @Inject
    BreakdownService breakdowns;

    @Inject
    ReportJobs jobs;

    @Inject
    ObjectMapper mapper;

    @Override
    public JobKind jobKind() {
        return JobKind.SNAPSHOT;
    }

    /** Five minutes after midnight on the first of each month: the month just ended, for every county. */
    @Scheduled(cron = "0 5 0 1 * ?", timeZone = "Asia/Shanghai", identity = "month-end-snapshot")
    public void monthEnd() {
        YearMonth ended = YearMonth.now(CHINA).minusMonths(1);
        QuarkusTransaction.requiringNew().run(() -> {
            // every replica runs this schedule: the first to get here queues the month's snapshots, the others none
            entityManager
                    .createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                    .setParameter(1, "month-end-snapshot:" + ended)
                    .getSingleResult();
            for (Object county : entityManager
                    .createNativeQuery("""
                            select code from known_division d
                             where level = 'COUNTY'
                               and not exists (select 1 from background_job j
                                                where j.kind = 'SNAPSHOT' and j.scope_division = d.code
                                                  and j.requested_by = ?1 and j.parameters ->> 'period' = ?2)
                             order by code""")
                    .setParameter(1, SYSTEM)
                    .setParameter(2, ended.toString())
                    .getResultList()) {
                jobs.enqueue(JobKind.SNAPSHOT, (String) county, SYSTEM, Map.of("period", ended.toString()));
            }
        });
    }

    @Override
    public Result run(QueuedJob job, Progress progress) throws Exception {
        String county = job.division().substring(0, 6);
        String period = (String) job.parameters().get("period");
        int written = QuarkusTransaction.requiringNew().call(() -> take(county, period, job.requestedBy()));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("period", period);
        summary.put("divisions", written);
        return Result.of(summary);
    }

    /** Keeps the figures of the county and every township and village in it for the period, replacing earlier ones. */
    private int take(String county, String period, String takenBy) throws Exception {
        Map<String, BreakdownService.Counts> villages = breakdowns.counts(county, 12);
        List<KnownDivision> divisions = entityManager
                .createQuery("from KnownDivision d where d.code like :prefix order by d.code", KnownDivision.class)
                .setParameter("prefix", county + "%")
                .getResultList();
        entityManager
                .createNativeQuery("delete from report_snapshot where period = ?1 and division_code like ?2")
                .setParameter(1, period)
                .setParameter(2, county + "%")
                .executeUpdate();
        Timestamp now = Timestamp.from(Instant.now());
        for (KnownDivision division : divisions) {
            BreakdownService.Counts total = new BreakdownService.Counts();
            villages.forEach((village, counts) -> {
                if (village.startsWith(division.code)) {
                    total.add(counts);
                }
            });
            Breakdown.Row row = total.row(division);
            entityManager
                    .createNativeQuery("""
                            insert into report_snapshot (period, division_code, figures, taken_at, taken_by)
                            values (?1, ?2, cast(?3 as jsonb), ?4, ?5)
                            """)
                    .setParameter(1, period)
                    .setParameter(2, division.code)
                    .setParameter(3, mapper.writeValueAsString(row))
                    .setParameter(4, now)
                    .setParameter(5, takenBy)
                    .executeUpdate();
        }
        return divisions.size();
    }
}
