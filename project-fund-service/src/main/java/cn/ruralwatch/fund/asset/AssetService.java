package cn.ruralwatch.fund.asset;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.audit.AuditTrail;
import cn.ruralwatch.audit.AuditedChange;
import cn.ruralwatch.directory.HouseholdDirectory;
import cn.ruralwatch.events.AuditAction;
import cn.ruralwatch.fund.benefit.BenefitKind;
import cn.ruralwatch.fund.benefit.BenefitService;
import cn.ruralwatch.fund.project.AssetClass;
import cn.ruralwatch.http.EntityTags;
import cn.ruralwatch.http.IdempotencyKeys;
import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.ProblemType;
import cn.ruralwatch.problem.Violation;
import cn.ruralwatch.time.ChinaTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
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

    @Inject
    Clock clock;

    @Inject
    AssetRepository assets;

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
        return assets.page(prefix, assetClass, status, page).map(AssetRepository.AssetRow::view);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AssetApi.AssetView get(UUID id) {
        AssetApi.AssetView asset =
                assets.find(id).map(AssetRepository.AssetRow::view).orElse(null);
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
        LocalDate today = ChinaTime.today(clock);
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
        assets.insertRevenue(new AssetRepository.NewRevenue(
                id,
                assetId,
                request.year(),
                amount,
                request.receivedOn(),
                request.note(),
                distributed,
                scope.subject(),
                clock.instant()));
        List<BenefitService.Grant> grants = new ArrayList<>();
        for (AssetApi.ShareRequest share : shares) {
            assets.insertShare(id, share.householdId(), share.amount().setScale(2));
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
        Map<UUID, List<AssetApi.Share>> shares = new HashMap<>();
        assets.shares(assetId).forEach(share -> shares.computeIfAbsent(share.revenueId(), id -> new ArrayList<>())
                .add(new AssetApi.Share(share.householdId(), share.amount())));
        List<AssetApi.RevenueView> revenues = new ArrayList<>();
        for (AssetRepository.RevenueRow row : assets.revenues(assetId, revenueId)) {
            revenues.add(new AssetApi.RevenueView(
                    row.id(),
                    assetId,
                    row.revenueYear(),
                    row.amount(),
                    row.receivedOn(),
                    row.note(),
                    asset.value().signum() == 0
                            ? null
                            : row.amount()
                                    .multiply(BigDecimal.valueOf(100))
                                    .divide(asset.value(), 2, RoundingMode.HALF_UP),
                    row.distributed(),
                    List.copyOf(shares.getOrDefault(row.id(), List.of())),
                    row.recordedBy(),
                    row.recordedAt()));
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
        if (disposal.disposedOn().isAfter(ChinaTime.today(clock))) {
            invalid.add(Violation.of("disposedOn", "FUTURE", "project.date.future", disposal.disposedOn()));
        }
        if (disposal.disposedOn().isBefore(asset.registeredOn())) {
            invalid.add(
                    Violation.of("disposedOn", "BEFORE_REGISTRATION", "asset.disposal.before", asset.registeredOn()));
        }
        if (!invalid.isEmpty()) {
            throw ProblemException.invalid(invalid);
        }
        assets.dispose(
                assetId,
                disposal.disposedOn(),
                disposal.method(),
                disposal.reason().strip(),
                disposal.proceeds().setScale(2),
                scope.subject());
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
        assets.lock(assetId);
        return get(assetId);
    }
}
