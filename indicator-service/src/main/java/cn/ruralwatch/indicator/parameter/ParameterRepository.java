package cn.ruralwatch.indicator.parameter;

import cn.ruralwatch.sql.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * The values of standards' parameters by region and year (table {@code standard_parameter}): a value is current until a
 * newer value of the same name, region and year supersedes it, and stays as history.
 */
@ApplicationScoped
public class ParameterRepository {

    /** A value as stored. */
    public record Stored(
            String name,
            String regionCode,
            int year,
            BigDecimal value,
            String note,
            Instant setAt,
            String setBy,
            Instant supersededAt) {}

    @Inject
    Sql sql;

    /** Sets a value: the current one of the name, region and year (if any) is superseded at the same moment. */
    public void set(String name, String regionCode, int year, BigDecimal value, String note, Instant at, String actor) {
        sql.query("""
                        update standard_parameter set superseded_at = :at
                        where name = :name and region_code = :region and year = :year and superseded_at is null""")
                .bind("name", name)
                .bind("region", regionCode)
                .bind("year", year)
                .bind("at", Timestamp.from(at))
                .execute();
        sql.query("""
                        insert into standard_parameter (name, region_code, year, value, note, set_at, set_by)
                        values (:name, :region, :year, :value, :note, :at, :actor)""")
                .bind("name", name)
                .bind("region", regionCode)
                .bind("year", year)
                .bind("value", value)
                .bind("note", note)
                .bind("at", Timestamp.from(at))
                .bind("actor", actor)
                .execute();
    }

    /** Sets a value the suite ships, unless a value of the name, region and year is there already. */
    public void ship(String name, String regionCode, int year, BigDecimal value, String note, String actor) {
        sql.query("""
                        insert into standard_parameter (name, region_code, year, value, note, set_at, set_by)
                        select :name, :region, :year, :value, :note, now(), :actor
                        where not exists (select 1 from standard_parameter
                                          where name = :name and region_code = :region and year = :year)""")
                .bind("name", name)
                .bind("region", regionCode)
                .bind("year", year)
                .bind("value", value)
                .bind("note", note)
                .bind("actor", actor)
                .execute();
    }

    /** Values whose region overlaps the division; of one name when given (not empty), with history when asked. */
    public List<Stored> overlapping(String division, String name, boolean history) {
        return sql.query("""
                        select name, region_code, year, value, note, set_at, set_by, superseded_at
                        from standard_parameter
                        where (:division like region_code || '%' or region_code like :division || '%')
                          and (:name = '' or name = :name) and (:history or superseded_at is null)
                        order by name, region_code, year, set_at desc""")
                .bind("division", division)
                .bind("name", name == null ? "" : name)
                .bind("history", history)
                .list(Stored.class);
    }

    /** Every current value. */
    public List<ParameterValues.Value> current() {
        return sql.query("select name, region_code, year, value from standard_parameter where superseded_at is null")
                .list(ParameterValues.Value.class);
    }
}
