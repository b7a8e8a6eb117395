package cn.ruralwatch.report.job;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.http.NativeValues;
import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.http.TransactionLocks;
import cn.ruralwatch.messaging.BackgroundLoop;
import cn.ruralwatch.problem.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The report jobs: queued in {@code report_job}, run one at a time by one worker, visible to callers whose area covers
 * the job's division. A job cut off by a restart is queued again and run from the start, so nothing accepted is lost.
 */
@ApplicationScoped
public class ReportJobs {

    private static final Logger LOG = Logger.getLogger(ReportJobs.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper mapper;

    @Inject
    CallerScope scope;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    Instance<JobRunner> runnerBeans;

    @ConfigProperty(name = "ruralwatch.report.jobs.poll-interval", defaultValue = "PT5S")
    Duration pollInterval;

    private final Map<JobKind, JobRunner> runners = new EnumMap<>(JobKind.class);
    private BackgroundLoop loop;

    void start(@Observes StartupEvent started) {
        runnerBeans.forEach(runner -> runners.put(runner.kind(), runner));
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery(
                        "update report_job set state = 'QUEUED', started_at = null, progress = '{}' where state = 'RUNNING'")
                .executeUpdate());
        loop = new BackgroundLoop("report-jobs", pollInterval, this::step);
        loop.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (loop != null) {
            loop.stop();
        }
    }

    /** The 202 answer to a request that queued a job: the job, and where to follow it. */
    public static Response accepted(ReportJob job) {
        return Response.accepted(job)
                .location(URI.create("/api/v1/reports/jobs/" + job.id()))
                .build();
    }

    /** Queues a job in the caller's transaction; the worker starts on it once that commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ReportJob enqueue(JobKind kind, String division, Map<String, Object> parameters) {
        return enqueue(kind, division, scope.subject(), parameters);
    }

    /** Queues a job the service itself asks for (a schedule), in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ReportJob enqueue(JobKind kind, String division, String requestedBy, Map<String, Object> parameters) {
        UUID id = UUID.randomUUID();
        entityManager
                .createNativeQuery("""
                        insert into report_job (job_id, kind, state, division_code, requested_by, parameters)
                        values (?1, ?2, 'QUEUED', ?3, ?4, cast(?5 as jsonb))
                        """)
                .setParameter(1, id)
                .setParameter(2, kind.name())
                .setParameter(3, division)
                .setParameter(4, requestedBy)
                .setParameter(5, json(parameters))
                .executeUpdate();
        loop.wakeUpAfterCommit(transactions);
        return find(id).orElseThrow();
    }

    /**
     * Whether a job of this kind is queued or running; holds the kind's lock until the transaction ends, so that two
     * callers cannot both find none and both queue one.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean pending(JobKind kind) {
        TransactionLocks.lock(entityManager, "report-job:" + kind);
        return !entityManager
                .createNativeQuery(
                        "select 1 from report_job where kind = ?1 and state in ('QUEUED', 'RUNNING') limit 1")
                .setParameter(1, kind.name())
                .getResultList()
                .isEmpty();
    }

    /** A job within the caller's area. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ReportJob get(UUID id) {
        return find(id).filter(job -> scope.covers(job.division()))
                .orElseThrow(() -> ProblemException.notFound("report.job.not-found", id));
    }

    /** The jobs within the caller's area, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ReportJob> list(JobKind kind, PageRequest page) {
        String prefix = scope.division() + "%";
        String where = "where division_code like ?1 and (cast(?2 as text) is null or kind = cast(?2 as text))";
        long total = ((Number) entityManager
                        .createNativeQuery("select count(*) from report_job " + where)
                        .setParameter(1, prefix)
                        .setParameter(2, kind == null ? null : kind.name())
                        .getSingleResult())
                .longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery(SELECT + where + " order by requested_at desc, job_id limit ?3 offset ?4")
                .setParameter(1, prefix)
                .setParameter(2, kind == null ? null : kind.name())
                .setParameter(3, page.size())
                .setParameter(4, page.offset())
                .getResultList();
        return page.page(rows.stream().map(this::view).toList(), total);
    }

    /** The file a finished job produced. */
    public record File(String name, String contentType, byte[] content) {}

    @Transactional(Transactional.TxType.SUPPORTS)
    public File file(UUID id) {
        ReportJob job = get(id);
        if (job.state() != ReportJob.State.DONE) {
            throw ProblemException.conflict("report.job.not-done", id, job.state());
        }
        if (job.fileName() == null) {
            throw ProblemException.notFound("report.job.no-file", id);
        }
        Object[] row = (Object[]) entityManager
                .createNativeQuery(
                        "select file_name, content_type, content from report_job where job_id = ?1", Object[].class)
                .setParameter(1, id)
                .getSingleResult();
        return new File((String) row[0], (String) row[1], (byte[]) row[2]);
    }

    private static final String SELECT = """
            select job_id, kind, state, division_code, requested_by, cast(parameters as text), cast(progress as text),
                   error, file_name, requested_at, started_at, finished_at
            from report_job
            """;

    private Optional<ReportJob> find(UUID id) {
        return entityManager
                .createNativeQuery(SELECT + "where job_id = ?1", Object[].class)
                .setParameter(1, id)
                .getResultStream()
                .findFirst()
                .map(row -> view((Object[]) row));
    }

    private ReportJob view(Object[] r) {
        ReportJob.State state = ReportJob.State.valueOf((String) r[2]);
        UUID id = (UUID) r[0];
        return new ReportJob(
                id,
                JobKind.valueOf((String) r[1]),
                state,
                (String) r[3],
                (String) r[4],
                map((String) r[5]),
                map((String) r[6]),
                (String) r[7],
                (String) r[8],
                state == ReportJob.State.DONE && r[8] != null ? "/api/v1/reports/jobs/" + id + "/file" : null,
                NativeValues.instant(r[9]),
                NativeValues.instant(r[10]),
                NativeValues.instant(r[11]));
    }

    /** Runs the oldest queued job, if any. */
    private boolean step() {
        Object[] claimed = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager
                .createNativeQuery("""
                        update report_job set state = 'RUNNING', started_at = now()
                        where job_id = (select job_id from report_job where state = 'QUEUED'
                                        order by requested_at, job_id limit 1 for update skip locked)
                        returning job_id, kind, division_code, requested_by, cast(parameters as text)
                        """, Object[].class)
                .getResultStream()
                .findFirst()
                .orElse(null));
        if (claimed == null) {
            return false;
        }
        UUID id = (UUID) claimed[0];
        JobKind kind = JobKind.valueOf((String) claimed[1]);
        JobRunner.QueuedJob job =
                new JobRunner.QueuedJob(id, (String) claimed[2], (String) claimed[3], map((String) claimed[4]));
        try {
            JobRunner.Result result = runners.get(kind).run(job, progress -> progress(id, progress));
            QuarkusTransaction.requiringNew().run(() -> finish(id, result));
        } catch (Exception | LinkageError failure) {
            LOG.errorf(failure, "Report job %s (%s) failed", id, kind);
            String reason = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
            QuarkusTransaction.requiringNew().run(() -> entityManager
                    .createNativeQuery(
                            "update report_job set state = 'FAILED', finished_at = now(), error = ?2 where job_id = ?1")
                    .setParameter(1, id)
                    .setParameter(2, reason)
                    .executeUpdate());
        }
        return true;
    }

    private void finish(UUID id, JobRunner.Result result) {
        entityManager
                .createNativeQuery(
                        "update report_job set state = 'DONE', finished_at = now(), progress = cast(?2 as jsonb) where job_id = ?1")
                .setParameter(1, id)
                .setParameter(2, json(result.summary()))
                .executeUpdate();
        if (result.content() != null) {
            entityManager
                    .createNativeQuery(
                            "update report_job set file_name = ?2, content_type = ?3, content = ?4 where job_id = ?1")
                    .setParameter(1, id)
                    .setParameter(2, result.fileName())
                    .setParameter(3, result.contentType())
                    .setParameter(4, result.content())
                    .executeUpdate();
        }
    }

    private void progress(UUID id, Map<String, Object> progress) {
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("update report_job set progress = cast(?2 as jsonb) where job_id = ?1")
                .setParameter(1, id)
                .setParameter(2, json(progress))
                .executeUpdate());
    }

    private String json(Map<String, Object> value) {
        try {
            return mapper.writeValueAsString(value == null ? Map.of() : value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Map<String, Object> map(String json) {
        try {
            return json == null ? Map.of() : mapper.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
