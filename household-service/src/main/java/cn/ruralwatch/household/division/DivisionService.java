package cn.ruralwatch.household.division;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.access.DivisionCodes;
import cn.ruralwatch.audit.AuditTrail;
import cn.ruralwatch.audit.AuditedChange;
import cn.ruralwatch.events.AuditAction;
import cn.ruralwatch.events.DivisionPopulationSet;
import cn.ruralwatch.events.DivisionRegistered;
import cn.ruralwatch.events.DivisionRenamed;
import cn.ruralwatch.events.EventTypes;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.events.VillageStatusSet;
import cn.ruralwatch.http.EntityTags;
import cn.ruralwatch.http.IdempotencyKeys;
import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.messaging.Outbox;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.ProblemType;
import cn.ruralwatch.problem.Violation;
import cn.ruralwatch.time.ChinaTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** Registers divisions and keeps the tree consistent: levels, code lengths, codes that extend their parent's. */
@ApplicationScoped
@Transactional
public class DivisionService {

    static final String AGGREGATE = "division";

    @Inject
    Clock clock;

    @Inject
    EntityManager entityManager;

    @Inject
    Outbox outbox;

    @Inject
    IdempotencyKeys idempotencyKeys;

    @Inject
    CallerScope scope;

    @Inject
    AuditTrail audit;

    @Inject
    DivisionHistory history;

    public Division register(DivisionApi.Registration request, String idempotencyKey) {
        String code = idempotencyKeys
                .once("division", idempotencyKey, request, () -> create(request).code)
                .resourceId();
        return entityManager.find(Division.class, code);
    }

    private Division create(DivisionApi.Registration request) {
        return create(request, "REGISTER");
    }

    private Division create(DivisionApi.Registration given, String operation) {
        // a province or city may be written in its padded six-digit form (450000, 450400): the tree keeps its prefix
        DivisionApi.Registration request = new DivisionApi.Registration(
                given.level() == DivisionLevel.PROVINCE || given.level() == DivisionLevel.CITY
                        ? DivisionCodes.normalize(given.code())
                        : given.code(),
                given.name(),
                given.level(),
                given.parentCode() == null || given.parentCode().isBlank()
                        ? null
                        : DivisionCodes.normalize(given.parentCode()),
                given.villageKind(),
                given.povertyVillage(),
                given.povertyExitYear());
        if (!scope.covers(request.code())) {
            throw ProblemException.of(
                    ProblemType.FORBIDDEN, "problem.forbidden.out-of-scope", request.code(), scope.division());
        }
        List<Violation> violations = new ArrayList<>();
        if (request.code().length() != request.level().codeLength()) {
            violations.add(Violation.of(
                    "code",
                    "LENGTH",
                    "division.code.length",
                    request.level(),
                    request.level().codeLength()));
        }
        if (request.parentCode() == null) {
            if (!request.level().parentOptional()) {
                violations.add(Violation.of("parentCode", "REQUIRED", "division.parent.required"));
            }
        } else if (request.level() == DivisionLevel.PROVINCE) {
            violations.add(Violation.of("parentCode", "NOT_ALLOWED", "division.parent.province"));
        } else {
            Division parent = entityManager.find(Division.class, request.parentCode());
            if (parent == null) {
                violations.add(Violation.of("parentCode", "UNKNOWN", "division.parent.unknown", request.parentCode()));
            } else if (parent.level.childLevel().orElse(null) != request.level()) {
                violations.add(Violation.of("level", "LEVEL", "division.parent.level", parent.level, request.level()));
            } else if (!request.code().startsWith(parent.code)) {
                violations.add(Violation.of("code", "PREFIX", "division.code.prefix", parent.code));
            }
        }
        boolean village = request.level() == DivisionLevel.VILLAGE;
        if (!village
                && (request.villageKind() != null
                        || request.povertyVillage() != null
                        || request.povertyExitYear() != null)) {
            violations.add(Violation.of(
                    "villageKind", "NOT_A_VILLAGE", "division.village-status.not-a-village", request.level()));
        }
        boolean povertyVillage = Boolean.TRUE.equals(request.povertyVillage());
        if (village) {
            violations.addAll(villageStatusViolations(povertyVillage, request.povertyExitYear()));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        if (entityManager.find(Division.class, request.code()) != null) {
            throw ProblemException.conflict(
                    List.of(Violation.of("code", "ALREADY_REGISTERED", "division.code.exists", request.code())));
        }
        Instant now = clock.instant();
        Division division = new Division();
        division.code = request.code();
        division.name = request.name().trim();
        division.level = request.level();
        division.parentCode = request.parentCode();
        if (village) {
            division.villageKind = Objects.requireNonNullElse(request.villageKind(), VillageKind.VILLAGE);
            division.povertyVillage = povertyVillage;
            division.povertyExitYear = request.povertyExitYear();
        }
        division.createdAt = now;
        division.updatedAt = now;
        entityManager.persist(division);
        outbox.publish(
                Topics.HOUSEHOLD_EVENTS,
                AGGREGATE,
                division.code,
                EventTypes.DIVISION_REGISTERED,
                new DivisionRegistered(
                        division.code,
                        division.name,
                        division.level.name(),
                        division.parentCode,
                        division.villageKind == null ? null : division.villageKind.name(),
                        division.povertyVillage,
                        division.povertyExitYear));
        List<AuditedChange> changes = new ArrayList<>(List.of(
                AuditedChange.created("name", division.name),
                AuditedChange.created("level", division.level),
                AuditedChange.created("parentCode", division.parentCode)));
        if (village) {
            changes.add(AuditedChange.created("villageKind", division.villageKind));
            changes.add(AuditedChange.created("povertyVillage", division.povertyVillage));
            changes.add(AuditedChange.created("povertyExitYear", division.povertyExitYear));
        }
        audit.changed(AuditAction.CREATE, AGGREGATE, division.code, division.auditDivision(), changes);
        history.record(division.code, operation, null, changes);
        return division;
    }

    /** A 贫困村's exit year: only of a 贫困村, and not a year still to come. */
    private List<Violation> villageStatusViolations(boolean povertyVillage, Integer exitYear) {
        List<Violation> violations = new ArrayList<>();
        if (exitYear != null && !povertyVillage) {
            violations.add(
                    Violation.of("povertyExitYear", "NOT_A_POVERTY_VILLAGE", "division.village-status.exit-not-poor"));
        }
        int thisYear = ChinaTime.today(clock).getYear();
        if (exitYear != null && exitYear > thisYear) {
            violations.add(Violation.of(
                    "povertyExitYear", "FUTURE", "division.village-status.exit-future", exitYear, thisYear));
        }
        return violations;
    }

    /** Sets a village's kind (行政村 or 社区) and poverty-village status; the version read must be current. */
    public Division setVillageStatus(String code, DivisionApi.VillageStatus request, String ifMatch) {
        Division division = locked(code);
        EntityTags.requireMatch(ifMatch, division.version);
        if (division.level != DivisionLevel.VILLAGE) {
            throw ProblemException.invalid(
                    Violation.of("code", "NOT_A_VILLAGE", "division.village-status.not-a-village", division.level));
        }
        List<Violation> violations = villageStatusViolations(request.povertyVillage(), request.povertyExitYear());
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        List<AuditedChange> changes = new ArrayList<>();
        if (division.villageKind != request.villageKind()) {
            changes.add(AuditedChange.changed("villageKind", division.villageKind, request.villageKind()));
        }
        if (!request.povertyVillage().equals(division.povertyVillage)) {
            changes.add(AuditedChange.changed("povertyVillage", division.povertyVillage, request.povertyVillage()));
        }
        if (!Objects.equals(division.povertyExitYear, request.povertyExitYear())) {
            changes.add(AuditedChange.changed("povertyExitYear", division.povertyExitYear, request.povertyExitYear()));
        }
        if (changes.isEmpty()) {
            return division;
        }
        division.villageStatus(
                request.villageKind(), request.povertyVillage(), request.povertyExitYear(), clock.instant());
        audit.changed(AuditAction.UPDATE, AGGREGATE, division.code, division.auditDivision(), changes);
        history.record(division.code, "VILLAGE", request.reason(), changes);
        entityManager.flush();
        outbox.publish(
                Topics.HOUSEHOLD_EVENTS,
                AGGREGATE,
                division.code,
                EventTypes.VILLAGE_STATUS_SET,
                new VillageStatusSet(
                        division.code, division.villageKind.name(), division.povertyVillage, division.povertyExitYear));
        return division;
    }

    public Division rename(String code, DivisionApi.Rename request, String ifMatch) {
        Division division = locked(code);
        EntityTags.requireMatch(ifMatch, division.version);
        return rename(division, request.name(), "RENAME");
    }

    private Division rename(Division division, String name, String operation) {
        String oldName = division.name;
        division.rename(name.trim(), clock.instant());
        List<AuditedChange> changes = List.of(AuditedChange.changed("name", oldName, division.name));
        audit.changed(AuditAction.UPDATE, AGGREGATE, division.code, division.auditDivision(), changes);
        history.record(division.code, operation, null, changes);
        entityManager.flush();
        outbox.publish(
                Topics.HOUSEHOLD_EVENTS,
                AGGREGATE,
                division.code,
                EventTypes.DIVISION_RENAMED,
                new DivisionRenamed(division.code, division.name));
        return division;
    }

    /**
     * A division within the caller's region, locked until the transaction ends: its changes (renames, population
     * bases) happen one after the other, so that the second of two at the same time sees what the first left — a stale
     * {@code If-Match} (412), an existing population base — instead of failing on the row the first one wrote.
     */
    Division locked(String given) {
        String code = DivisionCodes.normalize(given);
        Division division = DivisionLevel.ofCode(code).isPresent() && scope.covers(code)
                ? entityManager.find(Division.class, code, LockModeType.PESSIMISTIC_WRITE)
                : null;
        if (division == null) {
            throw ProblemException.notFound("division.not-found", code);
        }
        return division;
    }

    /** A division within the caller's region; any other answers 404. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Division get(String given) {
        String code = DivisionCodes.normalize(given);
        Division division = DivisionLevel.ofCode(code).isPresent() && scope.covers(code)
                ? entityManager.find(Division.class, code)
                : null;
        if (division == null) {
            throw ProblemException.notFound("division.not-found", code);
        }
        return division;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Division> children(String given, PageRequest page) {
        String code = get(given).code;
        List<Division> items = entityManager
                .createQuery("from Division where parentCode = :code order by code", Division.class)
                .setParameter("code", code)
                .setFirstResult(page.offset())
                .setMaxResults(page.size())
                .getResultList();
        long total = entityManager
                .createQuery("select count(d) from Division d where d.parentCode = :code", Long.class)
                .setParameter("code", code)
                .getSingleResult();
        return page.page(items, total);
    }

    /** Sets (or corrects) the division's population bases of the year. */
    public DivisionPopulation setPopulation(String code, int year, DivisionApi.Population request) {
        Division division = locked(code);
        List<Violation> violations = new ArrayList<>();
        if (division.level == DivisionLevel.HAMLET) {
            violations.add(Violation.of("code", "HAMLET", "division.population.hamlet"));
        }
        if (year < 2010 || year > ChinaTime.today(clock).getYear()) {
            violations.add(Violation.of("year", "RANGE", "division.population.year", year));
        }
        if (request.agriculturalPopulation() > request.registeredPopulation()) {
            violations.add(
                    Violation.of("agriculturalPopulation", "ABOVE_REGISTERED", "division.population.agricultural"));
        }
        if (request.households() > request.registeredPopulation()) {
            violations.add(Violation.of("households", "ABOVE_REGISTERED", "division.population.households"));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        DivisionPopulation.Key key = new DivisionPopulation.Key(division.code, year);
        DivisionPopulation population = entityManager.find(DivisionPopulation.class, key);
        List<AuditedChange> changes = new ArrayList<>();
        if (population == null) {
            population = new DivisionPopulation();
            population.key = key;
            changes.add(AuditedChange.created(year + ".registeredPopulation", request.registeredPopulation()));
            changes.add(AuditedChange.created(year + ".agriculturalPopulation", request.agriculturalPopulation()));
            changes.add(AuditedChange.created(year + ".households", request.households()));
        } else {
            changes.add(AuditedChange.changed(
                    year + ".registeredPopulation", population.registeredPopulation, request.registeredPopulation()));
            changes.add(AuditedChange.changed(
                    year + ".agriculturalPopulation",
                    population.agriculturalPopulation,
                    request.agriculturalPopulation()));
            changes.add(AuditedChange.changed(year + ".households", population.households, request.households()));
        }
        if (changes.stream().noneMatch(AuditedChange::altersValue)) {
            return population;
        }
        population.registeredPopulation = request.registeredPopulation();
        population.agriculturalPopulation = request.agriculturalPopulation();
        population.households = request.households();
        population.updatedAt = clock.instant();
        population.updatedBy = scope.subject();
        entityManager.persist(population);
        audit.changed(AuditAction.UPDATE, AGGREGATE, division.code, division.auditDivision(), changes);
        history.record(division.code, "POPULATION", request.reason(), changes);
        outbox.publish(
                Topics.HOUSEHOLD_EVENTS,
                AGGREGATE,
                division.code,
                EventTypes.DIVISION_POPULATION_SET,
                new DivisionPopulationSet(
                        division.code,
                        year,
                        population.registeredPopulation,
                        population.agriculturalPopulation,
                        population.households));
        return population;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DivisionPopulation> populations(String code) {
        Division division = get(code);
        return entityManager
                .createQuery(
                        "from DivisionPopulation where key.divisionCode = :code order by key.year",
                        DivisionPopulation.class)
                .setParameter("code", division.code)
                .getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<DivisionApi.RevisionView> history(String code, PageRequest page) {
        return history.revisions(get(code).code, page);
    }

    /**
     * Imports a division tree from CSV (columns {@code code,name}, optionally {@code level,parentCode}; the level and
     * the parent follow from the code when left out). Parents before children, whatever the order of the rows; a new
     * code is registered, a known one renamed when its name differs. Each invalid row is reported and skipped; the
     * valid ones are applied in one transaction.
     */
    public DivisionApi.ImportResult importCsv(List<DivisionCsv.Row> rows, Function<Violation, String> messages) {
        List<DivisionApi.RowError> errors = new ArrayList<>();
        int created = 0;
        int renamed = 0;
        int unchanged = 0;
        List<DivisionCsv.Row> ordered = rows.stream()
                .sorted(Comparator.comparingInt((DivisionCsv.Row r) ->
                                r.code() == null ? 0 : r.code().length())
                        .thenComparingLong(DivisionCsv.Row::line))
                .toList();
        for (DivisionCsv.Row row : ordered) {
            List<Violation> problems = row.problems();
            if (problems.isEmpty()) {
                try {
                    Division existing =
                            scope.covers(row.code()) ? entityManager.find(Division.class, row.code()) : null;
                    if (existing == null) {
                        create(
                                new DivisionApi.Registration(
                                        row.code(),
                                        row.name(),
                                        row.level(),
                                        row.parentCode(),
                                        row.villageKind(),
                                        null,
                                        null),
                                "IMPORT");
                        created++;
                    } else if (existing.level != row.level()
                            || !Objects.equals(existing.parentCode, row.parentCode())) {
                        problems = List.of(Violation.of("code", "MOVED", "division.import.moved", existing.parentCode));
                    } else if (!existing.name.equals(row.name())) {
                        rename(existing, row.name(), "IMPORT");
                        renamed++;
                    } else {
                        unchanged++;
                    }
                } catch (ProblemException refused) {
                    problems = refused.violations().isEmpty()
                            ? List.of(Violation.of(
                                    "code",
                                    "REFUSED",
                                    refused.detailKey(),
                                    refused.detailArgs().toArray()))
                            : refused.violations();
                }
            }
            for (Violation problem : problems) {
                errors.add(
                        new DivisionApi.RowError(row.line(), problem.field(), problem.code(), messages.apply(problem)));
            }
        }
        errors.sort(Comparator.comparingLong(DivisionApi.RowError::row));
        return new DivisionApi.ImportResult(rows.size(), created, renamed, unchanged, errors);
    }
}
