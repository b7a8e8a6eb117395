package cn.ruralwatch.indicator.figures;

import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.sql.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** The saved sets of declared figures (table {@code figure_check}). */
@ApplicationScoped
public class FigureCheckRepository {

    /** A saved set: the figures, relations and comparisons as JSON text. */
    public record Stored(
            UUID id,
            String divisionCode,
            int year,
            LocalDate asOf,
            String title,
            String source,
            String figures,
            String relations,
            String comparisons,
            Instant createdAt,
            String createdBy) {}

    @Inject
    Sql sql;

    public void save(Stored set, int checks, int contradictions) {
        sql.query("""
                        insert into figure_check (id, division_code, year, as_of, title, source, figures, relations,
                                                  comparisons, created_at, created_by, checks, contradictions)
                        values (:id, :division, :year, :asOf, :title, :source, cast(:figures as jsonb),
                                cast(:relations as jsonb), cast(:comparisons as jsonb), :createdAt, :createdBy, :checks,
                                :contradictions)""")
                .bind("id", set.id())
                .bind("division", set.divisionCode())
                .bind("year", set.year())
                .bind("asOf", set.asOf() == null ? null : Date.valueOf(set.asOf()))
                .bind("title", set.title())
                .bind("source", set.source())
                .bind("figures", set.figures())
                .bind("relations", set.relations())
                .bind("comparisons", set.comparisons())
                .bind("createdAt", Timestamp.from(set.createdAt()))
                .bind("createdBy", set.createdBy())
                .bind("checks", checks)
                .bind("contradictions", contradictions)
                .execute();
    }

    /** A set of the region. */
    public Optional<Stored> find(UUID id, String region) {
        return sql.query("""
                        select id, division_code, year, as_of, title, source, cast(figures as text) as figures,
                               cast(relations as text) as relations, cast(comparisons as text) as comparisons,
                               created_at, created_by
                        from figure_check where id = :id and division_code like :region || '%'""").bind("id", id).bind("region", region).first(Stored.class);
    }

    /** The sets of a region, of one year when given, newest first. */
    public Page<FigureCheckApi.Summary> list(String region, Integer year, PageRequest page) {
        return sql.query("""
                        select id, division_code, year, title, created_at, created_by, contradictions, checks
                        from figure_check
                        where division_code like :region || '%' and (cast(:year as int) is null or year = :year)
                        order by created_at desc, id""").bind("region", region).bind("year", year).page(FigureCheckApi.Summary.class, page);
    }

    /** A division's declared base of a year beside what is registered in it now. */
    public record PopulationBase(
            String divisionCode,
            String divisionName,
            int year,
            long declaredHouseholds,
            long registeredHouseholds,
            long declaredPopulation,
            long registeredPeople) {}

    /** Every division of the region with a declared base of the year, with its households and people registered now. */
    public java.util.List<PopulationBase> populationBases(String region, int year) {
        return sql.query("""
                        select p.code as division_code, k.name as division_name, p.year,
                               p.households as declared_households,
                               (select count(*) from household_projection h
                                 where h.village_code like p.code || '%' and h.state is not null and h.people > 0)
                                   as registered_households,
                               p.registered_population as declared_population,
                               (select coalesce(sum(h.people), 0) from household_projection h
                                 where h.village_code like p.code || '%' and h.state is not null)
                                   as registered_people
                        from division_population p left join known_division k on k.code = p.code
                        where p.code like :region || '%' and p.year = :year
                        order by p.code""").bind("region", region).bind("year", year).list(PopulationBase.class);
    }
}
