package cn.ruralwatch.fund.benefit;

import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.sql.Sql;
import cn.ruralwatch.sql.Statement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Household benefits ({@code household_benefit}) and the versions of their yearly totals. */
@ApplicationScoped
class BenefitRepository {

    /** A benefit to record. */
    record NewBenefit(
            UUID id,
            String villageCode,
            UUID householdId,
            UUID memberId,
            BenefitKind kind,
            int year,
            BigDecimal amount,
            LocalDate grantedOn,
            String description,
            String source,
            String recordedBy,
            Instant recordedAt) {}

    /** What a household got of a kind in a year. */
    record KindTotal(UUID householdId, BenefitKind kind, BigDecimal amount) {}

    /** A household with a benefit or a running loan in a year, and its village. */
    record Beneficiary(UUID householdId, String villageCode) {}

    private static final String BENEFIT = """
            select id, household_id, village_code, member_id, kind, benefit_year as year, amount, granted_on,
                   description, source, recorded_by, recorded_at
            from household_benefit
            """;

    @Inject
    Sql sql;

    void insert(NewBenefit benefit) {
        sql.query("""
                        insert into household_benefit (id, county_code, village_code, household_id, member_id, kind,
                                                       benefit_year, amount, granted_on, description, source,
                                                       recorded_by, recorded_at)
                        values (:id, :county, :village, :household, :member, :kind, :year, :amount, :grantedOn,
                                :description, :source, :recordedBy, :recordedAt)
                        """)
                .bind("id", benefit.id())
                .bind("county", benefit.villageCode().substring(0, 6))
                .bind("village", benefit.villageCode())
                .bind("household", benefit.householdId())
                .bind("member", benefit.memberId())
                .bind("kind", benefit.kind().name())
                .bind("year", benefit.year())
                .bind("amount", benefit.amount())
                .bind("grantedOn", Date.valueOf(benefit.grantedOn()))
                .bind("description", benefit.description())
                .bind("source", benefit.source())
                .bind("recordedBy", benefit.recordedBy())
                .bind("recordedAt", Timestamp.from(benefit.recordedAt()))
                .execute();
    }

    /** What was granted of a kind in a year to a household. */
    BigDecimal grantedToHousehold(UUID householdId, BenefitKind kind, int year) {
        return sum(sql.query("""
                        select coalesce(sum(amount), 0) from household_benefit
                        where kind = :kind and benefit_year = :year and household_id = :id
                        """), householdId, kind, year);
    }

    /** What was granted of a kind in a year to a member. */
    BigDecimal grantedToMember(UUID memberId, BenefitKind kind, int year) {
        return sum(sql.query("""
                        select coalesce(sum(amount), 0) from household_benefit
                        where kind = :kind and benefit_year = :year and member_id = :id
                        """), memberId, kind, year);
    }

    private static BigDecimal sum(Statement statement, UUID id, BenefitKind kind, int year) {
        return statement
                .bind("kind", kind.name())
                .bind("year", year)
                .bind("id", id)
                .value(BigDecimal.class)
                .orElseThrow();
    }

    Optional<BenefitApi.BenefitView> find(UUID id) {
        return sql.query(BENEFIT + " where id = :id").bind("id", id).first(BenefitApi.BenefitView.class);
    }

    /** The benefits of a year of the households within a division (or of one household), as they were granted. */
    Page<BenefitApi.BenefitView> page(String divisionPrefix, UUID householdId, int year, PageRequest page) {
        Statement select = sql.query(BENEFIT + " where village_code like :prefix and benefit_year = :year"
                        + (householdId == null ? "" : " and household_id = :household")
                        + " order by granted_on, recorded_at, id")
                .bind("prefix", divisionPrefix + "%")
                .bind("year", year);
        if (householdId != null) {
            select.bind("household", householdId);
        }
        return select.page(BenefitApi.BenefitView.class, page);
    }

    /**
     * The households within a division (or the one given) with a benefit in the year or a loan running in it, by
     * village.
     */
    Page<Beneficiary> beneficiaries(String divisionPrefix, UUID householdId, int year, PageRequest page) {
        Statement select = sql.query("""
                        select household_id, village_code from (
                            select household_id, village_code from household_benefit
                             where village_code like :prefix and benefit_year = :year
                            union
                            select household_id, village_code from microcredit_loan
                             where village_code like :prefix and extract(year from disbursed_on) <= :year
                               and extract(year from coalesce(repaid_on, due_on)) >= :year
                        ) h"""
                        + (householdId == null ? "" : " where household_id = :household")
                        + " order by village_code, household_id")
                .bind("prefix", divisionPrefix + "%")
                .bind("year", year);
        if (householdId != null) {
            select.bind("household", householdId);
        }
        return select.page(Beneficiary.class, page);
    }

    /** What each household given (as a PostgreSQL array literal) got of each kind in a year. */
    List<KindTotal> totalsByKind(String householdIds, int year) {
        return sql.query("""
                        select household_id, kind, sum(amount) as amount from household_benefit
                        where household_id = any(cast(:households as uuid[])) and benefit_year = :year
                        group by household_id, kind
                        """)
                .bind("households", householdIds)
                .bind("year", year)
                .list(KindTotal.class);
    }

    /** The next version of a household's totals of a year. */
    long nextTotalsVersion(UUID householdId, int year) {
        sql.query("""
                        insert into household_benefit_total (household_id, benefit_year, version)
                        values (:household, :year, 1)
                        on conflict (household_id, benefit_year)
                        do update set version = household_benefit_total.version + 1
                        """).bind("household", householdId).bind("year", year).execute();
        return sql.query("select version from household_benefit_total where household_id = :household"
                        + " and benefit_year = :year")
                .bind("household", householdId)
                .bind("year", year)
                .count();
    }
}
