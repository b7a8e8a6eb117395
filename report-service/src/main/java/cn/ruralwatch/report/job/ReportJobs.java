package cn.ruralwatch.report.job;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.jobs.Job;
import cn.ruralwatch.jobs.JobEngine;
import cn.ruralwatch.jobs.JobState;
import cn.ruralwatch.problem.ProblemException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The report jobs, run by the suite's job engine ({@code platform/background-jobs}) on any replica, visible to callers
 * whose area covers the job's division. Jobs of one county take turns with other counties'; a rebuild runs alone.
 */
@ApplicationScoped
public class ReportJobs {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    private static final List<String> KINDS =
            Arrays.stream(JobKind.values()).map(Enum::name).toList();

    @Inject
    ReportJobFiles files;

    @Inject
    ObjectMapper mapper;

    @Inject
    CallerScope scope;

    @Inject
    JobEngine engine;

    /** The 202 answer to a request that queued a job: the job, and where to follow it. */
    public static Response accepted(ReportJob job) {
        return Response.accepted(job)
                .location(URI.create("/api/v1/reports/jobs/" + job.id()))
                .build();
    }

    /** Queues a job in the caller's transaction; a worker starts on it once that commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ReportJob enqueue(JobKind kind, String division, Map<String, Object> parameters) {
        return enqueue(kind, division, scope.subject(), parameters);
    }

    /** Queues a job the service itself asks for (a schedule), in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ReportJob enqueue(JobKind kind, String division, String requestedBy, Map<String, Object> parameters) {
        // a county's jobs take turns with other counties'; a rebuild is one for the whole service
        String fairnessKey =
                kind == JobKind.REBUILD ? "rebuild" : division.substring(0, Math.min(6, division.length()));
        UUID id = engine.enqueue(kind.name(), parameters, division, fairnessKey, requestedBy);
        return view(engine.find(id).orElseThrow());
    }

    /**
     * Whether a job of this kind is queued or running; holds the kind's lock until the transaction ends, so that two
     * callers cannot both find none and both queue one.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean pending(JobKind kind) {
        return engine.pending(kind.name());
    }

    /** A job within the caller's area. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ReportJob get(UUID id) {
        return view(visible(id));
    }

    /** The jobs within the caller's area, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ReportJob> list(JobKind kind, PageRequest page) {
        List<String> kinds = kind == null ? KINDS : List.of(kind.name());
        String division = scope.division();
        return page.page(
                engine.list(kinds, division, page.offset(), page.size()).stream()
                        .map(this::view)
                        .toList(),
                engine.count(kinds, division));
    }

    /**
     * Cancels a job within the caller's area: a queued one at once, a running one where it next stops to look (what
     * it wrote so far stays, a file is not produced).
     */
    public ReportJob cancel(UUID id) {
        visible(id);
        try {
            return view(engine.cancel(id));
        } catch (JobEngine.AlreadyEnded ended) {
            throw ProblemException.conflict(
                    "report.job.ended", id, view(ended.job()).state());
        }
    }

    /** The file a finished job produced. */
    public record File(String name, String contentType, byte[] content) {}

    @Transactional(Transactional.TxType.SUPPORTS)
    public File file(UUID id) {
        ReportJob job = get(id);
        if (job.state() != ReportJob.State.DONE) {
            throw ProblemException.conflict("report.job.not-done", id, job.state());
        }
        return files.find(id).orElseThrow(() -> ProblemException.notFound("report.job.no-file", id));
    }

    private Job visible(UUID id) {
        return engine.find(id)
                .filter(job -> KINDS.contains(job.kind()) && scope.covers(job.scopeDivision()))
                .orElseThrow(() -> ProblemException.notFound("report.job.not-found", id));
    }

    private ReportJob view(Job job) {
        ReportJob.State state =
                switch (job.state()) {
                    case QUEUED -> ReportJob.State.QUEUED;
                    case RUNNING -> ReportJob.State.RUNNING;
                    case SUCCEEDED -> ReportJob.State.DONE;
                    case FAILED -> ReportJob.State.FAILED;
                    case CANCELLED -> ReportJob.State.CANCELLED;
                };
        Optional<String> fileName = job.state() == JobState.SUCCEEDED ? files.name(job.id()) : Optional.empty();
        return new ReportJob(
                job.id(),
                JobKind.valueOf(job.kind()),
                state,
                job.scopeDivision(),
                job.requestedBy(),
                mapper.convertValue(job.parameters(), MAP),
                job.result() != null ? job.result() : job.progress(),
                job.error(),
                fileName.orElse(null),
                fileName.map(name -> "/api/v1/reports/jobs/" + job.id() + "/file")
                        .orElse(null),
                job.requestedAt(),
                job.startedAt(),
                job.finishedAt());
    }
}
