package cn.ruralwatch.indicator.division;

import cn.ruralwatch.sql.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The facts entered for a village and year (table {@code village_facts}): every entry is a new version with the facts
 * as JSON; the current one is the version not superseded.
 */
@ApplicationScoped
public class VillageFactsRepository {

    /** One version as stored. */
    public record Stored(int version, String facts, Instant recordedAt, String recordedBy, Instant supersededAt) {}

    @Inject
    Sql sql;

    /** The versions of a village's year, newest first; only the current one when asked. */
    public List<Stored> versions(String village, int year, boolean currentOnly) {
        return sql.query("""
                        select version, cast(facts as text) as facts, recorded_at, recorded_by, superseded_at
                        from village_facts
                        where village_code = :village and year = :year and (not :currentOnly or superseded_at is null)
                        order by version desc""")
                .bind("village", village)
                .bind("year", year)
                .bind("currentOnly", currentOnly)
                .list(Stored.class);
    }

    /** The current facts (JSON) of a village's year, if any were entered. */
    public Optional<String> currentFacts(String village, int year) {
        return sql.query("""
                        select cast(facts as text) from village_facts
                        where village_code = :village and year = :year and superseded_at is null""").bind("village", village).bind("year", year).value(String.class);
    }

    /** Stores a new version; the current one (if any) is superseded at the same moment. */
    public void add(String village, int year, int version, String facts, Instant at, String actor) {
        sql.query("""
                        update village_facts set superseded_at = :at
                        where village_code = :village and year = :year and superseded_at is null""")
                .bind("village", village)
                .bind("year", year)
                .bind("at", Timestamp.from(at))
                .execute();
        sql.query("""
                        insert into village_facts (village_code, year, version, facts, recorded_at, recorded_by)
                        values (:village, :year, :version, cast(:facts as jsonb), :at, :actor)""")
                .bind("village", village)
                .bind("year", year)
                .bind("version", version)
                .bind("facts", facts)
                .bind("at", Timestamp.from(at))
                .bind("actor", actor)
                .execute();
    }
}
