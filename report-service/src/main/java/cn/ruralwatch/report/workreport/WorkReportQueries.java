package cn.ruralwatch.report.workreport;

import cn.ruralwatch.report.overview.Overview;
import cn.ruralwatch.sql.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The figures of a work report, read from the read models of a division's subtree (division codes are prefixes of the
 * codes below them): households, monitoring, indicators with the households failing them, funds and projects, benefit
 * kinds and PV plans.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class WorkReportQueries {

    /** Households listed under an indicator at most; the rest are counted and found in the exported list. */
    /**
     * How many failing households a report names per indicator; the rest are counted and found in the exported list
     * (seed 000 names 23; a list of thousands, such as the households without a computer, is no text to hand in).
     */
    static final int LISTED_PER_INDICATOR = 100;

    @Inject
    Sql sql;

    /** Townships and villages below a division. */
    /** The townships under a division, and its villages and communities with their 贫困村 (as the overview counts them). */
    public record Divisions(long townships, Overview.Villages villages) {}

    /** Active households and members, with those of 低保 and 特困 households. */
    public record Households(
            long households,
            long members,
            long minimumLivingHouseholds,
            long minimumLivingMembers,
            long extremePovertyHouseholds,
            long extremePovertyMembers) {}

    /** Households and members of one poverty status. */
    public record ByPovertyStatus(String povertyStatus, long households, long members) {}

    /** Exited households and members of one exit year. */
    public record ByExitYear(long exitYear, long households, long members) {}

    /** Monitored households and members, those at risk and those whose risk is eliminated. */
    public record Monitored(
            long households,
            long members,
            long atRiskHouseholds,
            long atRiskMembers,
            long eliminatedHouseholds,
            long eliminatedMembers) {}

    /** Monitored households and members of one category or risk type, and those of them at risk. */
    public record MonitoredGroup(
            String code, long households, long members, long atRiskHouseholds, long atRiskMembers) {}

    /** Monitored households and members identified in one year, and those of them at risk. */
    public record MonitoredYear(long year, long households, long members, long atRiskHouseholds, long atRiskMembers) {}

    /** One indicator's households meeting and failing it, and the sums its rate is made of. */
    public record IndicatorTotal(
            String standardCode, String indicatorCode, long met, long notMet, long numerator, long denominator) {}

    /**
     * An active household failing an indicator, with its head's name (null when not known) and the names of its village
     * and township (their codes where not known).
     */
    public record FailingHousehold(
            UUID householdId,
            String headName,
            String villageCode,
            String villageName,
            String townshipName,
            long members,
            long numerator,
            long denominator,
            String housing) {

        /** A household whose housing is not known to the report. */
        public FailingHousehold(
                UUID householdId,
                String headName,
                String villageCode,
                String villageName,
                String townshipName,
                long members,
                long numerator,
                long denominator) {
            this(householdId, headName, villageCode, villageName, townshipName, members, numerator, denominator, null);
        }
    }

    /** 农业户 (the head holds an agricultural registration) and 农业人口 (members so registered, those who left included). */
    public record Agricultural(long households, long members) {}

    /** Monitored households of one category with their people. */
    public record CategoryCount(String code, long households, long members) {}

    /** Households whose housing is renovated in a year, by method (新建, 维修加固…). */
    public record Renovations(String method, long households) {}

    /** The fund batches of one source level. */
    public record FundSource(String sourceLevel, long batches, BigDecimal amount) {}

    /** A year's projects: those not terminated, their investment and beneficiaries, the completed and accepted. */
    public record Projects(
            long projects, BigDecimal plannedInvestment, long completed, long accepted, long beneficiaryHouseholds) {}

    /** A year's projects of one type (not terminated), their investment and what was paid to them. */
    public record ProjectsByType(
            String projectType, long projects, BigDecimal plannedInvestment, BigDecimal disbursed) {}

    /** A year's projects at one stage. */
    public record ProjectsByStage(String stage, long projects) {}

    /** Households given a benefit of one kind in a year, and its amount. */
    public record BenefitKind(String kind, long households, BigDecimal amount) {}

    /** A published PV revenue plan. */
    public record PvPlan(
            String divisionName,
            LocalDate publishedOn,
            String documentNumber,
            BigDecimal distributable,
            long jobHolders,
            BigDecimal wages,
            BigDecimal works,
            BigDecimal rewards) {}

    public long townships(String division) {
        return sql.query("""
                        select count(*) from known_division
                        where level = 'TOWNSHIP' and code like :prefix and code <> :division""")
                .bind("prefix", division + "%")
                .bind("division", division)
                .value(Long.class)
                .orElse(0L);
    }

    public Households households(String division) {
        return sql.query("""
                        select count(*) as households, coalesce(sum(members), 0) as members,
                               count(*) filter (where minimum_living) as minimum_living_households,
                               coalesce(sum(members) filter (where minimum_living), 0) as minimum_living_members,
                               count(*) filter (where extreme_poverty) as extreme_poverty_households,
                               coalesce(sum(members) filter (where extreme_poverty), 0) as extreme_poverty_members
                        from report_household where active and village_code like :prefix
                        """)
                .bind("prefix", division + "%")
                .first(Households.class)
                .orElseThrow();
    }

    public List<ByPovertyStatus> byPovertyStatus(String division) {
        return sql.query("""
                        select poverty_status, count(*) as households, coalesce(sum(members), 0) as members
                        from report_household where active and village_code like :prefix group by 1 order by 1
                        """).bind("prefix", division + "%").list(ByPovertyStatus.class);
    }

    public List<ByExitYear> byExitYear(String division) {
        return sql.query("""
                        select exit_year, count(*) as households, coalesce(sum(members), 0) as members
                        from report_household
                        where active and village_code like :prefix and poverty_status = 'EXITED' and exit_year is not null
                        group by 1 order by 1
                        """).bind("prefix", division + "%").list(ByExitYear.class);
    }

    public Monitored monitored(String division) {
        return sql.query("""
                        select count(*) as households, coalesce(sum(members), 0) as members,
                               count(*) filter (where risk_state = 'AT_RISK') as at_risk_households,
                               coalesce(sum(members) filter (where risk_state = 'AT_RISK'), 0) as at_risk_members,
                               count(*) filter (where risk_state = 'ELIMINATED') as eliminated_households,
                               coalesce(sum(members) filter (where risk_state = 'ELIMINATED'), 0) as eliminated_members
                        from report_household where active and monitoring_category is not null and village_code like :prefix
                        """)
                .bind("prefix", division + "%")
                .first(Monitored.class)
                .orElseThrow();
    }

    public List<MonitoredGroup> monitoredByCategory(String division) {
        return sql.query("""
                        select monitoring_category as code, count(*) as households,
                               coalesce(sum(members), 0) as members,
                               count(*) filter (where risk_state = 'AT_RISK') as at_risk_households,
                               coalesce(sum(members) filter (where risk_state = 'AT_RISK'), 0) as at_risk_members
                        from report_household where active and monitoring_category is not null and village_code like :prefix
                        group by 1
                        """).bind("prefix", division + "%").list(MonitoredGroup.class);
    }

    public List<MonitoredYear> monitoredByYear(String division) {
        return sql.query("""
                        select identified_year as year, count(*) as households, coalesce(sum(members), 0) as members,
                               count(*) filter (where risk_state = 'AT_RISK') as at_risk_households,
                               coalesce(sum(members) filter (where risk_state = 'AT_RISK'), 0) as at_risk_members
                        from report_household where active and monitoring_category is not null and village_code like :prefix
                        group by 1 order by 1
                        """).bind("prefix", division + "%").list(MonitoredYear.class);
    }

    /** By risk type: a household with several risk types counts under each of them; the most frequent first. */
    public List<MonitoredGroup> monitoredByRiskType(String division) {
        return sql.query("""
                        select t.risk_type as code, count(*) as households, coalesce(sum(h.members), 0) as members,
                               count(*) filter (where h.risk_state = 'AT_RISK') as at_risk_households,
                               coalesce(sum(h.members) filter (where h.risk_state = 'AT_RISK'), 0) as at_risk_members
                        from report_household h, jsonb_array_elements_text(h.risk_types) as t(risk_type)
                        where h.active and h.monitoring_category is not null and h.village_code like :prefix
                        group by 1 order by 2 desc, 1
                        """).bind("prefix", division + "%").list(MonitoredGroup.class);
    }

    /** Each indicator's results over the active households, by standard in use and indicator. */
    public List<IndicatorTotal> indicators(String division) {
        return sql.query("""
                        select r.standard_code, r.indicator_code, count(*) filter (where r.met) as met,
                               count(*) filter (where not r.met) as not_met,
                               coalesce(sum(r.numerator), 0) as numerator, coalesce(sum(r.denominator), 0) as denominator
                        from report_indicator_result r join report_household h on h.household_id = r.household_id
                        where h.active and r.village_code like :prefix and r.in_use
                        group by 1, 2 order by 1, 2
                        """).bind("prefix", division + "%").list(IndicatorTotal.class);
    }

    /** A 贫困村 leaving the list in a year (the reports' 预脱贫村, 当年出列的贫困村). */
    public record ExitingVillage(String code, String name) {}

    /** The 贫困村 under a division whose exit year is the report's year, by code. */
    public List<ExitingVillage> exitingVillages(String division, int year) {
        return sql.query("""
                        select code, name from known_division
                        where level = 'VILLAGE' and code like :prefix and poverty_village and poverty_exit_year = :year
                        order by code""").bind("prefix", division + "%").bind("year", year).list(ExitingVillage.class);
    }

    /** The first {@value #LISTED_PER_INDICATOR} active households failing an indicator, by village. */
    public List<FailingHousehold> failing(String division, String standard, String indicator) {
        return sql.query("""
                        select r.household_id, h.head_name, r.village_code,
                               coalesce(v.name, r.village_code) as village_name,
                               coalesce(t.name, substr(r.village_code, 1, 9)) as township_name,
                               h.members, r.numerator, r.denominator, cast(h.housing as text) as housing
                        from report_indicator_result r
                        join report_household h on h.household_id = r.household_id
                        left join known_division v on v.code = r.village_code
                        left join known_division t on t.code = substr(r.village_code, 1, 9)
                        where h.active and not r.met and r.village_code like :prefix and r.in_use
                          and r.standard_code = :standard
                          and r.indicator_code = :indicator
                        order by r.village_code, r.household_id limit :limit
                        """)
                .bind("prefix", division + "%")
                .bind("standard", standard)
                .bind("indicator", indicator)
                .bind("limit", LISTED_PER_INDICATOR)
                .list(FailingHousehold.class);
    }

    /** A county's fund batches of a year, by source level. */
    public List<FundSource> fundSources(String county, int year) {
        return sql.query("""
                        select source_level, count(*) as batches, sum(amount) as amount from report_fund_batch
                        where county_code = :county and fund_year = :year group by 1 order by 1
                        """).bind("county", county).bind("year", year).list(FundSource.class);
    }

    /** What was paid from a county's fund batches of a year. */
    public BigDecimal disbursed(String county, int year) {
        return sql.query("""
                        select coalesce(sum(d.amount), 0) from report_disbursement d
                        join report_fund_batch b on b.batch_id = d.batch_id
                        where b.county_code = :county and b.fund_year = :year
                        """)
                .bind("county", county)
                .bind("year", year)
                .value(BigDecimal.class)
                .orElse(BigDecimal.ZERO);
    }

    public Projects projects(String division, int year) {
        return sql.query("""
                        select count(*) filter (where stage <> 'TERMINATED') as projects,
                               coalesce(sum(planned_investment) filter (where stage <> 'TERMINATED'), 0)
                                   as planned_investment,
                               count(*) filter (where stage in ('COMPLETED', 'ACCEPTED', 'ASSETS_REGISTERED')) as completed,
                               count(*) filter (where stage in ('ACCEPTED', 'ASSETS_REGISTERED')) as accepted,
                               coalesce(sum(beneficiary_households) filter (where stage <> 'TERMINATED'), 0)
                                   as beneficiary_households
                        from report_project where division_code like :prefix and project_year = :year
                        """)
                .bind("prefix", division + "%")
                .bind("year", year)
                .first(Projects.class)
                .orElseThrow();
    }

    public List<ProjectsByType> projectsByType(String division, int year) {
        return sql.query("""
                        select p.project_type, count(*) as projects,
                               coalesce(sum(p.planned_investment), 0) as planned_investment,
                               coalesce(sum((select sum(d.amount) from report_disbursement d
                                             where d.project_id = p.project_id)), 0) as disbursed
                        from report_project p
                        where p.division_code like :prefix and p.project_year = :year and p.stage <> 'TERMINATED'
                        group by 1 order by 1
                        """).bind("prefix", division + "%").bind("year", year).list(ProjectsByType.class);
    }

    public List<ProjectsByStage> projectsByStage(String division, int year) {
        return sql.query("""
                        select stage, count(*) as projects from report_project
                        where division_code like :prefix and project_year = :year
                        group by 1 order by 1
                        """).bind("prefix", division + "%").bind("year", year).list(ProjectsByStage.class);
    }

    /** The households of the division given each kind of benefit in the year, and the amounts, by kind. */
    public List<BenefitKind> benefitKinds(String division, int year) {
        return sql.query("""
                        select k.key as kind, count(*) as households, sum(cast(k.value as numeric)) as amount
                        from report_household_benefit b, jsonb_each_text(b.by_kind) k
                        where b.village_code like :prefix and b.benefit_year = :year and cast(k.value as numeric) > 0
                        group by 1 order by 1
                        """).bind("prefix", division + "%").bind("year", year).list(BenefitKind.class);
    }

    /** The PV revenue plans of a year published within the division, by division and date. */
    public List<PvPlan> pvPlans(String division, int year) {
        return sql.query("""
                        select coalesce(d.name, p.division_code) as division_name, p.published_on, p.document_number,
                               p.distributable, p.job_holders, p.wages, p.works, p.rewards
                        from report_pv_plan p left join known_division d on d.code = p.division_code
                        where p.division_code like :prefix and p.plan_year = :year
                        order by p.division_code, p.published_on
                        """).bind("prefix", division + "%").bind("year", year).list(PvPlan.class);
    }

    /** The standards in use whose results the division holds. */
    public List<String> standards(String division) {
        return sql.query("select distinct standard_code from report_indicator_result where village_code like :prefix"
                        + " and in_use")
                .bind("prefix", division + "%")
                .column(String.class);
    }

    /** 农业户 and 农业人口 of the division's active households. */
    public Agricultural agricultural(String division) {
        return sql.query("""
                        select count(*) filter (where agricultural) as households,
                               coalesce(sum(agricultural_members), 0) as members
                        from report_household where active and village_code like :prefix
                        """)
                .bind("prefix", division + "%")
                .first(Agricultural.class)
                .orElseThrow();
    }

    /**
     * Households identified as monitored within the period, by category: by the day monitoring began, or, where that
     * is not known, the year identified.
     */
    public List<CategoryCount> identified(String division, LocalDate from, LocalDate to) {
        return sql.query("""
                        select monitoring_category as code, count(*) as households, coalesce(sum(members), 0) as members
                        from report_household
                        where active and monitoring_category is not null and village_code like :prefix
                          and (monitored_since between :from and :to
                               or (monitored_since is null and identified_year = :year))
                        group by 1 order by 1
                        """)
                .bind("prefix", division + "%")
                .bind("from", java.sql.Date.valueOf(from))
                .bind("to", java.sql.Date.valueOf(to))
                .bind("year", from.getYear())
                .list(CategoryCount.class);
    }

    /** Households whose risk was eliminated within the period, by category. */
    public List<CategoryCount> eliminated(String division, LocalDate from, LocalDate to) {
        return sql.query("""
                        select monitoring_category as code, count(*) as households, coalesce(sum(members), 0) as members
                        from report_household
                        where active and monitoring_category is not null and village_code like :prefix
                          and risk_state = 'ELIMINATED' and risk_eliminated_on between :from and :to
                        group by 1 order by 1
                        """)
                .bind("prefix", division + "%")
                .bind("from", java.sql.Date.valueOf(from))
                .bind("to", java.sql.Date.valueOf(to))
                .list(CategoryCount.class);
    }

    /** Households whose housing is renovated in the year, by method. */
    public List<Renovations> renovations(String division, int year) {
        return sql.query("""
                        select coalesce(housing->>'renovationMethod', 'OTHER') as method, count(*) as households
                        from report_household
                        where active and village_code like :prefix and housing->>'renovationYear' = :year
                        group by 1 order by 2 desc, 1
                        """)
                .bind("prefix", division + "%")
                .bind("year", String.valueOf(year))
                .list(Renovations.class);
    }
}
