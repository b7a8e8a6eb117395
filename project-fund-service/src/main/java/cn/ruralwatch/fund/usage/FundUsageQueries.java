package cn.ruralwatch.fund.usage;

import cn.ruralwatch.fund.fund.SourceLevel;
import cn.ruralwatch.fund.project.ProjectStage;
import cn.ruralwatch.fund.project.ProjectType;
import cn.ruralwatch.sql.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;

/** The sums behind the fund usage report 资金使用情况. */
@ApplicationScoped
class FundUsageQueries {

    /**
     * The projects of a year of one stage and type (and child division: the first {@code childLength} digits of where
     * they are carried out, null for one carried out above the children), with their budget and what they paid.
     */
    record ProjectGroup(
            ProjectStage stage,
            ProjectType projectType,
            String child,
            long count,
            BigDecimal budget,
            BigDecimal disbursed) {}

    /** A county's fund batches of a year from one source level. */
    record SourceGroup(
            SourceLevel sourceLevel, long batches, BigDecimal amount, BigDecimal allocated, BigDecimal disbursed) {}

    @Inject
    Sql sql;

    List<ProjectGroup> projects(String division, int year, int childLength) {
        return sql.query("""
                        with p as (
                            select p.id, p.stage, p.project_type, p.division_code,
                                   coalesce(sum(l.amount), 0) as budget, coalesce(sum(l.disbursed), 0) as disbursed
                            from project p left join project_budget_line l on l.project_id = p.id
                            where p.division_code like :prefix and p.project_year = :year
                            group by p.id)
                        select stage, project_type,
                               case when length(division_code) >= :length then left(division_code, :length) end
                                   as child,
                               count(*) as count, sum(budget) as budget, sum(disbursed) as disbursed
                        from p group by 1, 2, 3
                        """)
                .bind("prefix", division + "%")
                .bind("year", year)
                .bind("length", childLength)
                .list(ProjectGroup.class);
    }

    /** The fund batches of a year by source, of a county or of the counties of a city or province. */
    List<SourceGroup> sources(String county, int year) {
        return sql.query("""
                        select b.source_level, count(*) as batches, sum(b.amount) as amount,
                               sum(b.allocated) as allocated, coalesce(sum(d.disbursed), 0) as disbursed
                        from fund_batch b
                        left join (select batch_id, sum(disbursed) as disbursed from project_budget_line group by batch_id) d
                               on d.batch_id = b.id
                        where b.county_code like :county || '%' and b.fund_year = :year
                        group by b.source_level
                        """).bind("county", county).bind("year", year).list(SourceGroup.class);
    }

    /** The budget of industry projects 产业发展 from the fund batches of a year of a county (or a city's, a province's). */
    BigDecimal industryBudget(String county, int year) {
        return sql.query("""
                        select coalesce(sum(l.amount), 0)
                        from project_budget_line l
                        join project p on p.id = l.project_id
                        join fund_batch b on b.id = l.batch_id
                        where b.county_code like :county || '%' and b.fund_year = :year and p.project_type = 'INDUSTRY'
                        """)
                .bind("county", county)
                .bind("year", year)
                .value(BigDecimal.class)
                .orElseThrow();
    }
}
