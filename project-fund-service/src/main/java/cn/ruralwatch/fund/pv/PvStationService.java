package cn.ruralwatch.fund.pv;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.audit.AuditTrail;
import cn.ruralwatch.audit.AuditedChange;
import cn.ruralwatch.directory.HouseholdDirectory;
import cn.ruralwatch.events.AuditAction;
import cn.ruralwatch.events.EventTypes;
import cn.ruralwatch.events.PvOutputRecorded;
import cn.ruralwatch.events.PvStationRegistered;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.fund.project.Project;
import cn.ruralwatch.fund.project.ProjectService;
import cn.ruralwatch.http.IdempotencyKeys;
import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.messaging.Outbox;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.Violation;
import cn.ruralwatch.time.ChinaTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Village PV stations 村级光伏电站 and their monthly generation and revenue. */
@ApplicationScoped
@Transactional
public class PvStationService {

    @Inject
    Clock clock;

    @Inject
    EntityManager entityManager;

    @Inject
    PvRepository outputs;

    @Inject
    HouseholdDirectory directory;

    @Inject
    ProjectService projects;

    @Inject
    IdempotencyKeys idempotencyKeys;

    @Inject
    CallerScope scope;

    @Inject
    AuditTrail audit;

    @Inject
    Outbox outbox;

    public PvStation register(PvApi.StationRegistration request, String idempotencyKey) {
        String id = idempotencyKeys
                .once("pv-station", idempotencyKey, request, () -> create(request)
                        .id
                        .toString())
                .resourceId();
        return get(UUID.fromString(id));
    }

    private PvStation create(PvApi.StationRegistration request) {
        List<Violation> violations = new ArrayList<>();
        boolean village = scope.covers(request.villageCode())
                && directory
                        .division(request.villageCode())
                        .filter(d -> "VILLAGE".equals(d.level))
                        .isPresent();
        if (!village) {
            violations.add(
                    Violation.of("villageCode", "UNKNOWN_VILLAGE", "fund.division.unknown", request.villageCode()));
        }
        if (request.connectedOn() != null && request.connectedOn().isAfter(ChinaTime.today(clock))) {
            violations.add(Violation.of("connectedOn", "FUTURE", "project.date.future", request.connectedOn()));
        }
        if (request.projectId() != null) {
            Project project = entityManager.find(Project.class, request.projectId());
            if (project == null
                    || !scope.covers(project.divisionCode)
                    || !request.villageCode().startsWith(project.countyCode)) {
                violations.add(Violation.of(
                        "projectId", "UNKNOWN_PROJECT", "pv.station.project.unknown", request.projectId()));
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        PvStation station = new PvStation();
        station.id = UUID.randomUUID();
        station.countyCode = request.villageCode().substring(0, 6);
        station.villageCode = request.villageCode();
        station.name = request.name().strip();
        station.capacityKw = request.capacityKw().setScale(2);
        station.connectedOn = request.connectedOn();
        station.projectId = request.projectId();
        station.status = "OPERATING";
        station.createdBy = scope.subject();
        station.createdAt = clock.instant();
        station.updatedAt = station.createdAt;
        entityManager.persist(station);
        publishRegistered(station);
        audit.changed(
                AuditAction.CREATE,
                "pv-station",
                station.id.toString(),
                station.villageCode,
                List.of(
                        AuditedChange.created("name", station.name),
                        AuditedChange.created("villageCode", station.villageCode),
                        AuditedChange.created("capacityKw", station.capacityKw.toPlainString())));
        return station;
    }

    /** {@code pv-station.registered.v1} of a station, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    void publishRegistered(PvStation station) {
        outbox.publish(
                Topics.FUND_EVENTS,
                "pv-station",
                station.id.toString(),
                EventTypes.PV_STATION_REGISTERED,
                new PvStationRegistered(
                        station.id.toString(),
                        station.countyCode,
                        station.villageCode,
                        station.name,
                        station.capacityKw,
                        station.connectedOn,
                        station.createdAt));
    }

    /** {@code pv-output.recorded.v1} of a station's month, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    void publishRecorded(
            PvStation station, int year, int month, BigDecimal generation, BigDecimal revenue, Instant recordedAt) {
        outbox.publish(
                Topics.FUND_EVENTS,
                "pv-station",
                station.id.toString(),
                EventTypes.PV_OUTPUT_RECORDED,
                new PvOutputRecorded(
                        station.id.toString(),
                        station.countyCode,
                        station.villageCode,
                        year,
                        month,
                        generation,
                        revenue,
                        recordedAt));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PvStation get(UUID id) {
        PvStation station = entityManager.find(PvStation.class, id);
        if (station == null || !scope.covers(station.villageCode)) {
            throw ProblemException.notFound("pv.station.not-found", id);
        }
        return station;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PvStation> list(String division, PageRequest page) {
        String prefix = scope.narrow(division)
                .orElseThrow(() -> ProblemException.notFound("fund.division.not-found", division));
        List<PvStation> items = entityManager
                .createQuery(
                        "from PvStation s where s.villageCode like :prefix order by s.villageCode, s.name",
                        PvStation.class)
                .setParameter("prefix", prefix + "%")
                .setFirstResult(page.offset())
                .setMaxResults(page.size())
                .getResultList();
        long total = entityManager
                .createQuery("select count(s) from PvStation s where s.villageCode like :prefix", Long.class)
                .setParameter("prefix", prefix + "%")
                .getSingleResult();
        return page.page(items, total);
    }

    /** Records (or corrects) a month's generation and revenue; a month that has not ended yet cannot be recorded. */
    public PvApi.OutputView recordOutput(UUID stationId, int year, int month, PvApi.OutputRequest request) {
        PvStation station = get(stationId);
        List<Violation> violations = new ArrayList<>();
        if (month < 1 || month > 12) {
            violations.add(Violation.of("month", "OUT_OF_RANGE", "pv.output.month", month));
        } else if (year < 2014
                || year > ChinaTime.today(clock).getYear()
                || !YearMonth.of(year, month).isBefore(YearMonth.from(ChinaTime.today(clock)))) {
            // a year beyond this one is refused before YearMonth, which cannot hold a ten-digit year
            violations.add(Violation.of("year", "NOT_ENDED", "pv.output.not-ended", year, month));
        } else if (station.connectedOn != null
                && YearMonth.of(year, month).isBefore(YearMonth.from(station.connectedOn))) {
            violations.add(
                    Violation.of("month", "BEFORE_CONNECTION", "pv.output.before-connection", station.connectedOn));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        List<PvApi.OutputView> before = outputs(stationId, year, month);
        BigDecimal generation = request.generationKwh().setScale(2);
        BigDecimal revenue = request.revenue().setScale(2);
        Instant recordedAt = clock.instant();
        outputs.recordOutput(station.id, year, month, generation, revenue, scope.subject(), recordedAt);
        publishRecorded(station, year, month, generation, revenue, recordedAt);
        PvApi.OutputView previous = before.isEmpty() ? null : before.getFirst();
        audit.changed(
                previous == null ? AuditAction.CREATE : AuditAction.UPDATE,
                "pv-monthly-output",
                station.id + "/" + year + "-" + month,
                station.villageCode,
                List.of(
                        AuditedChange.changed(
                                "generationKwh",
                                previous == null
                                        ? null
                                        : previous.generationKwh().toPlainString(),
                                generation.toPlainString()),
                        AuditedChange.changed(
                                "revenue",
                                previous == null ? null : previous.revenue().toPlainString(),
                                revenue.toPlainString())));
        return outputs(stationId, year, month).getFirst();
    }

    /** A station's months of a year (all months where {@code month} is null), in order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PvApi.OutputView> outputs(UUID stationId, int year, Integer month) {
        return outputs.outputs(stationId, year, month == null ? 1 : month, month == null ? 12 : month);
    }

    public static PvApi.StationView view(PvStation s) {
        return new PvApi.StationView(
                s.id,
                s.countyCode,
                s.villageCode,
                s.name,
                s.capacityKw,
                s.connectedOn,
                s.projectId,
                s.status,
                s.createdBy,
                s.createdAt);
    }
}
