package cn.ruralwatch.indicator.standard;

import cn.ruralwatch.events.StandardStatusSet;
import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.indicator.rules.StandardDefinition;
import cn.ruralwatch.sql.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The versions of indicator standards (table {@code indicator_standard}): each save of a code is a new version with its
 * whole definition as JSON; a version is ACTIVE until it is retired.
 */
@ApplicationScoped
public class StandardRepository {

    /** The latest version of a code, as listed. */
    public record Summary(
            String code,
            int version,
            String name,
            String regionCode,
            String level,
            LocalDate validFrom,
            LocalDate validTo,
            String status) {}

    /** One stored version with its definition (JSON). */
    public record Stored(
            UUID id,
            String code,
            int version,
            String regionCode,
            String status,
            Instant createdAt,
            String createdBy,
            String definition) {}

    /** One version without its definition. */
    public record Version(int version, String status, Instant createdAt, String createdBy) {}

    @Inject
    Sql sql;

    /** The highest version of a code, 0 for a new one. */
    public int latestVersion(String code) {
        return (int) sql.query("select coalesce(max(version), 0) from indicator_standard where code = :code")
                .bind("code", code)
                .count();
    }

    /** Stores a new ACTIVE version. */
    public void insert(
            UUID id, int version, StandardDefinition definition, String definitionJson, Instant at, String actor) {
        sql.query("""
                        insert into indicator_standard (id, code, version, name, region_code, level, valid_from, valid_to,
                                                        status, definition, created_at, created_by, status_set_at)
                        values (:id, :code, :version, :name, :region, :level, :validFrom, :validTo, 'ACTIVE',
                                cast(:definition as jsonb), :at, :actor, :at)""")
                .bind("id", id)
                .bind("code", definition.code())
                .bind("version", version)
                .bind("name", definition.name())
                .bind("region", definition.regionCode())
                .bind("level", definition.level().name())
                .bind("validFrom", Date.valueOf(definition.validFrom()))
                .bind("validTo", definition.validTo() == null ? null : Date.valueOf(definition.validTo()))
                .bind("definition", definitionJson)
                .bind("at", Timestamp.from(at))
                .bind("actor", actor)
                .execute();
    }

    /** A version of a code, the latest when {@code version} is null. */
    public Optional<Stored> find(String code, Integer version) {
        return sql.query("""
                        select id, code, version, region_code, status, created_at, created_by,
                               cast(definition as text) as definition
                        from indicator_standard where code = :code and (:version = 0 or version = :version)
                        order by version desc limit 1""")
                .bind("code", code)
                .bind("version", version == null ? 0 : version)
                .first(Stored.class);
    }

    /** The latest version of every code, retired ones included. */
    public List<Stored> latestOfEach() {
        return sql.query("""
                        select distinct on (code) id, code, version, region_code, status, created_at, created_by,
                               cast(definition as text) as definition
                        from indicator_standard order by code, version desc""").list(Stored.class);
    }

    /** The latest version of every code whose region overlaps the division, by region and code. */
    public Page<Summary> latestOverlapping(String division, PageRequest page) {
        return sql.query("""
                        select * from (
                            select distinct on (code) code, version, name, region_code, level, valid_from, valid_to, status
                            from indicator_standard
                            where (:division like region_code || '%' or region_code like :division || '%')
                            order by code, version desc) s
                        order by region_code, code""").bind("division", division).page(Summary.class, page);
    }

    /** Every version of a code, newest first. */
    public List<Version> versions(String code) {
        return sql.query("""
                        select version, status, created_at, created_by from indicator_standard
                        where code = :code order by version desc""").bind("code", code).list(Version.class);
    }

    /** Marks a version RETIRED (unless it is already). */
    public void retire(String code, int version, Instant at) {
        sql.query("""
                        update indicator_standard set status = 'RETIRED', status_set_at = :at
                        where code = :code and version = :version and status <> 'RETIRED'""")
                .bind("code", code)
                .bind("version", version)
                .bind("at", Timestamp.from(at))
                .execute();
    }

    /** The status of the latest version of one code, or of every code when {@code code} is null. */
    public List<StandardStatusSet> statuses(String code) {
        return sql.query("""
                        select distinct on (code) code, version, name, region_code, level, status, status_set_at
                        from indicator_standard where cast(:code as text) is null or code = :code
                        order by code, version desc""").bind("code", code).list(StandardStatusSet.class);
    }
}
