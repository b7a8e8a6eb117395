package cn.ruralwatch.indicator.job;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.events.HouseholdState;
import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.indicator.evaluation.EvaluationService;
import cn.ruralwatch.indicator.households.HouseholdStates;
import cn.ruralwatch.indicator.parameter.ParameterValues;
import cn.ruralwatch.indicator.standard.Reevaluations;
import cn.ruralwatch.indicator.standard.Standards;
import cn.ruralwatch.jobs.Job;
import cn.ruralwatch.jobs.JobEngine;
import cn.ruralwatch.jobs.JobHandler;
import cn.ruralwatch.jobs.RunningJob;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.Violation;
import cn.ruralwatch.sql.IdWalk;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Re-evaluation of a region as a job on the suite's job engine: after a standard version or a parameter value is
 * saved, or on request. The job walks the region's households in chunks (by id); each chunk, the job's progress and
 * its checkpoint (the last household) commit together, so that a job taken up again — after a restart, on another
 * replica, after its turn went to another county — goes on where it stopped. Only results that changed are written.
 */
@ApplicationScoped
public class EvaluationJobs implements JobHandler<EvaluationJobs.Parameters>, Reevaluations {

    static final String KIND = "EVALUATION";

    @ConfigProperty(name = "ruralwatch.evaluation-job.chunk-households", defaultValue = "1000")
    int chunk;

    @Inject
    HouseholdStates households;

    @Inject
    EvaluationService evaluations;

    @Inject
    ParameterValues parameters;

    @Inject
    ObjectMapper mapper;

    @Inject
    CallerScope scope;

    @Inject
    Standards standards;

    @Inject
    JobEngine engine;

    /** Reads the chunk after next of a running job (and parses its states). */
    private final ExecutorService readers = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("evaluation-job-reader").daemon().factory());

    /** Judges the next chunk of a running job against the standards. */
    private final ExecutorService judges = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("evaluation-job-judge").daemon().factory());

    /** What a re-evaluation job is asked to do. */
    public record Parameters(String regionCode, List<String> standardCodes, String reason) {}

    void stop(@Observes ShutdownEvent shutdown) {
        readers.shutdownNow();
        judges.shutdownNow();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Class<Parameters> parameterType() {
        return Parameters.class;
    }

    /** Queues a re-evaluation of the households in a region against some standards (all when the list is empty). */
    @Transactional(Transactional.TxType.MANDATORY)
    @Override
    public UUID request(String regionCode, List<String> standardCodes, String reason, String actor) {
        return create(regionCode, standardCodes, reason, actor);
    }

    public UUID create(String regionCode, List<String> standardCodes, String reason, String actor) {
        // a county's re-evaluations run one at a time and take turns with other counties' jobs
        return engine.enqueue(
                KIND,
                new Parameters(regionCode, List.copyOf(standardCodes), reason),
                regionCode,
                regionCode.substring(0, Math.min(6, regionCode.length())),
                actor);
    }

    /** Queues a job for a caller: the region must lie within theirs. */
    @Transactional
    public JobView request(String regionCode, List<String> standardCodes) {
        String region = regionCode == null ? scope.division() : regionCode;
        if (!scope.covers(region)) {
            throw ProblemException.invalid(Violation.of(
                    "regionCode", "OUT_OF_SCOPE", "problem.standard.region-out-of-scope", scope.division()));
        }
        List<String> codes = standardCodes == null ? List.of() : standardCodes;
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            if (standards
                    .current(code)
                    .filter(s -> s.standard().evaluatesHouseholds())
                    .isEmpty()) {
                throw ProblemException.invalid(Violation.of(
                        "standardCodes[" + i + "]", "UNKNOWN", "problem.evaluation-job.standard-unknown", code));
            }
        }
        UUID id = create(region, codes, "按需重新评估", scope.subject());
        return get(id);
    }

    /** A job's state and progress. */
    @Schema(name = "EvaluationJob")
    public record JobView(
            UUID id,
            String regionCode,
            List<String> standardCodes,
            String reason,

            @Schema(description = "PENDING 排队中，RUNNING 运行中，DONE 已完成，FAILED 失败（见 error），CANCELLED 已取消")
            String state,

            int total,
            int processed,
            int changedHouseholds,
            String error,
            Instant createdAt,
            String createdBy,
            Instant startedAt,
            Instant finishedAt) {}

    @Transactional(Transactional.TxType.SUPPORTS)
    public JobView get(UUID id) {
        return view(visible(id));
    }

    /** Jobs over the caller's region or a part of it, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<JobView> list(PageRequest page) {
        String division = scope.division();
        return page.page(
                engine.list(List.of(KIND), division, page.offset(), page.size()).stream()
                        .map(this::view)
                        .toList(),
                engine.count(List.of(KIND), division));
    }

    /** Cancels a job of the caller's region: a queued one at once, a running one after the chunk it evaluates. */
    public JobView cancel(UUID id) {
        visible(id);
        try {
            return view(engine.cancel(id));
        } catch (JobEngine.AlreadyEnded ended) {
            throw ProblemException.conflict(
                    "evaluation-job.ended", id, view(ended.job()).state());
        }
    }

    private Job visible(UUID id) {
        return engine.find(id)
                .filter(job -> KIND.equals(job.kind()) && job.scopeDivision().startsWith(scope.division()))
                .orElseThrow(() -> ProblemException.notFound("evaluation-job.not-found", id));
    }

    private JobView view(Job job) {
        Parameters p = engine.parameters(job, Parameters.class);
        Map<String, Object> progress = job.result() != null ? job.result() : job.progress();
        String state =
                switch (job.state()) {
                    case QUEUED -> "PENDING";
                    case RUNNING -> "RUNNING";
                    case SUCCEEDED -> "DONE";
                    case FAILED -> "FAILED";
                    case CANCELLED -> "CANCELLED";
                };
        return new JobView(
                job.id(),
                p.regionCode(),
                p.standardCodes(),
                p.reason(),
                state,
                number(progress.get("total")),
                number(progress.get("processed")),
                number(progress.get("changedHouseholds")),
                job.error(),
                job.requestedAt(),
                job.requestedBy(),
                job.startedAt(),
                job.finishedAt());
    }

    private static int number(Object value) {
        return value instanceof Number n ? n.intValue() : 0;
    }

    /** A chunk of households read and judged ahead, and the last of them (the checkpoint once it is stored). */
    private record Chunk(EvaluationService.Outcomes outcomes, UUID last) {}

    @Override
    public Map<String, Object> run(RunningJob<Parameters> job) {
        parameters.refresh();
        String region = job.parameters().regionCode();
        EvaluationService.Selection selection =
                EvaluationService.Selection.of(job.parameters().standardCodes());
        Map<String, Object> progress = new LinkedHashMap<>(job.progress());
        if (!progress.containsKey("total")) {
            progress.put("total", QuarkusTransaction.requiringNew().call(() ->
                    (int) households.counts(region).households()));
            progress.put("processed", 0);
            progress.put("changedHouseholds", 0);
            job.report(progress);
        }
        UUID after = job.checkpoint().map(UUID::fromString).orElse(new UUID(0, 0));
        ObjectReader reader = mapper.readerFor(HouseholdState.class);
        // three chunks at a time: the one after next is read, the next one judged against the rules (each state parsed
        // as it is judged and let go once judged: a chunk's parsed states held all at once filled the young generation
        // of a small heap), and this one claimed, compared and written, each on a thread of its own
        IdWalk<HouseholdStates.Stored> walk = new IdWalk<>(
                (from, upTo, limit) -> households.after(region, from, upTo, limit),
                () -> households.span(region),
                HouseholdStates.Stored::householdId,
                chunk);
        CompletableFuture<IdWalk.Chunk<HouseholdStates.Stored>> reading = readAhead(walk, after, null);
        CompletableFuture<Chunk> judging = judged(reading, selection, reader);
        CompletableFuture<IdWalk.Chunk<HouseholdStates.Stored>> readingNext = readAfter(reading, walk);
        CompletableFuture<Chunk> judgingNext = judged(readingNext, selection, reader);
        while (true) {
            Chunk c = joined(judging);
            if (c.outcomes().households() == 0) {
                break;
            }
            reading = readingNext;
            judging = judgingNext;
            readingNext = readAfter(reading, walk);
            judgingNext = judged(readingNext, selection, reader);
            QuarkusTransaction.requiringNew().run(() -> {
                EvaluationService.Changes changes = evaluations.evaluate(c.outcomes(), "job:" + job.id());
                progress.put(
                        "processed",
                        number(progress.get("processed")) + c.outcomes().households());
                progress.put("changedHouseholds", number(progress.get("changedHouseholds")) + changes.households());
                job.save(progress, c.last().toString());
            });
            job.proceed();
        }
        return progress;
    }

    /**
     * Reads a chunk ahead: its households as stored (none after the last), the last of them (where the next chunk
     * begins) and the highest id of the region it was read under (the walk's bound).
     */
    private CompletableFuture<IdWalk.Chunk<HouseholdStates.Stored>> readAhead(
            IdWalk<HouseholdStates.Stored> walk, UUID after, UUID bound) {
        return CompletableFuture.supplyAsync(
                () -> QuarkusTransaction.requiringNew().call(() -> walk.next(after, bound)), readers);
    }

    /** The chunk after a read one, read as soon as that one is (nothing, after the last). */
    private CompletableFuture<IdWalk.Chunk<HouseholdStates.Stored>> readAfter(
            CompletableFuture<IdWalk.Chunk<HouseholdStates.Stored>> previous, IdWalk<HouseholdStates.Stored> walk) {
        return previous.thenCompose(read -> read.rows().isEmpty()
                ? CompletableFuture.completedFuture(read)
                : readAhead(walk, read.last(), read.bound()));
    }

    private CompletableFuture<Chunk> judged(
            CompletableFuture<IdWalk.Chunk<HouseholdStates.Stored>> read,
            EvaluationService.Selection selection,
            ObjectReader reader) {
        return read.thenApplyAsync(
                r -> new Chunk(
                        QuarkusTransaction.requiringNew()
                                .call(() -> evaluations.judge(parsed(r.rows(), reader), selection)),
                        r.last()),
                judges);
    }

    /** The households of a chunk, each state parsed when the judge comes to it. */
    private static Iterable<EvaluationService.Household> parsed(
            List<HouseholdStates.Stored> stored, ObjectReader reader) {
        return () -> stored.stream()
                .map(row -> {
                    try {
                        return new EvaluationService.Household(
                                row.householdId(), reader.<HouseholdState>readValue(row.state()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .iterator();
    }

    private static Chunk joined(CompletableFuture<Chunk> chunk) {
        try {
            return chunk.join();
        } catch (CompletionException failed) {
            throw failed.getCause() instanceof RuntimeException e ? e : failed;
        }
    }
}
