package cn.ruralwatch.indicator.job;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.events.HouseholdState;
import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.indicator.evaluation.EvaluationService;
import cn.ruralwatch.indicator.parameter.ParameterValues;
import cn.ruralwatch.indicator.standard.StandardService;
import cn.ruralwatch.indicator.standard.Standards;
import cn.ruralwatch.messaging.BackgroundLoop;
import cn.ruralwatch.problem.ProblemException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.github.f4b6a3.uuid.UuidCreator;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Re-evaluation of a region as a job: after a standard version or a parameter value is saved, or on request. The job
 * walks the region's households in chunks (by id), each chunk and the job's progress in one transaction, so that a job
 * whose replica stopped (its heartbeat is older than the lease) is taken up again where it stopped. Only results that
 * changed are written.
 */
@ApplicationScoped
public class EvaluationJobs {

    @ConfigProperty(name = "ruralwatch.evaluation-job.chunk-households", defaultValue = "1000")
    int chunk;

    @ConfigProperty(name = "ruralwatch.evaluation-job.poll-interval", defaultValue = "30s")
    Duration pollInterval;

    @ConfigProperty(name = "ruralwatch.evaluation-job.lease", defaultValue = "2m")
    Duration lease;

    @Inject
    EntityManager entityManager;

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
    TransactionSynchronizationRegistry transactions;

    private BackgroundLoop loop;

    /** Reads the next chunk of a running job. */
    private final ExecutorService readers = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("evaluation-job-reader").daemon().factory());

    @PostConstruct
    void createLoop() {
        loop = new BackgroundLoop("evaluation-jobs", pollInterval, this::step);
    }

    void start(@Observes @Priority(2100) StartupEvent startup) {
        loop.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        loop.stop();
        readers.shutdownNow();
    }

    /** Queues a re-evaluation of the households in a region against some standards (all when the list is empty). */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID create(String regionCode, List<String> standardCodes, String reason, String actor) {
        UUID id = UuidCreator.getTimeOrderedEpoch();
        entityManager
                .createNativeQuery("""
                        insert into evaluation_job (id, region_code, standard_codes, reason, state, created_at, created_by)
                        values (?1, ?2, cast(?3 as text[]), ?4, 'PENDING', ?5, ?6)""")
                .setParameter(1, id)
                .setParameter(2, regionCode)
                .setParameter(3, "{" + String.join(",", standardCodes) + "}")
                .setParameter(4, reason)
                .setParameter(5, Timestamp.from(Instant.now()))
                .setParameter(6, actor)
                .executeUpdate();
        loop.wakeUpAfterCommit(transactions);
        return id;
    }

    /** Queues a job for a caller: the region must lie within theirs. */
    @Transactional
    public JobView request(String regionCode, List<String> standardCodes) {
        String region = regionCode == null ? scope.division() : regionCode;
        if (!scope.covers(region)) {
            throw ProblemException.invalid(cn.ruralwatch.problem.Violation.of(
                    "regionCode", "OUT_OF_SCOPE", "problem.standard.region-out-of-scope", scope.division()));
        }
        List<String> codes = standardCodes == null ? List.of() : standardCodes;
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            if (standards
                    .current(code)
                    .filter(s -> s.standard().evaluatesHouseholds())
                    .isEmpty()) {
                throw ProblemException.invalid(cn.ruralwatch.problem.Violation.of(
                        "standardCodes[" + i + "]", "UNKNOWN", "problem.evaluation-job.standard-unknown", code));
            }
        }
        UUID id = create(region, codes, "按需重新评估", scope.subject());
        return get(id);
    }

    /** A job's state and progress. */
    public record JobView(
            UUID id,
            String regionCode,
            List<String> standardCodes,
            String reason,
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
        List<Object[]> rows = entityManager
                .createNativeQuery(SELECT + " where id = ?1", Object[].class)
                .setParameter(1, id)
                .getResultList();
        if (rows.isEmpty() || !visible((String) rows.getFirst()[1])) {
            throw ProblemException.notFound("evaluation-job.not-found", id);
        }
        return view(rows.getFirst());
    }

    /** Jobs over the caller's region or a part of it, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<JobView> list(PageRequest page) {
        String division = scope.division();
        long total = ((Number) entityManager
                        .createNativeQuery("select count(*) from evaluation_job where region_code like ?1 || '%'")
                        .setParameter(1, division)
                        .getSingleResult())
                .longValue();
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        SELECT + " where region_code like ?1 || '%' order by created_at desc offset ?2 limit ?3",
                        Object[].class)
                .setParameter(1, division)
                .setParameter(2, page.offset())
                .setParameter(3, page.size())
                .getResultList();
        return page.page(rows.stream().map(EvaluationJobs::view).toList(), total);
    }

    private boolean visible(String region) {
        return region.startsWith(scope.division());
    }

    private static final String SELECT = """
            select id, region_code, standard_codes, reason, state, total, processed, changed, error, created_at,
                   created_by, started_at, finished_at from evaluation_job""";

    private static JobView view(Object[] r) {
        String[] codes = r[2] instanceof String[] a ? a : toArray(r[2]);
        return new JobView(
                (UUID) r[0],
                (String) r[1],
                List.of(codes),
                (String) r[3],
                (String) r[4],
                ((Number) r[5]).intValue(),
                ((Number) r[6]).intValue(),
                ((Number) r[7]).intValue(),
                (String) r[8],
                StandardService.toInstant(r[9]),
                (String) r[10],
                StandardService.toInstant(r[11]),
                StandardService.toInstant(r[12]));
    }

    /** Claims a job and runs it to the end; whether one was found. */
    boolean step() {
        UUID id = claim();
        if (id == null) {
            return false;
        }
        run(id);
        return true;
    }

    private UUID claim() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> ids = entityManager
                    .createNativeQuery("""
                            update evaluation_job set state = 'RUNNING', started_at = coalesce(started_at, now()),
                                   heartbeat_at = now()
                            where id = (select id from evaluation_job
                                        where state = 'PENDING' or (state = 'RUNNING' and heartbeat_at < ?1)
                                        order by created_at limit 1 for update skip locked)
                            returning id""")
                    .setParameter(1, Timestamp.from(Instant.now().minus(lease)))
                    .getResultList();
            return ids.isEmpty() ? null : (UUID) ids.getFirst();
        });
    }

    private record Chunk(List<EvaluationService.Household> households, UUID last) {}

    private void run(UUID id) {
        parameters.refresh();
        Object[] job = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager
                .createNativeQuery(
                        "select region_code, standard_codes, processed, cast(last_household as text) from evaluation_job where id = ?1",
                        Object[].class)
                .setParameter(1, id)
                .getSingleResult());
        String region = (String) job[0];
        String[] codes = job[1] instanceof String[] a ? a : toArray(job[1]);
        EvaluationService.Selection standards = EvaluationService.Selection.of(List.of(codes));
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("""
                        update evaluation_job set total = (select count(*) from household_projection
                                                           where village_code like ?2 || '%' and state is not null)
                        where id = ?1""")
                .setParameter(1, id)
                .setParameter(2, region)
                .executeUpdate());
        UUID after = job[3] == null ? new UUID(0, 0) : UUID.fromString((String) job[3]);
        ObjectReader reader = mapper.readerFor(HouseholdState.class);
        // the next chunk is read (and its states parsed) while this one is evaluated and written
        CompletableFuture<Chunk> pending = prefetch(region, after, reader);
        while (true) {
            Chunk c = joined(pending);
            if (c.households().isEmpty()) {
                break;
            }
            pending = prefetch(region, c.last(), reader);
            QuarkusTransaction.requiringNew().run(() -> {
                EvaluationService.Changes changes = evaluations.evaluate(c.households(), standards, "job:" + id);
                entityManager
                        .createNativeQuery("""
                                update evaluation_job set processed = processed + ?2, changed = changed + ?3,
                                       last_household = ?4, heartbeat_at = now()
                                where id = ?1""")
                        .setParameter(1, id)
                        .setParameter(2, c.households().size())
                        .setParameter(3, changes.households())
                        .setParameter(4, c.last())
                        .executeUpdate();
            });
        }
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("update evaluation_job set state = 'DONE', finished_at = now() where id = ?1")
                .setParameter(1, id)
                .executeUpdate());
    }

    private CompletableFuture<Chunk> prefetch(String region, UUID after, ObjectReader reader) {
        return CompletableFuture.supplyAsync(
                () -> QuarkusTransaction.requiringNew().call(() -> read(region, after, reader)), readers);
    }

    private static Chunk joined(CompletableFuture<Chunk> chunk) {
        try {
            return chunk.join();
        } catch (CompletionException failed) {
            throw failed.getCause() instanceof RuntimeException e ? e : failed;
        }
    }

    private Chunk read(String region, UUID after, ObjectReader reader) {
        List<Object[]> rows = entityManager
                .createNativeQuery("""
                        select household_id, cast(state as text) from household_projection
                        where village_code like ?1 || '%' and household_id > ?2 and state is not null
                        order by household_id limit ?3""", Object[].class)
                .setParameter(1, region)
                .setParameter(2, after)
                .setParameter(3, chunk)
                .getResultList();
        List<EvaluationService.Household> households = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            try {
                households.add(new EvaluationService.Household((UUID) row[0], reader.readValue((String) row[1])));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Chunk(
                households, households.isEmpty() ? after : households.getLast().id());
    }

    private static String[] toArray(Object array) {
        try {
            return (String[]) ((java.sql.Array) array).getArray();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
