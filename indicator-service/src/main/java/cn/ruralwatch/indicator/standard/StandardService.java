package cn.ruralwatch.indicator.standard;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.http.TransactionLocks;
import cn.ruralwatch.indicator.job.EvaluationJobs;
import cn.ruralwatch.indicator.rules.CompiledStandard;
import cn.ruralwatch.indicator.rules.RuleCompiler;
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
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
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
    EvaluationJobs jobs;

    @Inject
    CallerScope scope;

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
        Number latest = (Number) entityManager
                .createNativeQuery("select coalesce(max(version), 0) from indicator_standard where code = ?1")
                .setParameter(1, definition.code())
                .getSingleResult();
        int version = latest.intValue() + 1;
        UUID id = UuidCreator.getTimeOrderedEpoch();
        Instant now = Instant.now();
        entityManager
                .createNativeQuery("""
                        insert into indicator_standard (id, code, version, name, region_code, level, valid_from, valid_to,
                                                        status, definition, created_at, created_by)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'ACTIVE', cast(?9 as jsonb), ?10, ?11)""")
                .setParameter(1, id)
                .setParameter(2, definition.code())
                .setParameter(3, version)
                .setParameter(4, definition.name())
                .setParameter(5, definition.regionCode())
                .setParameter(6, definition.level().name())
                .setParameter(7, Date.valueOf(definition.validFrom()))
                .setParameter(8, definition.validTo() == null ? null : Date.valueOf(definition.validTo()))
                .setParameter(9, json(definition))
                .setParameter(10, Timestamp.from(now))
                .setParameter(11, actor)
                .executeUpdate();
        standards.invalidate();
        Optional<UUID> job = compiled.evaluatesHouseholds()
                ? Optional.of(jobs.create(
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
        List<Object[]> latest = entityManager
                .createNativeQuery(
                        "select created_by, cast(definition as text) from indicator_standard where code = ?1 order by version desc limit 1",
                        Object[].class)
                .setParameter(1, definition.code())
                .getResultList();
        boolean save = latest.isEmpty()
                || SHIPPED_BY.equals(latest.getFirst()[0])
                        && !read((String) latest.getFirst()[1]).equals(definition);
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
        String division = scope.division();
        String overlap = "(?1 like region_code || '%' or region_code like ?1 || '%')";
        long total = ((Number) entityManager
                        .createNativeQuery("select count(distinct code) from indicator_standard where " + overlap)
                        .setParameter(1, division)
                        .getSingleResult())
                .longValue();
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        "select * from (select distinct on (code) code, version, name, region_code, level, valid_from,"
                                + " valid_to, status from indicator_standard where " + overlap
                                + " order by code, version desc) s order by region_code, code offset ?2 limit ?3",
                        Object[].class)
                .setParameter(1, division)
                .setParameter(2, page.offset())
                .setParameter(3, page.size())
                .getResultList();
        return page.page(
                rows.stream()
                        .map(r -> new StandardApi.StandardSummary(
                                (String) r[0],
                                ((Number) r[1]).intValue(),
                                (String) r[2],
                                (String) r[3],
                                StandardDefinition.Level.valueOf((String) r[4]),
                                toLocalDate(r[5]),
                                toLocalDate(r[6]),
                                (String) r[7]))
                        .toList(),
                total);
    }

    /** One version of a standard (the latest when {@code version} is null). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public StandardApi.StandardView get(String code, Integer version) {
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        "select version, status, created_at, created_by, cast(definition as text) from indicator_standard"
                                + " where code = ?1 and (?2 = 0 or version = ?2) order by version desc limit 1",
                        Object[].class)
                .setParameter(1, code)
                .setParameter(2, version == null ? 0 : version)
                .getResultList();
        if (rows.isEmpty()) {
            throw version == null
                    ? ProblemException.notFound("standard.not-found", code)
                    : ProblemException.notFound("standard.version-not-found", code, version);
        }
        Object[] r = rows.getFirst();
        StandardDefinition definition = read((String) r[4]);
        if (!scopeOverlaps(definition.regionCode())) {
            throw ProblemException.notFound("standard.not-found", code);
        }
        return new StandardApi.StandardView(
                code, ((Number) r[0]).intValue(), (String) r[1], toInstant(r[2]), (String) r[3], definition);
    }

    /** Every version of a standard, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StandardApi.StandardVersion> versions(String code) {
        StandardApi.StandardView latest = get(code, null);
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        "select version, status, created_at, created_by from indicator_standard where code = ?1 order by version desc",
                        Object[].class)
                .setParameter(1, latest.code())
                .getResultList();
        return rows.stream()
                .map(r -> new StandardApi.StandardVersion(
                        ((Number) r[0]).intValue(), (String) r[1], toInstant(r[2]), (String) r[3]))
                .toList();
    }

    /** Stops evaluating a standard (its latest version is marked RETIRED; results stay with their history). */
    public StandardApi.StandardView retire(String code) {
        StandardApi.StandardView latest = get(code, null);
        if (!latest.definition().regionCode().startsWith(scope.division())) {
            throw ProblemException.of(ProblemType.FORBIDDEN, "problem.standard.region-out-of-scope", scope.division());
        }
        entityManager
                .createNativeQuery("update indicator_standard set status = 'RETIRED' where code = ?1 and version = ?2")
                .setParameter(1, code)
                .setParameter(2, latest.version())
                .executeUpdate();
        standards.invalidate();
        return get(code, null);
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

    private static java.time.LocalDate toLocalDate(Object value) {
        return switch (value) {
            case null -> null;
            case java.time.LocalDate date -> date;
            case Date date -> date.toLocalDate();
            default -> throw new IllegalStateException("Unexpected date type " + value.getClass());
        };
    }

    /** A timestamp column as read through a native query (the driver's type varies); null stays null. */
    public static Instant toInstant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant instant -> instant;
            case Timestamp timestamp -> timestamp.toInstant();
            case OffsetDateTime offset -> offset.toInstant();
            default -> throw new IllegalStateException("Unexpected time type " + value.getClass());
        };
    }
}
