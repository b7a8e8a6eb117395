package cn.ruralwatch.fund.benefit;

import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.sql.Sql;
import cn.ruralwatch.sql.Statement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

/**
 * Benefit rules ({@code benefit_rule}) by kind, region and year: a rule is current until a newer one of the same kind,
 * region and year supersedes it, and stays as history.
 */
@ApplicationScoped
class BenefitRuleRepository {

    private static final String RULE = """
            select id, kind, region_code, from_year, amount_per_grant, member_yearly_cap, household_yearly_cap,
                   min_employment_months, employment_locations, note, set_by, set_at, superseded_at
            from benefit_rule
            """;

    @Inject
    Sql sql;

    /** Stores a rule, superseding at the same moment the current one of its kind, region and year (if any). */
    void set(BenefitRuleApi.Rule rule) {
        sql.query("""
                        update benefit_rule set superseded_at = :at
                        where kind = :kind and region_code = :region and from_year = :year and superseded_at is null
                        """)
                .bind("kind", rule.kind().name())
                .bind("region", rule.regionCode())
                .bind("year", rule.fromYear())
                .bind("at", Timestamp.from(rule.setAt()))
                .execute();
        sql.query("""
                        insert into benefit_rule (id, kind, region_code, from_year, amount_per_grant, member_yearly_cap,
                                                  household_yearly_cap, min_employment_months, employment_locations,
                                                  note, set_by, set_at)
                        values (:id, :kind, :region, :year, cast(:amountPerGrant as numeric),
                                cast(:memberYearlyCap as numeric), cast(:householdYearlyCap as numeric),
                                cast(:minEmploymentMonths as integer), cast(:employmentLocations as text[]), :note,
                                :setBy, :setAt)
                        """)
                .bind("id", rule.id())
                .bind("kind", rule.kind().name())
                .bind("region", rule.regionCode())
                .bind("year", rule.fromYear())
                .bind("amountPerGrant", rule.amountPerGrant())
                .bind("memberYearlyCap", rule.memberYearlyCap())
                .bind("householdYearlyCap", rule.householdYearlyCap())
                .bind("minEmploymentMonths", rule.minEmploymentMonths())
                .bind(
                        "employmentLocations",
                        rule.employmentLocations() == null
                                ? null
                                : rule.employmentLocations().stream()
                                        .map(Enum::name)
                                        .toArray(String[]::new))
                .bind("note", rule.note())
                .bind("setBy", rule.setBy())
                .bind("setAt", Timestamp.from(rule.setAt()))
                .execute();
    }

    Optional<BenefitRuleApi.Rule> find(UUID id) {
        return sql.query(RULE + " where id = :id").bind("id", id).first(BenefitRuleApi.Rule.class);
    }

    /**
     * The current rule of a kind for a division in a year: of the latest year not after it, and among rules of that
     * year the one of the most specific region (a county's before its city's, a city's before its province's, a
     * province's before the nation's).
     */
    Optional<BenefitRuleApi.Rule> inForce(BenefitKind kind, String division, int year) {
        return sql.query(RULE + """
                        where kind = :kind and superseded_at is null and from_year <= :year
                          and :division like region_code || '%'
                        order by from_year desc, length(region_code) desc
                        """)
                .bind("kind", kind.name())
                .bind("division", division)
                .bind("year", year)
                .first(BenefitRuleApi.Rule.class);
    }

    /**
     * The rules that apply to a division (nationwide, or of a region containing it or within it); of one kind when
     * given, with the superseded ones when asked; by kind, region, year and newest first.
     */
    Page<BenefitRuleApi.Rule> applying(String division, BenefitKind kind, boolean history, PageRequest page) {
        Statement select = sql.query(RULE + """
                        where (:division like region_code || '%' or region_code like :division || '%')
                          and (:history or superseded_at is null)"""
                        + (kind == null ? "" : " and kind = :kind")
                        + " order by kind, region_code, from_year, set_at desc, id")
                .bind("division", division)
                .bind("history", history);
        if (kind != null) {
            select.bind("kind", kind.name());
        }
        return select.page(BenefitRuleApi.Rule.class, page);
    }
}
