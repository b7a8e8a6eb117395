package cn.ruralwatch.fund.project;

import cn.ruralwatch.sql.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The assets a project registers at its step 资产确权 (table {@code project_asset}); from then on they are the assets'
 * own (revenue, disposal).
 */
@ApplicationScoped
public class ProjectAssets {

    /** An asset registered as a project's step 资产确权. */
    public record NewAsset(
            UUID id,
            UUID projectId,
            String countyCode,
            String name,
            AssetClass assetClass,
            OwnerType ownerType,
            String ownerDivisionCode,
            UUID ownerHouseholdId,
            BigDecimal value,
            LocalDate registeredOn) {}

    @Inject
    Sql sql;

    /** Registers one asset of the project. */
    public void insert(NewAsset asset) {
        sql.query("""
                        insert into project_asset (id, project_id, county_code, name, asset_class, owner_type,
                                                   owner_division_code, owner_household_id, value, registered_on)
                        values (:id, :project, :county, :name, :assetClass, :ownerType, :ownerDivision, :ownerHousehold,
                                :value, :registeredOn)
                        """)
                .bind("id", asset.id())
                .bind("project", asset.projectId())
                .bind("county", asset.countyCode())
                .bind("name", asset.name())
                .bind("assetClass", asset.assetClass().name())
                .bind("ownerType", asset.ownerType().name())
                .bind("ownerDivision", asset.ownerDivisionCode())
                .bind("ownerHousehold", asset.ownerHouseholdId())
                .bind("value", asset.value())
                .bind("registeredOn", Date.valueOf(asset.registeredOn()))
                .execute();
    }
}
