package cn.ruralwatch.fund.fund;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.audit.AuditTrail;
import cn.ruralwatch.audit.AuditedChange;
import cn.ruralwatch.directory.HouseholdDirectory;
import cn.ruralwatch.events.AuditAction;
import cn.ruralwatch.events.EventTypes;
import cn.ruralwatch.events.FundBatchRegistered;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.http.IdempotencyKeys;
import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.http.TransactionLocks;
import cn.ruralwatch.messaging.Outbox;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Registers linkage-fund batches for counties the suite knows. */
@ApplicationScoped
@Transactional
public class FundBatchService {

    @Inject
    Clock clock;

    @Inject
    EntityManager entityManager;

    @Inject
    FundBatchRepository repository;

    @Inject
    Outbox outbox;

    @Inject
    IdempotencyKeys idempotencyKeys;

    @Inject
    HouseholdDirectory directory;

    @Inject
    CallerScope scope;

    @Inject
    AuditTrail audit;

    public FundBatch register(FundBatchApi.Registration request, String idempotencyKey) {
        String id = idempotencyKeys
                .once("fund-batch", idempotencyKey, request, () -> create(request)
                        .id
                        .toString())
                .resourceId();
        return get(UUID.fromString(id));
    }

    private FundBatch create(FundBatchApi.Registration request) {
        boolean knownCounty = scope.covers(request.countyCode())
                && directory
                        .division(request.countyCode())
                        .filter(d -> "COUNTY".equals(d.level))
                        .isPresent();
        if (!knownCounty) {
            throw ProblemException.invalid(
                    Violation.of("countyCode", "UNKNOWN_COUNTY", "fund.county.unknown", request.countyCode()));
        }
        // the same batch registered twice at the same moment: the second waits and finds the first (409) instead of
        // failing on the unique index
        TransactionLocks.lock(
                entityManager,
                "fund-batch:" + request.countyCode() + ":" + request.sourceLevel() + ":" + request.year() + ":"
                        + request.batchNumber());
        long duplicates = entityManager
                .createQuery(
                        "select count(b) from FundBatch b where b.countyCode = :county and b.sourceLevel = :level and b.year = :year and b.batchNumber = :batch",
                        Long.class)
                .setParameter("county", request.countyCode())
                .setParameter("level", request.sourceLevel())
                .setParameter("year", request.year())
                .setParameter("batch", request.batchNumber())
                .getSingleResult();
        if (duplicates > 0) {
            throw ProblemException.conflict(List.of(Violation.of(
                    "batchNumber",
                    "ALREADY_REGISTERED",
                    "fund.batch.exists",
                    request.year(),
                    request.sourceLevel(),
                    request.batchNumber())));
        }
        FundBatch batch = new FundBatch();
        batch.id = UUID.randomUUID();
        batch.countyCode = request.countyCode();
        batch.sourceLevel = request.sourceLevel();
        batch.year = request.year();
        batch.batchNumber = request.batchNumber();
        batch.amount = request.amount().setScale(2, RoundingMode.UNNECESSARY);
        batch.documentNumber = request.documentNumber();
        batch.purpose = request.purpose();
        batch.registeredAt = clock.instant();
        batch.allocated = BigDecimal.ZERO.setScale(2);
        entityManager.persist(batch);
        outbox.publish(
                Topics.FUND_EVENTS,
                "fund-batch",
                batch.id.toString(),
                EventTypes.FUND_BATCH_REGISTERED,
                new FundBatchRegistered(
                        batch.id.toString(),
                        batch.sourceLevel.name(),
                        batch.year,
                        batch.batchNumber,
                        batch.amount,
                        batch.countyCode));
        audit.changed(
                AuditAction.CREATE,
                "fund-batch",
                batch.id.toString(),
                batch.countyCode,
                List.of(
                        AuditedChange.created("countyCode", batch.countyCode),
                        AuditedChange.created("sourceLevel", batch.sourceLevel),
                        AuditedChange.created("year", batch.year),
                        AuditedChange.created("batchNumber", batch.batchNumber),
                        AuditedChange.created("amount", batch.amount.toPlainString()),
                        AuditedChange.created("documentNumber", batch.documentNumber),
                        AuditedChange.created("purpose", batch.purpose)));
        return batch;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public FundBatch get(UUID id) {
        FundBatch batch = entityManager.find(FundBatch.class, id);
        if (batch == null || !scope.covers(batch.countyCode)) {
            throw ProblemException.notFound("fund.batch.not-found", id);
        }
        return batch;
    }

    /** The batches as views, with what has been disbursed from each. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<FundBatchApi.FundBatchView> views(List<FundBatch> batches) {
        if (batches.isEmpty()) {
            return List.of();
        }
        Map<UUID, BigDecimal> disbursed =
                repository.disbursed(batches.stream().map(b -> b.id).toList());
        return batches.stream()
                .map(b -> FundBatchApi.FundBatchView.of(b, disbursed.getOrDefault(b.id, BigDecimal.ZERO.setScale(2))))
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<FundBatch> list(String county, Integer year, PageRequest page) {
        if (county != null && !scope.covers(county)) {
            throw ProblemException.notFound("fund.county.not-found", county);
        }
        // batches belong to a county: a caller whose region is a township or village sees none
        StringBuilder where = new StringBuilder(" where b.countyCode like :scope");
        if (county != null) {
            where.append(" and b.countyCode = :county");
        }
        if (year != null) {
            where.append(" and b.year = :year");
        }
        var items = entityManager.createQuery(
                "from FundBatch b" + where + " order by b.year desc, b.sourceLevel, b.batchNumber", FundBatch.class);
        var total = entityManager.createQuery("select count(b) from FundBatch b" + where, Long.class);
        items.setParameter("scope", scope.division() + "%");
        total.setParameter("scope", scope.division() + "%");
        if (county != null) {
            items.setParameter("county", county);
            total.setParameter("county", county);
        }
        if (year != null) {
            items.setParameter("year", year);
            total.setParameter("year", year);
        }
        return page.page(
                items.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList(),
                total.getSingleResult());
    }
}
