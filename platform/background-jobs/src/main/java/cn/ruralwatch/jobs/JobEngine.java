package cn.ruralwatch.jobs;

import cn.ruralwatch.failures.TransientFailures;
import cn.ruralwatch.sql.Sql;
import cn.ruralwatch.tracing.Cause;
import cn.ruralwatch.tracing.CauseScope;
import cn.ruralwatch.tracing.Lane;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.f4b6a3.uuid.UuidCreator;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The one job engine of the suite. Jobs live in {@code background_job}; each instance runs a few workers that claim
 * jobs, run their {@link JobHandler} and record how they ended, and a heartbeat that extends the leases of the jobs it
 * runs. Several replicas share the table safely:
 *
 * <ul>
 *   <li>a claim takes one runnable job under a lease with a fresh token; every write of a running job is fenced by
 *       that token, so a worker that lost its lease (paused, cut off from the database) cannot write twice;
 *   <li>a job whose worker vanished is claimed again when its lease ends and resumes from its last checkpoint; each
 *       such cut-off run counts, and a job cut off {@code maxAttempts} times is FAILED with the reason instead of
 *       taking worker after worker down with it;
 *   <li>jobs of one fairness key (a county) run one at a time, and a job that has worked for a turn hands its worker
 *       to a job of another key that waits, so one county's big import cannot starve another county's;
 *   <li>a transient failure (the database away) queues the job again after a pause without counting as an attempt;
 *       any other failure ends it as FAILED with the reason; a caller may cancel a job at any time.
 * </ul>
 */
@ApplicationScoped
public class JobEngine {

    private static final Logger LOG = Logger.getLogger(JobEngine.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    @Inject
    Sql sql;

    @Inject
    ObjectMapper mapper;

    @Inject
    JobEngineConfig config;

    @Inject
    @Any
    Instance<JobHandler<?>> handlerBeans;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    MeterRegistry registry;

    @Inject
    Tracer tracer;

    /** The job does not exist (or the caller may not see it). */
    public static class NotFound extends RuntimeException {
        public NotFound(UUID id) {
            super("job " + id + " not found", null, false, false);
        }
    }

    /** The job already ended and cannot be cancelled. */
    public static class AlreadyEnded extends RuntimeException {
        private final transient Job job;

        public AlreadyEnded(Job job) {
            super("job " + job.id() + " already " + job.state(), null, false, false);
            this.job = job;
        }

        public Job job() {
            return job;
        }
    }

    /** The handlers by kind, found on first use (a service may queue jobs while it starts). */
    private volatile Map<String, JobHandler<?>> handlers;

    private final Map<UUID, UUID> leases = new ConcurrentHashMap<>();
    private final Semaphore wakeUps = new Semaphore(0);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicInteger busy = new AtomicInteger();
    private final List<Thread> threads = new ArrayList<>();
    private final String owner = owner();

    /**
     * When this instance last could not reach the database. Right after an outage every lease looks expired, the live
     * workers' as well as the dead ones': their heartbeats could not be written either. For one lease after it, this
     * instance takes up no job another worker held, so that live workers renew their leases first and an outage
     * neither runs a job twice at once nor counts as an attempt.
     */
    private volatile Instant databaseLastAway = Instant.EPOCH;

    private volatile boolean stopping;

    private MultiGauge jobCounts;

    private Map<String, JobHandler<?>> handlers() {
        Map<String, JobHandler<?>> found = handlers;
        if (found == null) {
            found = new LinkedHashMap<>();
            for (JobHandler<?> handler : handlerBeans) {
                found.put(handler.kind(), handler);
            }
            handlers = found;
        }
        return found;
    }

    void start(@Observes @Priority(2500) StartupEvent startup) {
        Map<String, JobHandler<?>> handlers = handlers();
        registry.gauge("jobs.running", busy);
        jobCounts = MultiGauge.builder("jobs")
                .description("Background jobs of each kind this service runs, by state")
                .register(registry);
        if (handlers.isEmpty() || config.workers() <= 0) {
            LOG.infof("Job engine: no workers on this instance (%s)", handlers.keySet());
            return;
        }
        for (int i = 0; i < config.workers(); i++) {
            threads.add(Thread.ofPlatform().name("job-worker-" + i).daemon().start(this::work));
        }
        threads.add(Thread.ofPlatform().name("job-heartbeat").daemon().start(this::beat));
        LOG.infof("Job engine %s: %d workers for %s", owner, config.workers(), handlers.keySet());
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
        stopped.countDown();
        wakeUps.release(threads.size());
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(20));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Queues a job in the caller's transaction; a worker takes it once that commits. The job keeps its cause — the
     * caller's trace context and request id — and runs in a span continuing that trace, with that request id in its
     * log context: the events it writes carry them on.
     *
     * @param fairnessKey jobs of one key run one at a time and take turns with the other keys' (a county's code)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <P> UUID enqueue(
            UUID id, String kind, P parameters, String scopeDivision, String fairnessKey, String requestedBy) {
        JobHandler<?> handler = handlers().get(kind);
        if (handler == null) {
            throw new IllegalArgumentException("no handler of job kind " + kind);
        }
        if (!handler.parameterType().isInstance(parameters)) {
            throw new IllegalArgumentException(
                    kind + " takes " + handler.parameterType().getSimpleName());
        }
        Cause cause = Cause.current();
        sql.query("""
                        insert into background_job (id, kind, scope_division, fairness_key, requested_by, parameters,
                                                    max_attempts, traceparent, tracestate, request_id)
                        values (:id, :kind, :scope, :fairnessKey, :requestedBy, cast(:parameters as jsonb), :maxAttempts,
                                :traceparent, :tracestate, :requestId)""")
                .bind("traceparent", cause.traceparent())
                .bind("tracestate", cause.tracestate())
                .bind("requestId", cause.requestId())
                .bind("id", id)
                .bind("kind", kind)
                .bind("scope", scopeDivision)
                .bind("fairnessKey", fairnessKey)
                .bind("requestedBy", requestedBy)
                .bind("parameters", json(parameters))
                .bind("maxAttempts", handler.maxAttempts())
                .execute();
        afterCommit(() -> wakeUps.release());
        return id;
    }

    /** {@link #enqueue(UUID, String, Object, String, String, String)} under a new time-ordered id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <P> UUID enqueue(String kind, P parameters, String scopeDivision, String fairnessKey, String requestedBy) {
        return enqueue(UuidCreator.getTimeOrderedEpoch(), kind, parameters, scopeDivision, fairnessKey, requestedBy);
    }

    /**
     * Whether a job of this kind is queued or running; holds the kind's lock until the transaction ends, so that two
     * callers cannot both find none and both queue one.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean pending(String kind) {
        sql.query("select pg_advisory_xact_lock(hashtext(:lock))")
                .bind("lock", "background-job:" + kind)
                .column(Object.class);
        return sql.query("select 1 from background_job where kind = :kind and state in ('QUEUED', 'RUNNING') limit 1")
                .bind("kind", kind)
                .value(Integer.class)
                .isPresent();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Job> find(UUID id) {
        return sql.query(SELECT + " where id = :id")
                .bind("id", id)
                .first(Stored.class)
                .map(this::job);
    }

    /** Jobs of these kinds whose region lies within {@code scopePrefix}, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Job> list(Collection<String> kinds, String scopePrefix, long offset, int limit) {
        return sql
                .query(SELECT + LISTED + " order by requested_at desc, id limit :limit offset :offset")
                .bind("kinds", kinds.toArray(String[]::new))
                .bind("scope", scopePrefix + "%")
                .bind("limit", limit)
                .bind("offset", offset)
                .list(Stored.class)
                .stream()
                .map(this::job)
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(Collection<String> kinds, String scopePrefix) {
        return sql.query("select count(*) from background_job" + LISTED)
                .bind("kinds", kinds.toArray(String[]::new))
                .bind("scope", scopePrefix + "%")
                .count();
    }

    /**
     * Cancels a job: a queued one at once, a running one at its worker's next {@link RunningJob#proceed()} (what it
     * stored so far stays). Answers the job as it is now.
     */
    public Job cancel(UUID id) {
        Job job = QuarkusTransaction.requiringNew().call(() -> {
            Job current = sql.query(SELECT + " where id = :id for update")
                    .bind("id", id)
                    .first(Stored.class)
                    .map(this::job)
                    .orElseThrow(() -> new NotFound(id));
            if (current.state().ended()) {
                throw new AlreadyEnded(current);
            }
            sql.query("""
                            update background_job
                               set cancel_requested = true,
                                   state = case when state = 'QUEUED' then 'CANCELLED' else state end,
                                   finished_at = case when state = 'QUEUED' then now() else finished_at end
                             where id = :id""").bind("id", id).execute();
            return find(id).orElseThrow();
        });
        if (job.state() == JobState.CANCELLED) {
            ended(job.id(), job.kind(), JobState.CANCELLED);
        }
        return job;
    }

    /** The parameters of a stored job as its handler reads them. */
    public <P> P parameters(Job job, Class<P> type) {
        try {
            return mapper.treeToValue(job.parameters(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("parameters of job " + job.id() + " cannot be read", e);
        }
    }

    // ---- the workers

    /** A job this worker claimed, with the token that fences its writes. */
    private record Claimed(
            UUID id,
            String kind,
            String parameters,
            String scopeDivision,
            String fairnessKey,
            String requestedBy,
            int attempt,
            String checkpoint,
            String progress,
            UUID token,
            String traceparent,
            String tracestate,
            String requestId) {

        Cause cause() {
            return new Cause(traceparent, tracestate, requestId);
        }
    }

    private void work() {
        while (!stopping) {
            Claimed claimed = null;
            try {
                claimed = claim();
            } catch (RuntimeException failure) {
                databaseLastAway = Instant.now();
                LOG.debugf("Job claim failed, will retry: %s", failure.toString());
            }
            if (claimed == null) {
                idle();
                continue;
            }
            busy.incrementAndGet();
            try {
                run(claimed);
            } finally {
                busy.decrementAndGet();
                leases.remove(claimed.id());
            }
        }
    }

    private void idle() {
        try {
            wakeUps.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }

    /** A job given up for good when it was claimed next (cancelled, or cut off too often). */
    private record GivenUp(UUID id, String kind, JobState state) {}

    private Claimed claim() {
        List<GivenUp> givenUp = new ArrayList<>();
        boolean takeUpOthers = Duration.between(databaseLastAway, Instant.now()).compareTo(config.lease()) > 0;
        Claimed claimed = QuarkusTransaction.requiringNew().call(() -> {
            // claims one at a time across replicas: the check that no job of the same county runs is then exact
            sql.query("select pg_advisory_xact_lock(hashtext('background-job:claim'))")
                    .column(Object.class);
            String[] kinds = handlers().keySet().toArray(String[]::new);
            givenUp.addAll(sql.query("""
                            update background_job
                               set state = case when cancel_requested then 'CANCELLED' else 'FAILED' end,
                                   error = case when cancel_requested then null else :reason end,
                                   finished_at = now(), lease_owner = null, lease_token = null, lease_until = null
                             where kind = any(:kinds) and state = 'RUNNING' and lease_until < now() and :takeUpOthers
                               and (cancel_requested or (not handed_back and attempts >= max_attempts))
                            returning id, kind, state""")
                    .bind("kinds", kinds)
                    .bind("reason", "任务的运行多次意外中断（工作进程被终止或资源耗尽），已停止重试")
                    .bind("takeUpOthers", takeUpOthers)
                    .list(GivenUp.class));
            UUID token = UUID.randomUUID();
            return sql
                    .query("""
                            update background_job
                               set state = 'RUNNING', lease_owner = :owner, lease_token = :token,
                                   lease_until = now() + make_interval(secs => :lease), heartbeat_at = now(),
                                   started_at = coalesce(started_at, now()),
                                   attempts = attempts + case when handed_back then 0 else 1 end, handed_back = false
                             where id = (select j.id from background_job j
                                          where j.kind = any(:kinds) and j.not_before <= now()
                                            and (j.state = 'QUEUED'
                                                 or (:takeUpOthers and j.state = 'RUNNING' and j.lease_until < now()))
                                            and not exists (select 1 from background_job r
                                                             where r.state = 'RUNNING' and r.lease_until >= now()
                                                               and r.fairness_key = j.fairness_key and r.id <> j.id)
                                          order by coalesce(j.last_turn_at, j.requested_at), j.requested_at
                                          limit 1 for update skip locked)
                            returning id, kind, cast(parameters as text) as parameters, scope_division, fairness_key,
                                      requested_by, attempts as attempt, checkpoint, cast(progress as text) as progress,
                                      lease_token as token, traceparent, tracestate, request_id""")
                    .bind("kinds", kinds)
                    .bind("owner", owner)
                    .bind("token", token)
                    .bind("lease", (double) config.lease().toMillis() / 1000)
                    .bind("takeUpOthers", takeUpOthers)
                    .list(Claimed.class) // an update's returned rows: a row limit cannot be added to it
                    .stream()
                    .findFirst()
                    .orElse(null);
        });
        for (GivenUp job : givenUp) {
            LOG.errorf("Job %s (%s) %s: its runs were cut off too often", job.id(), job.kind(), job.state());
            ended(job.id(), job.kind(), job.state());
        }
        if (claimed != null) {
            leases.put(claimed.id(), claimed.token());
        }
        return claimed;
    }

    @SuppressWarnings("unchecked")
    private void run(Claimed claimed) {
        JobHandler<Object> handler = (JobHandler<Object>) handlers().get(claimed.kind());
        Object parameters;
        try {
            parameters = mapper.readValue(claimed.parameters(), handler.parameterType());
        } catch (JsonProcessingException unreadable) {
            end(claimed, JobState.FAILED, null, "任务参数无法读取：" + unreadable.getOriginalMessage());
            return;
        }
        Running<Object> job = new Running<>(claimed, parameters);
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        Cause cause = claimed.cause();
        Span span = tracer.spanBuilder("job " + claimed.kind())
                .setParent(cause.context())
                .setAttribute("ruralwatch.job.id", claimed.id().toString())
                .setAttribute("ruralwatch.job.kind", claimed.kind())
                .setAttribute("ruralwatch.job.attempt", claimed.attempt())
                .startSpan();
        // a job is bulk work: the events it writes are published as fast as their consumers keep up, after any a
        // person is waiting for
        try (CauseScope scope = CauseScope.enter(span, cause.requestId());
                Lane.Scope lane = Lane.BULK.enter()) {
            run(handler, claimed, job);
        } finally {
            span.end();
            requestContext.terminate();
        }
    }

    private void run(JobHandler<Object> handler, Claimed claimed, Running<Object> job) {
        try {
            Map<String, Object> result = handler.run(job);
            end(claimed, JobState.SUCCEEDED, result, null);
        } catch (JobInterruption interruption) {
            switch (interruption.reason()) {
                case CANCELLED -> end(claimed, JobState.CANCELLED, null, null);
                case TURN_OVER, STOPPING -> handBack(claimed, Duration.ZERO);
                case LEASE_LOST -> LOG.warnf("Job %s (%s) is held by another worker now", claimed.id(), claimed.kind());
            }
        } catch (Throwable failure) {
            if (TransientFailures.isTransient(failure)) {
                databaseLastAway = Instant.now();
                LOG.warnf(
                        "Job %s (%s) interrupted by a transient failure, taken up again in %s: %s",
                        claimed.id(), claimed.kind(), config.transientBackoff(), failure.toString());
                handBack(claimed, config.transientBackoff());
            } else {
                LOG.errorf(failure, "Job %s (%s) failed", claimed.id(), claimed.kind());
                Span.current().recordException(failure);
                Span.current().setStatus(StatusCode.ERROR, "failed");
                end(claimed, JobState.FAILED, null, reason(failure));
            }
        }
    }

    /** Ends a job this worker holds; waits while the database is away (the job is not lost meanwhile). */
    private void end(Claimed claimed, JobState state, Map<String, Object> result, String error) {
        AtomicReference<Double> took = new AtomicReference<>();
        boolean ended = fenced(claimed, () -> {
            List<Double> seconds = sql.query("""
                            update background_job
                               set state = :state, result = cast(:result as jsonb), error = :error,
                                   finished_at = now(), lease_owner = null, lease_token = null, lease_until = null
                             where id = :id and lease_token = :token
                            returning cast(extract(epoch from finished_at - started_at) as double precision)""")
                    .bind("id", claimed.id())
                    .bind("token", claimed.token())
                    .bind("state", state.name())
                    .bind("result", result == null ? null : json(result))
                    .bind("error", error)
                    .column(Double.class);
            took.set(seconds.isEmpty() ? null : seconds.getFirst());
            return !seconds.isEmpty();
        });
        if (ended) {
            Counter.builder("jobs.finished")
                    .description("Background jobs ended, by kind and state")
                    .tags("kind", claimed.kind(), "state", state.name())
                    .register(registry)
                    .increment();
            if (took.get() != null) {
                // from its first start to its end, over every run and turn
                Timer.builder("jobs.duration")
                        .description("How long background jobs ran, from their first start to their end")
                        .tags("kind", claimed.kind(), "state", state.name())
                        .register(registry)
                        .record(Duration.ofMillis(Math.round(took.get() * 1000)));
            }
            ended(claimed.id(), claimed.kind(), state);
        }
        countJobs();
    }

    /**
     * The {@code jobs} gauge: how many jobs of each kind this instance runs are in each state (in the table, so on every
     * replica alike). Counted by the heartbeat and when a job ends.
     */
    private void countJobs() {
        try {
            String[] kinds = handlers().keySet().toArray(String[]::new);
            Map<String, Long> counts = new HashMap<>();
            QuarkusTransaction.requiringNew().run(() -> sql.query("""
                                    select kind, state, count(*) as jobs from background_job
                                     where kind = any(:kinds) group by kind, state""")
                    .bind("kinds", kinds)
                    .list(StateCount.class)
                    .forEach(row -> counts.put(row.kind() + "/" + row.state(), row.jobs())));
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            for (String kind : kinds) {
                for (JobState state : JobState.values()) {
                    long count = counts.getOrDefault(kind + "/" + state.name(), 0L);
                    rows.add(MultiGauge.Row.of(Tags.of("kind", kind, "state", state.name()), count));
                }
            }
            jobCounts.register(rows, true);
        } catch (RuntimeException databaseAway) {
            LOG.debugf("Jobs not counted: %s", databaseAway.toString());
        }
    }

    private record StateCount(String kind, String state, long jobs) {}

    /** Queues a job this worker holds again, to resume from its checkpoint; not counted as an attempt. */
    private void handBack(Claimed claimed, Duration pause) {
        fenced(
                claimed,
                () -> sql.query("""
                                update background_job
                                   set state = 'QUEUED', handed_back = true, last_turn_at = now(),
                                       not_before = now() + make_interval(secs => :pause),
                                       lease_owner = null, lease_token = null, lease_until = null
                                 where id = :id and lease_token = :token""")
                                .bind("id", claimed.id())
                                .bind("token", claimed.token())
                                .bind("pause", (double) pause.toMillis() / 1000)
                                .execute()
                        == 1);
    }

    /**
     * Runs a fenced write in a transaction of its own, retrying it while the failure is transient (until the service
     * stops: the lease then ends and another replica takes the job up).
     */
    private boolean fenced(Claimed claimed, Supplier<Boolean> write) {
        Duration pause = Duration.ofMillis(500);
        while (true) {
            try {
                return QuarkusTransaction.requiringNew().call(write::get);
            } catch (RuntimeException failure) {
                if (TransientFailures.isTransient(failure)) {
                    databaseLastAway = Instant.now();
                }
                if (!TransientFailures.isTransient(failure) || stopping) {
                    LOG.errorf(
                            "Job %s (%s): its state could not be written: %s", claimed.id(), claimed.kind(), failure);
                    return false;
                }
                try {
                    // the next try after the pause, or none once the service stops
                    if (stopped.await(pause.toMillis(), TimeUnit.MILLISECONDS)) {
                        return false;
                    }
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return false;
                }
                pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0
                        ? Duration.ofSeconds(10)
                        : pause.multipliedBy(2);
            }
        }
    }

    private void ended(UUID id, String kind, JobState state) {
        JobHandler<?> handler = handlers().get(kind);
        if (handler == null) {
            return;
        }
        try {
            handler.ended(id, state);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Job %s (%s): clean-up after %s failed", id, kind, state);
        }
    }

    /** Extends the leases of the jobs this instance runs. */
    private void beat() {
        long interval = Math.max(1000, config.lease().toMillis() / 3);
        while (!stopping) {
            try {
                if (stopped.await(interval, TimeUnit.MILLISECONDS)) {
                    return;
                }
                countJobs();
                if (leases.isEmpty()) {
                    continue;
                }
                UUID[] tokens = leases.values().toArray(UUID[]::new);
                QuarkusTransaction.requiringNew().run(() -> sql.query("""
                                update background_job set lease_until = now() + make_interval(secs => :lease),
                                                          heartbeat_at = now()
                                 where lease_token = any(:tokens)""")
                        .bind("tokens", tokens)
                        .bind("lease", (double) config.lease().toMillis() / 1000)
                        .execute());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException failure) {
                databaseLastAway = Instant.now();
                LOG.warnf("Job heartbeat failed, will retry: %s", failure.toString());
            }
        }
    }

    /** A claimed job as its handler works with it. */
    private final class Running<P> implements RunningJob<P> {
        private final Claimed claimed;
        private final P parameters;
        private final Instant turnStarted = Instant.now();
        private Map<String, Object> progress;

        Running(Claimed claimed, P parameters) {
            this.claimed = claimed;
            this.parameters = parameters;
            this.progress = map(claimed.progress());
        }

        @Override
        public UUID id() {
            return claimed.id();
        }

        @Override
        public P parameters() {
            return parameters;
        }

        @Override
        public String scopeDivision() {
            return claimed.scopeDivision();
        }

        @Override
        public String requestedBy() {
            return claimed.requestedBy();
        }

        @Override
        public int attempt() {
            return claimed.attempt();
        }

        @Override
        public Optional<String> checkpoint() {
            return Optional.ofNullable(claimed.checkpoint());
        }

        @Override
        public Map<String, Object> progress() {
            return progress;
        }

        @Override
        public void save(Map<String, Object> progress, String checkpoint) {
            int saved = sql.query("""
                            update background_job set progress = cast(:progress as jsonb), checkpoint = :checkpoint,
                                                      heartbeat_at = now()
                             where id = :id and lease_token = :token""")
                    .bind("id", claimed.id())
                    .bind("token", claimed.token())
                    .bind("progress", json(progress))
                    .bind("checkpoint", checkpoint)
                    // in the work's transaction, whose entities (an import's households) need no flush for it
                    .apartFromEntities()
                    .execute();
            if (saved == 0) {
                throw new JobInterruption(JobInterruption.Reason.LEASE_LOST);
            }
            this.progress = progress;
        }

        @Override
        public void report(Map<String, Object> progress) {
            int saved = QuarkusTransaction.requiringNew().call(() -> sql.query("""
                            update background_job set progress = cast(:progress as jsonb), heartbeat_at = now()
                             where id = :id and lease_token = :token""")
                    .bind("id", claimed.id())
                    .bind("token", claimed.token())
                    .bind("progress", json(progress))
                    .execute());
            if (saved == 0) {
                throw new JobInterruption(JobInterruption.Reason.LEASE_LOST);
            }
            this.progress = progress;
        }

        @Override
        public void proceed() {
            if (stopping) {
                throw new JobInterruption(JobInterruption.Reason.STOPPING);
            }
            boolean turnOver = Duration.between(turnStarted, Instant.now()).compareTo(config.turn()) > 0;
            Turn state = QuarkusTransaction.requiringNew().call(() -> sql.query("""
                            select lease_token = :token as held, cancel_requested,
                                   :turnOver and exists (select 1 from background_job w
                                                   where w.kind = any(:kinds) and w.state = 'QUEUED'
                                                     and w.not_before <= now() and w.fairness_key <> :fairnessKey
                                                     and coalesce(w.last_turn_at, w.requested_at)
                                                         < now() - make_interval(secs => :poll)
                                                     and not exists (select 1 from background_job r
                                                                      where r.state = 'RUNNING'
                                                                        and r.lease_until >= now()
                                                                        and r.fairness_key = w.fairness_key))
                                       as others_waiting
                              from background_job where id = :id""")
                    .bind("id", claimed.id())
                    .bind("token", claimed.token())
                    .bind("turnOver", turnOver)
                    .bind("kinds", handlers().keySet().toArray(String[]::new))
                    .bind("fairnessKey", claimed.fairnessKey())
                    .bind("poll", (double) config.pollInterval().toMillis() / 1000)
                    .first(Turn.class)
                    .orElse(new Turn(false, false, false)));
            if (!Boolean.TRUE.equals(state.held())) {
                throw new JobInterruption(JobInterruption.Reason.LEASE_LOST);
            }
            if (Boolean.TRUE.equals(state.cancelRequested())) {
                throw new JobInterruption(JobInterruption.Reason.CANCELLED);
            }
            if (Boolean.TRUE.equals(state.othersWaiting())) {
                throw new JobInterruption(JobInterruption.Reason.TURN_OVER);
            }
        }
    }

    // ---- reading

    /** Whether this worker still holds the job, whether it is to be cancelled, and whether others wait for a turn. */
    private record Turn(Boolean held, Boolean cancelRequested, Boolean othersWaiting) {}

    /** A job's row; its JSON columns as text. */
    private record Stored(
            UUID id,
            String kind,
            String scopeDivision,
            String fairnessKey,
            String requestedBy,
            Instant requestedAt,
            String parameters,
            JobState state,
            boolean cancelRequested,
            int attempts,
            int maxAttempts,
            String progress,
            String result,
            String error,
            Instant startedAt,
            Instant finishedAt) {}

    private static final String SELECT = """
            select id, kind, scope_division, fairness_key, requested_by, requested_at,
                   cast(parameters as text) as parameters, state, cancel_requested, attempts, max_attempts,
                   cast(progress as text) as progress, cast(result as text) as result, error, started_at, finished_at
              from background_job""";

    private static final String LISTED = """

             where kind = any(:kinds) and scope_division like :scope""";

    private Job job(Stored r) {
        try {
            return new Job(
                    r.id(),
                    r.kind(),
                    r.scopeDivision(),
                    r.fairnessKey(),
                    r.requestedBy(),
                    r.requestedAt(),
                    mapper.readTree(r.parameters()),
                    r.state(),
                    r.cancelRequested(),
                    r.attempts(),
                    r.maxAttempts(),
                    map(r.progress()),
                    r.result() == null ? null : map(r.result()),
                    r.error(),
                    r.startedAt(),
                    r.finishedAt());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("job " + r.id() + " holds unreadable parameters", e);
        }
    }

    private Map<String, Object> map(String json) {
        try {
            return json == null ? Map.of() : mapper.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value == null ? Map.of() : value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private void afterCommit(Runnable action) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }

    /** The reason a failed job shows: the failure's own message, never a stack trace. */
    private static String reason(Throwable failure) {
        if (failure instanceof OutOfMemoryError) {
            return "内存不足，任务已停止（" + failure.getMessage() + "）";
        }
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }

    private static String owner() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "unknown";
        }
        return host + "/" + ProcessHandle.current().pid() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
    }
}
