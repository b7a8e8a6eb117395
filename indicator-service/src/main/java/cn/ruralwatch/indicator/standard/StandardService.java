package cn.ruralwatch.indicator.standard;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.events.EventTypes;
import cn.ruralwatch.events.StandardStatusSet;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.http.TransactionLocks;
import cn.ruralwatch.indicator.rules.CompiledStandard;
import cn.ruralwatch.indicator.rules.RuleCompiler;
import cn.ruralwatch.indicator.rules.StandardDefinition;
import cn.ruralwatch.messaging.Outbox;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.ProblemType;
import cn.ruralwatch.problem.Violation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.f4b6a3.uuid.UuidCreator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Saves standard versions (type-checked first) and starts the re-evaluation of the region they cover. */
@ApplicationScoped
@Transactional
public class StandardService {

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper mapper;

    @Inject
    Standards standards;

    @Inject
    Reevaluations reevaluations;

    @Inject
    StandardRepository repository;

    @Inject
    Clock clock;

    @Inject
    CallerScope scope;

    @Inject
    Outbox outbox;

    /** A saved version, and the job re-evaluating its region (absent when it judges divisions only). */
    public record Saved(StandardApi.StandardView standard, Optional<UUID> evaluationJob) {}

    /** Type-checks a definition without saving it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void check(StandardDefinition definition) {
        RuleCompiler.compile(definition);
    }

    /** Saves a definition from a caller: its region must lie within the caller's. */
    public Saved save(StandardDefinition definition) {
        if (!definition.regionCode().startsWith(scope.division())) {
            throw ProblemException.invalid(Violation.of(
                    "regionCode", "OUT_OF_SCOPE", "problem.standard.region-out-of-scope", scope.division()));
        }
        return save(definition, scope.subject());
    }

    /** Saves a new version of the definition's code (version 1 for a new code). */
    public Saved save(StandardDefinition definition, String actor) {
        CompiledStandard compiled = RuleCompiler.compile(definition);
        if (definition.validTo() != null && definition.validTo().isBefore(definition.validFrom())) {
            throw ProblemException.invalid(
                    Violation.of("validTo", "BEFORE_START", "problem.standard.valid-to-before-valid-from"));
        }
        lock(definition.code());
        int version = repository.latestVersion(definition.code()) + 1;
        Instant now = clock.instant();
        repository.insert(UuidCreator.getTimeOrderedEpoch(), version, definition, json(definition), now, actor);
        standards.invalidate();
        announce(definition.code());
        Optional<UUID> job = compiled.evaluatesHouseholds()
                ? Optional.of(reevaluations.request(
                        definition.regionCode(),
                        List.of(definition.code()),
                        "指标体系 " + definition.code() + " 第 " + version + " 版",
                        actor))
                : Optional.empty();
        return new Saved(
                new StandardApi.StandardView(definition.code(), version, "ACTIVE", now, actor, definition), job);
    }

    /**
     * Saves a shipped standard: version 1 of a new code, or a new version when the shipped definition changed and the
     * latest version is still the suite's own (a county's versions are never replaced). Whether it saved one.
     */
    public boolean ship(StandardDefinition definition) {
        lock(definition.code());
        Optional<StandardRepository.Stored> latest = repository.find(definition.code(), null);
        boolean save = latest.isEmpty()
                || SHIPPED_BY.equals(latest.get().createdBy())
                        && !read(latest.get().definition()).equals(definition);
        if (save) {
            save(definition, SHIPPED_BY);
        }
        return save;
    }

    /** The actor of the versions the suite ships. */
    static final String SHIPPED_BY = "indicator-service";

    private void lock(String code) {
        TransactionLocks.lock(entityManager, "indicator_standard:" + code);
    }

    /** The latest version of every standard whose region overlaps the caller's. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<StandardApi.StandardSummary> list(PageRequest page) {
        return repository
                .latestOverlapping(scope.division(), page)
                .map(r -> new StandardApi.StandardSummary(
                        r.code(),
                        r.version(),
                        r.name(),
                        r.regionCode(),
                        StandardDefinition.Level.valueOf(r.level()),
                        r.validFrom(),
                        r.validTo(),
                        r.status()));
    }

    /** One version of a standard (the latest when {@code version} is null). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public StandardApi.StandardView get(String code, Integer version) {
        StandardRepository.Stored stored = repository
                .find(code, version)
                .orElseThrow(() -> version == null
                        ? ProblemException.notFound("standard.not-found", code)
                        : ProblemException.notFound("standard.version-not-found", code, version));
        StandardDefinition definition = read(stored.definition());
        if (!scopeOverlaps(definition.regionCode())) {
            throw ProblemException.notFound("standard.not-found", code);
        }
        return new StandardApi.StandardView(
                code, stored.version(), stored.status(), stored.createdAt(), stored.createdBy(), definition);
    }

    /** Every version of a standard, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StandardApi.StandardVersion> versions(String code) {
        StandardApi.StandardView latest = get(code, null);
        return repository.versions(latest.code()).stream()
                .map(v -> new StandardApi.StandardVersion(v.version(), v.status(), v.createdAt(), v.createdBy()))
                .toList();
    }

    /** Stops evaluating a standard (its latest version is marked RETIRED; results stay with their history). */
    public StandardApi.StandardView retire(String code) {
        // a version saved meanwhile is either the one retired or saved after the retirement, never lost in between
        lock(code);
        StandardApi.StandardView latest = get(code, null);
        if (!latest.definition().regionCode().startsWith(scope.division())) {
            throw ProblemException.of(ProblemType.FORBIDDEN, "problem.standard.region-out-of-scope", scope.division());
        }
        if (!"RETIRED".equals(latest.status())) {
            repository.retire(code, latest.version(), clock.instant());
            standards.invalidate();
            announce(code);
        }
        return get(code, null);
    }

    /**
     * Announces the status of every standard again ({@code standard.status-set.v1}), as each start does: a consumer
     * whose copy of the topic's history is gone learns them anew; one that holds them changes nothing.
     */
    public int announceAll() {
        return announce((String) null);
    }

    /** Announces the status of a code's latest version (every code's when null) on indicator-events. */
    private int announce(String code) {
        List<StandardStatusSet> statuses = repository.statuses(code);
        outbox.publishAll(statuses.stream()
                .map(status -> new Outbox.Message(
                        Topics.INDICATOR_EVENTS,
                        "indicator-standard",
                        status.key(),
                        EventTypes.STANDARD_STATUS_SET,
                        status))
                .toList());
        return statuses.size();
    }

    private boolean scopeOverlaps(String regionCode) {
        String division = scope.division();
        return division.startsWith(regionCode) || regionCode.startsWith(division);
    }

    private String json(StandardDefinition definition) {
        try {
            return mapper.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    StandardDefinition read(String json) {
        try {
            return mapper.readValue(json, StandardDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored standard definition is not readable", e);
        }
    }
}
