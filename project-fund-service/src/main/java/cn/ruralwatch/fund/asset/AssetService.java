package cn.ruralwatch.fund.asset;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.audit.AuditTrail;
import cn.ruralwatch.audit.AuditedChange;
import cn.ruralwatch.directory.HouseholdDirectory;
import cn.ruralwatch.events.AuditAction;
import cn.ruralwatch.fund.benefit.BenefitKind;
import cn.ruralwatch.fund.benefit.BenefitService;
import cn.ruralwatch.fund.project.AssetClass;
import cn.ruralwatch.fund.project.OwnerType;
import cn.ruralwatch.fund.project.ProjectService;
import cn.ruralwatch.http.EntityTags;
import cn.ruralwatch.http.IdempotencyKeys;
import cn.ruralwatch.http.NativeValues;
import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.ProblemType;
import cn.ruralwatch.problem.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Project assets 扶贫项目资产 after registration: their revenue 资产收益 and its distribution to households (each share
 * a benefit of the household), and disposal 资产处置, after which an asset takes no more revenue.
 */
@ApplicationScoped
@Transactional
public class AssetService {

    private static final String COLUMNS = """
            a.id, a.project_id, a.county_code, a.name, a.asset_class, a.owner_type, a.owner_division_code,
            a.owner_household_id, a.value, a.registered_on, a.status,
            (select coalesce(sum(r.amount), 0) from asset_revenue r where r.asset_id = a.id),
            (select coalesce(sum(r.distributed), 0) from asset_revenue r where r.asset_id = a.id),
            a.disposed_on, a.disposal_method, a.disposal_proceeds, a.disposal_reason, a.version
            """;

    @Inject
    EntityManager entityManager;

    @Inject
    HouseholdDirectory directory;

    @Inject
    BenefitService benefits;

    @Inject
    IdempotencyKeys idempotencyKeys;

    @Inject
    AuditTrail audit;

    @Inject
    CallerScope scope;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AssetApi.AssetView> list(String division, AssetClass assetClass, String status, PageRequest page) {
        String prefix = scope.narrow(division)
                .orElseThrow(() -> ProblemException.notFound("fund.division.not-found", division));
        String where = " where a.owner_division_code like ?1 and (?2 = '' or a.asset_class = ?2)"
                + " and (?3 = '' or a.status = ?3)";
        List<Object> parameters =
                List.of(prefix + "%", assetClass == null ? "" : assetClass.name(), status == null ? "" : status);
        var count = entityManager.createNativeQuery("select count(*) from project_asset a" + where);
        var select = entityManager.createNativeQuery("select " + COLUMNS + " from project_asset a" + where
                + " order by a.owner_division_code, a.registered_on, a.id");
        NativeValues.bind(parameters, count, select);
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                select.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        return page.page(
                rows.stream().map(AssetService::view).toList(), ((Number) count.getSingleResult()).longValue());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AssetApi.AssetView get(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("select " + COLUMNS + " from project_asset a where a.id = ?1")
                .setParameter(1, id)
                .getResultList();
        AssetApi.AssetView asset =
                rows.stream().findFirst().map(AssetService::view).orElse(null);
        if (asset == null || !scope.covers(asset.ownerDivisionCode())) {
            throw ProblemException.notFound("asset.not-found", id);
        }
        return asset;
    }

    /** Records an operating asset's revenue and what of it goes to which household. */
    public AssetApi.RevenueView recordRevenue(UUID assetId, AssetApi.RevenueRequest request, String idempotencyKey) {
        String id = idempotencyKeys
                .once("asset-revenue", idempotencyKey, new Keyed(assetId, request), () -> insertRevenue(
                                assetId, request)
                        .toString())
                .resourceId();
        return revenues(assetId, UUID.fromString(id)).getFirst();
    }

    /** The request as the idempotency key identifies it: the same body for another asset is another request. */
    record Keyed(UUID assetId, AssetApi.RevenueRequest request) {}

    private UUID insertRevenue(UUID assetId, AssetApi.RevenueRequest request) {
        AssetApi.AssetView asset = lock(assetId);
        if (!"ACTIVE".equals(asset.status())) {
            throw ProblemException.conflict("asset.disposed", asset.name(), asset.disposedOn());
        }
        if (asset.assetClass() != AssetClass.OPERATING) {
            throw ProblemException.conflict("asset.revenue.not-operating", asset.name(), asset.assetClass());
        }
        List<Violation> invalid = new ArrayList<>();
        LocalDate today = LocalDate.now(ProjectService.CHINA);
        if (request.receivedOn().isAfter(today)) {
            invalid.add(Violation.of("receivedOn", "FUTURE", "project.date.future", request.receivedOn()));
        }
        if (request.year() < asset.registeredOn().getYear() || request.year() > today.getYear()) {
            invalid.add(Violation.of(
                    "year",
                    "OUT_OF_RANGE",
                    "asset.revenue.year",
                    asset.registeredOn().getYear(),
                    today.getYear()));
        }
        List<AssetApi.ShareRequest> shares = request.shares() == null ? List.of() : request.shares();
        Set<UUID> seen = new HashSet<>();
        BigDecimal distributed = BigDecimal.ZERO.setScale(2);
        for (int i = 0; i < shares.size(); i++) {
            AssetApi.ShareRequest share = shares.get(i);
            String field = "shares[" + i + "].householdId";
            if (!seen.add(share.householdId())) {
                invalid.add(Violation.of(field, "DUPLICATE", "project.beneficiary.duplicate", share.householdId()));
            } else if (directory
                    .villageOf(share.householdId())
                    .filter(v -> v.startsWith(asset.countyCode()) && scope.covers(v))
                    .isEmpty()) {
                invalid.add(Violation.of(field, "UNKNOWN_HOUSEHOLD", "fund.household.unknown", share.householdId()));
            }
            distributed = distributed.add(share.amount().setScale(2));
        }
        if (!invalid.isEmpty()) {
            throw ProblemException.invalid(invalid);
        }
        BigDecimal amount = request.amount().setScale(2);
        if (distributed.compareTo(amount) > 0) {
            throw new ProblemException(
                    ProblemType.UNPROCESSABLE,
                    "asset.revenue.rules-broken",
                    List.of(1),
                    List.of(Violation.of(
                            "shares",
                            "EXCEEDS_REVENUE",
                            "asset.revenue.exceeds",
                            distributed.toPlainString(),
                            amount.toPlainString())));
        }
        UUID id = UUID.randomUUID();
        entityManager
                .createNativeQuery("""
                        insert into asset_revenue (id, asset_id, revenue_year, amount, received_on, note, distributed,
                                                   recorded_by, recorded_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                        """)
                .setParameter(1, id)
                .setParameter(2, assetId)
                .setParameter(3, request.year())
                .setParameter(4, amount)
                .setParameter(5, Date.valueOf(request.receivedOn()))
                .setParameter(6, request.note())
                .setParameter(7, distributed)
                .setParameter(8, scope.subject())
                .setParameter(9, Timestamp.from(Instant.now()))
                .executeUpdate();
        List<BenefitService.Grant> grants = new ArrayList<>();
        for (AssetApi.ShareRequest share : shares) {
            entityManager
                    .createNativeQuery(
                            "insert into asset_revenue_share (revenue_id, household_id, amount) values (?1, ?2, ?3)")
                    .setParameter(1, id)
                    .setParameter(2, share.householdId())
                    .setParameter(3, share.amount().setScale(2))
                    .executeUpdate();
            grants.add(new BenefitService.Grant(
                    share.householdId(),
                    null,
                    BenefitKind.ASSET_REVENUE,
                    share.amount().setScale(2),
                    "资产收益分配：" + asset.name()));
        }
        benefits.grantFrom("asset-revenue:" + id, request.year(), request.receivedOn(), grants);
        audit.changed(
                AuditAction.CREATE,
                "asset-revenue",
                id.toString(),
                asset.ownerDivisionCode(),
                List.of(
                        AuditedChange.created("assetId", assetId),
                        AuditedChange.created("year", request.year()),
                        AuditedChange.created("amount", amount.toPlainString()),
                        AuditedChange.created("distributed", distributed.toPlainString())));
        return id;
    }

    /** An asset's revenues (one where {@code revenueId} is given), oldest first, with their shares. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AssetApi.RevenueView> revenues(UUID assetId, UUID revenueId) {
        AssetApi.AssetView asset = get(assetId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("""
                        select id, revenue_year, amount, received_on, note, distributed, recorded_by, recorded_at
                        from asset_revenue where asset_id = ?1 and (?2 = '' or id = cast(nullif(?2, '') as uuid))
                        order by revenue_year, received_on, recorded_at
                        """)
                .setParameter(1, assetId)
                .setParameter(2, revenueId == null ? "" : revenueId.toString())
                .getResultList();
        // the shares of all the asset's revenues in one query
        @SuppressWarnings("unchecked")
        List<Object[]> shareRows =
                entityManager.createNativeQuery("""
                        select s.revenue_id, s.household_id, s.amount from asset_revenue_share s
                        join asset_revenue r on r.id = s.revenue_id
                        where r.asset_id = ?1 order by s.revenue_id, s.household_id
                        """).setParameter(1, assetId).getResultList();
        Map<UUID, List<AssetApi.Share>> shares = new HashMap<>();
        shareRows.forEach(s -> shares.computeIfAbsent((UUID) s[0], id -> new ArrayList<>())
                .add(new AssetApi.Share((UUID) s[1], (BigDecimal) s[2])));
        List<AssetApi.RevenueView> revenues = new ArrayList<>();
        for (Object[] r : rows) {
            UUID id = (UUID) r[0];
            BigDecimal amount = (BigDecimal) r[2];
            revenues.add(new AssetApi.RevenueView(
                    id,
                    assetId,
                    ((Number) r[1]).intValue(),
                    amount,
                    NativeValues.date(r[3]),
                    (String) r[4],
                    asset.value().signum() == 0
                            ? null
                            : amount.multiply(BigDecimal.valueOf(100)).divide(asset.value(), 2, RoundingMode.HALF_UP),
                    (BigDecimal) r[5],
                    List.copyOf(shares.getOrDefault(id, List.of())),
                    (String) r[6],
                    NativeValues.instant(r[7])));
        }
        return revenues;
    }

    /** Disposes of an asset (移交, 拍卖, 报废…); it takes no more revenue. */
    public AssetApi.AssetView dispose(UUID assetId, String ifMatch, AssetApi.Disposal disposal) {
        AssetApi.AssetView asset = lock(assetId);
        EntityTags.requireMatch(ifMatch, asset.version());
        if (!"ACTIVE".equals(asset.status())) {
            throw ProblemException.conflict("asset.disposed", asset.name(), asset.disposedOn());
        }
        List<Violation> invalid = new ArrayList<>();
        if (disposal.disposedOn().isAfter(LocalDate.now(ProjectService.CHINA))) {
            invalid.add(Violation.of("disposedOn", "FUTURE", "project.date.future", disposal.disposedOn()));
        }
        if (disposal.disposedOn().isBefore(asset.registeredOn())) {
            invalid.add(
                    Violation.of("disposedOn", "BEFORE_REGISTRATION", "asset.disposal.before", asset.registeredOn()));
        }
        if (!invalid.isEmpty()) {
            throw ProblemException.invalid(invalid);
        }
        entityManager
                .createNativeQuery("""
                        update project_asset set status = 'DISPOSED', disposed_on = ?2, disposal_method = ?3,
                               disposal_reason = ?4, disposal_proceeds = ?5, disposed_by = ?6, version = version + 1
                        where id = ?1
                        """)
                .setParameter(1, assetId)
                .setParameter(2, Date.valueOf(disposal.disposedOn()))
                .setParameter(3, disposal.method().name())
                .setParameter(4, disposal.reason().strip())
                .setParameter(5, disposal.proceeds().setScale(2))
                .setParameter(6, scope.subject())
                .executeUpdate();
        audit.changed(
                AuditAction.UPDATE,
                "project-asset",
                assetId.toString(),
                asset.ownerDivisionCode(),
                List.of(
                        AuditedChange.changed("status", "ACTIVE", "DISPOSED"),
                        AuditedChange.changed("disposedOn", null, disposal.disposedOn()),
                        AuditedChange.changed("disposalMethod", null, disposal.method()),
                        AuditedChange.changed(
                                "disposalProceeds",
                                null,
                                disposal.proceeds().setScale(2).toPlainString())));
        return get(assetId);
    }

    /** The asset with its row locked for the change that follows. */
    private AssetApi.AssetView lock(UUID assetId) {
        entityManager
                .createNativeQuery("select id from project_asset where id = ?1 for update")
                .setParameter(1, assetId)
                .getResultList();
        return get(assetId);
    }

    private static AssetApi.AssetView view(Object[] r) {
        return new AssetApi.AssetView(
                (UUID) r[0],
                (UUID) r[1],
                (String) r[2],
                (String) r[3],
                AssetClass.valueOf((String) r[4]),
                OwnerType.valueOf((String) r[5]),
                (String) r[6],
                (UUID) r[7],
                (BigDecimal) r[8],
                NativeValues.date(r[9]),
                (String) r[10],
                ((BigDecimal) r[11]).setScale(2),
                ((BigDecimal) r[12]).setScale(2),
                NativeValues.date(r[13]),
                r[14] == null ? null : AssetApi.DisposalMethod.valueOf((String) r[14]),
                (BigDecimal) r[15],
                (String) r[16],
                ((Number) r[17]).longValue());
    }
}
