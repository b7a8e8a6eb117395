package cn.ruralwatch.indicator.households;

import cn.ruralwatch.events.DivisionPopulationSet;
import cn.ruralwatch.sql.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The population figures of divisions by year (户籍人口, 农业人口, 户数) as household-service sets them: the base of
 * 贫困发生率 (table {@code division_population}).
 */
@ApplicationScoped
public class DivisionPopulations {

    /** A division's agricultural population of a year. */
    public record BasePopulation(int year, long population) {}

    @Inject
    Sql sql;

    /** Records a division's figures of a year (the latest figures of a year replace the earlier ones). */
    public void save(DivisionPopulationSet population) {
        sql.query("""
                        insert into division_population
                            (code, year, registered_population, agricultural_population, households)
                        values (:code, :year, :registered, :agricultural, :households)
                        on conflict (code, year) do update
                           set registered_population = excluded.registered_population,
                               agricultural_population = excluded.agricultural_population,
                               households = excluded.households""")
                .bind("code", population.code())
                .bind("year", population.year())
                .bind("registered", population.registeredPopulation())
                .bind("agricultural", population.agriculturalPopulation())
                .bind("households", population.households())
                .execute();
    }

    /** A division's agricultural population of a year, as entered for it. */
    public record Entered(String code, int year, long population) {}

    /**
     * The figures entered for a division and every division under it: each one's of the base year, or with no base
     * year its latest up to {@code year}.
     *
     * @param baseYear the base year, or 0 for none
     */
    public List<Entered> subtree(String division, int baseYear, int year) {
        return sql.query("""
                        select distinct on (code) code, year, agricultural_population as population
                        from division_population
                        where code like :division || '%' and (:baseYear = 0 and year <= :year or year = :baseYear)
                        order by code, year desc""")
                .bind("division", division)
                .bind("baseYear", baseYear)
                .bind("year", year)
                .list(Entered.class);
    }

    /** The agricultural population of a division's villages in a year, added up (0 when none is entered). */
    public long villagesOfYear(String division, int year) {
        return sql.query("""
                        select coalesce(sum(agricultural_population), 0) from division_population
                        where code like :division || '%' and length(code) = 12 and year = :year""").bind("division", division).bind("year", year).count();
    }
}
