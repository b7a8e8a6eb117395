package cn.ruralwatch.report.period;

import cn.ruralwatch.directory.KnownDivision;
import cn.ruralwatch.http.TransactionLocks;
import cn.ruralwatch.report.job.JobKind;
import cn.ruralwatch.report.job.ReportJobRunner;
import cn.ruralwatch.report.job.ReportJobs;
import cn.ruralwatch.report.overview.Breakdown;
import cn.ruralwatch.report.overview.BreakdownService;
import cn.ruralwatch.report.overview.OverviewQueries;
import cn.ruralwatch.time.ChinaTime;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
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

    static final String SYSTEM = "system:month-end";

    @Inject
    EntityManager entityManager;

    @Inject
    SnapshotQueries snapshots;

    @Inject
    OverviewQueries overviews;

    @Inject
    Clock clock;

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
    @Scheduled(cron = "0 5 0 1 * ?", timeZone = ChinaTime.ZONE_ID, identity = "month-end-snapshot")
    public void monthEnd() {
        YearMonth ended = Periods.justEnded(ChinaTime.today(clock));
        QuarkusTransaction.requiringNew().run(() -> {
            // every replica runs this schedule: the first to get here queues the month's snapshots, the others none
            TransactionLocks.lock(entityManager, "month-end-snapshot:" + ended);
            for (String county : snapshots.countiesNotQueued(SYSTEM, ended.toString())) {
                jobs.enqueue(JobKind.SNAPSHOT, county, SYSTEM, Map.of("period", ended.toString()));
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
        List<KnownDivision> divisions = overviews.subtree(county);
        snapshots.delete(county, period);
        Instant now = Instant.now(clock);
        for (KnownDivision division : divisions) {
            BreakdownService.Counts total = new BreakdownService.Counts();
            villages.forEach((village, counts) -> {
                if (village.startsWith(division.code)) {
                    total.add(counts);
                }
            });
            Breakdown.Row row = total.row(division);
            snapshots.insert(
                    new SnapshotQueries.Snapshot(period, division.code, mapper.writeValueAsString(row), now), takenBy);
        }
        return divisions.size();
    }
}
