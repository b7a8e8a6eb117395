package cn.ruralwatch.fund.asset;

import cn.ruralwatch.fund.project.AssetClass;
import cn.ruralwatch.fund.project.OwnerType;
import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.sql.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Project assets ({@code project_asset}), their revenues and the revenues' shares to households. */
@ApplicationScoped
public class AssetRepository {

    /** An asset with the sums of its revenues and of what they distributed. */
    public record AssetRow(
            UUID id,
            UUID projectId,
            String countyCode,
            String name,
            AssetClass assetClass,
            OwnerType ownerType,
            String ownerDivisionCode,
            UUID ownerHouseholdId,
            BigDecimal value,
            LocalDate registeredOn,
            String status,
            BigDecimal revenueTotal,
            BigDecimal distributedTotal,
            LocalDate disposedOn,
            AssetApi.DisposalMethod disposalMethod,
            BigDecimal disposalProceeds,
            String disposalReason,
            long version) {

        AssetApi.AssetView view() {
            return new AssetApi.AssetView(
                    id,
                    projectId,
                    countyCode,
                    name,
                    assetClass,
                    ownerType,
                    ownerDivisionCode,
                    ownerHouseholdId,
                    value,
                    registeredOn,
                    status,
                    revenueTotal.setScale(2),
                    distributedTotal.setScale(2),
                    disposedOn,
                    disposalMethod,
                    disposalProceeds,
                    disposalReason,
                    version);
        }
    }

    /** A revenue of an asset, without its shares. */
    public record RevenueRow(
            UUID id,
            int revenueYear,
            BigDecimal amount,
            LocalDate receivedOn,
            String note,
            BigDecimal distributed,
            String recordedBy,
            Instant recordedAt) {}

    /** What one household got of a revenue. */
    public record ShareRow(UUID revenueId, UUID householdId, BigDecimal amount) {}

    /** A revenue as recorded. */
    public record NewRevenue(
            UUID id,
            UUID assetId,
            int revenueYear,
            BigDecimal amount,
            LocalDate receivedOn,
            String note,
            BigDecimal distributed,
            String recordedBy,
            Instant recordedAt) {}

    private static final String ASSET = """
            select a.id, a.project_id, a.county_code, a.name, a.asset_class, a.owner_type, a.owner_division_code,
                   a.owner_household_id, a.value, a.registered_on, a.status,
                   (select coalesce(sum(r.amount), 0) from asset_revenue r where r.asset_id = a.id) as revenue_total,
                   (select coalesce(sum(r.distributed), 0) from asset_revenue r where r.asset_id = a.id)
                       as distributed_total,
                   a.disposed_on, a.disposal_method, a.disposal_proceeds, a.disposal_reason, a.version
            from project_asset a
            """;

    @Inject
    Sql sql;

    /** The assets owned within a division (by code prefix), of a class and status when given. */
    public Page<AssetRow> page(String divisionPrefix, AssetClass assetClass, String status, PageRequest page) {
        return sql.query(ASSET + """
                        where a.owner_division_code like :prefix
                          and (:assetClass = '' or a.asset_class = :assetClass) and (:status = '' or a.status = :status)
                        order by a.owner_division_code, a.registered_on, a.id
                        """)
                .bind("prefix", divisionPrefix + "%")
                .bind("assetClass", assetClass == null ? "" : assetClass.name())
                .bind("status", status == null ? "" : status)
                .page(AssetRow.class, page);
    }

    public Optional<AssetRow> find(UUID id) {
        return sql.query(ASSET + " where a.id = :id").bind("id", id).first(AssetRow.class);
    }

    /** Locks the asset's row for the change that follows. */
    public void lock(UUID id) {
        sql.query("select id from project_asset where id = :id for update")
                .bind("id", id)
                .column(UUID.class);
    }

    /** Marks an asset disposed of; its version moves on. */
    public void dispose(
            UUID id,
            LocalDate disposedOn,
            AssetApi.DisposalMethod method,
            String reason,
            BigDecimal proceeds,
            String disposedBy) {
        sql.query("""
                        update project_asset set status = 'DISPOSED', disposed_on = :disposedOn, disposal_method = :method,
                               disposal_reason = :reason, disposal_proceeds = :proceeds, disposed_by = :disposedBy,
                               version = version + 1
                        where id = :id
                        """)
                .bind("id", id)
                .bind("disposedOn", Date.valueOf(disposedOn))
                .bind("method", method.name())
                .bind("reason", reason)
                .bind("proceeds", proceeds)
                .bind("disposedBy", disposedBy)
                .execute();
    }

    public void insertRevenue(NewRevenue revenue) {
        sql.query("""
                        insert into asset_revenue (id, asset_id, revenue_year, amount, received_on, note, distributed,
                                                   recorded_by, recorded_at)
                        values (:id, :asset, :year, :amount, :receivedOn, :note, :distributed, :recordedBy, :recordedAt)
                        """)
                .bind("id", revenue.id())
                .bind("asset", revenue.assetId())
                .bind("year", revenue.revenueYear())
                .bind("amount", revenue.amount())
                .bind("receivedOn", Date.valueOf(revenue.receivedOn()))
                .bind("note", revenue.note())
                .bind("distributed", revenue.distributed())
                .bind("recordedBy", revenue.recordedBy())
                .bind("recordedAt", Timestamp.from(revenue.recordedAt()))
                .execute();
    }

    public void insertShare(UUID revenueId, UUID householdId, BigDecimal amount) {
        sql.query(
                        "insert into asset_revenue_share (revenue_id, household_id, amount) values (:revenue, :household, :amount)")
                .bind("revenue", revenueId)
                .bind("household", householdId)
                .bind("amount", amount)
                .execute();
    }

    /** An asset's revenues (only {@code revenueId} when given), oldest first. */
    public List<RevenueRow> revenues(UUID assetId, UUID revenueId) {
        return sql.query("""
                        select id, revenue_year, amount, received_on, note, distributed, recorded_by, recorded_at
                        from asset_revenue
                        where asset_id = :asset and (:revenue = '' or id = cast(nullif(:revenue, '') as uuid))
                        order by revenue_year, received_on, recorded_at
                        """)
                .bind("asset", assetId)
                .bind("revenue", revenueId == null ? "" : revenueId.toString())
                .list(RevenueRow.class);
    }

    /** The shares of all an asset's revenues, by revenue and household. */
    public List<ShareRow> shares(UUID assetId) {
        return sql.query("""
                        select s.revenue_id, s.household_id, s.amount from asset_revenue_share s
                        join asset_revenue r on r.id = s.revenue_id
                        where r.asset_id = :asset order by s.revenue_id, s.household_id
                        """).bind("asset", assetId).list(ShareRow.class);
    }
}
