package cn.ruralwatch.fund.driver;

import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.sql.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The 带动主体 and the households they cover (tables {@code industry_driver}, {@code industry_driver_household}). */
@ApplicationScoped
public class IndustryDriverRepository {

    /** A driver as stored, with its division's name and what it covers. */
    public record Stored(
            UUID id,
            String divisionCode,
            String divisionName,
            IndustryDriverApi.Kind kind,
            String name,
            String industry,
            Integer registeredYear,
            long households,
            long poorOrMonitoredHouseholds,
            long version,
            Instant createdAt,
            String createdBy) {}

    record KindRow(IndustryDriverApi.Kind kind, long drivers, long households) {}

    record Covered(long households, long poorOrMonitoredHouseholds) {}

    private static final String STORED = """
            select d.id, d.division_code, k.name as division_name, d.kind, d.name, d.industry, d.registered_year,
                   (select count(*) from industry_driver_household h where h.driver_id = d.id) as households,
                   (select count(*) from industry_driver_household h join known_household_facts f using (household_id)
                     where h.driver_id = d.id
                       and (f.monitored or f.poverty_status in ('NOT_EXITED', 'PLANNED_EXIT', 'EXITED')))
                       as poor_or_monitored_households,
                   d.version, d.created_at, d.created_by
            from industry_driver d left join known_division k on k.code = d.division_code""";

    @Inject
    Sql sql;

    public void insert(UUID id, String county, IndustryDriverApi.Registration r, Instant at, String actor) {
        sql.query("""
                        insert into industry_driver (id, county_code, division_code, kind, name, industry,
                                                     registered_year, created_at, created_by)
                        values (:id, :county, :division, :kind, :name, :industry, :year, :at, :actor)""")
                .bind("id", id)
                .bind("county", county)
                .bind("division", r.divisionCode())
                .bind("kind", r.kind().name())
                .bind("name", r.name().trim())
                .bind("industry", r.industry())
                .bind("year", r.registeredYear())
                .bind("at", Timestamp.from(at))
                .bind("actor", actor)
                .execute();
    }

    public Optional<Stored> find(UUID id, String region) {
        return sql.query(STORED + " where d.id = :id and d.division_code like :region || '%'")
                .bind("id", id)
                .bind("region", region)
                .first(Stored.class);
    }

    public Page<Stored> list(String region, IndustryDriverApi.Kind kind, PageRequest page) {
        return sql.query(
                        STORED + " where d.division_code like :region || '%'"
                                + " and (cast(:kind as text) is null or d.kind = :kind) order by d.division_code, d.kind, d.name")
                .bind("region", region)
                .bind("kind", kind == null ? null : kind.name())
                .page(Stored.class, page);
    }

    public List<UUID> households(UUID driver) {
        return sql.query("select household_id from industry_driver_household where driver_id = :driver order by 1")
                .bind("driver", driver)
                .column(UUID.class);
    }

    /** Replaces the households a driver covers and counts a new version of it. */
    public void replaceHouseholds(UUID driver, List<UUID> households, List<String> villages) {
        sql.query("delete from industry_driver_household where driver_id = :driver")
                .bind("driver", driver)
                .execute();
        if (!households.isEmpty()) {
            sql.query("""
                            insert into industry_driver_household (driver_id, household_id, village_code)
                            select :driver, h, v from unnest(cast(:households as uuid[]), cast(:villages as text[])) as x(h, v)""")
                    .bind("driver", driver)
                    .bind("households", households.toArray(UUID[]::new))
                    .bind("villages", villages.toArray(String[]::new))
                    .execute();
        }
        sql.query("update industry_driver set version = version + 1 where id = :driver")
                .bind("driver", driver)
                .execute();
    }

    public List<KindRow> byKind(String region) {
        return sql.query("""
                        select d.kind, count(distinct d.id) as drivers, count(distinct h.household_id) as households
                        from industry_driver d left join industry_driver_household h on h.driver_id = d.id
                        where d.division_code like :region || '%' group by d.kind order by d.kind""").bind("region", region).list(KindRow.class);
    }

    public Covered covered(String region) {
        return sql.query("""
                        select count(distinct h.household_id) as households,
                               count(distinct h.household_id) filter (
                                   where f.monitored or f.poverty_status in ('NOT_EXITED', 'PLANNED_EXIT', 'EXITED'))
                                   as poor_or_monitored_households
                        from industry_driver d join industry_driver_household h on h.driver_id = d.id
                        left join known_household_facts f on f.household_id = h.household_id
                        where d.division_code like :region || '%'""").bind("region", region).first(Covered.class).orElseThrow();
    }
}
