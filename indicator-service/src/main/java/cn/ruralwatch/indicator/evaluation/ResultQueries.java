package cn.ruralwatch.indicator.evaluation;

import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.sql.Sql;
import cn.ruralwatch.sql.Statement;
import cn.ruralwatch.time.ChinaTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Reads the evaluation results ({@code indicator_result}, the version of each household's result of each indicator in
 * force, a view of the rows of {@code standard_result} with an element per indicator, and
 * {@code indicator_result_history}, the versions replaced or removed, each with when it stopped
 * being in force): a household's results, the sums behind the rates, now or at the end of a past day (China time), the
 * households behind them, and the counts report-service reconciles with.
 */
@ApplicationScoped
public class ResultQueries {

    /** One current result of a household; exclusions and reasons as stored JSON. */
    public record HouseholdResult(
            String standardCode,
            int standardVersion,
            String indicatorCode,
            String villageCode,
            boolean met,
            int numerator,
            int denominator,
            String exclusions,
            String reasons,
            Instant evaluatedAt) {}

    /** The sums of an indicator in a division; {@code failing} counts households with numerator below denominator. */
    public record IndicatorSum(String indicatorCode, long numerator, long denominator, long failing) {}

    /** People (or households) of an indicator left out of its denominator under one exclusion. */
    public record ExclusionSum(String indicatorCode, String exclusion, long count) {}

    /** A household that does not meet an indicator, with its head's and village's names and the stored reasons. */
    public record Failing(
            UUID householdId,
            String headName,
            String villageCode,
            String villageName,
            int numerator,
            int denominator,
            String reasons) {}

    /** A household whose result of an indicator changed. */
    public record Change(
            UUID householdId,
            String headName,
            String villageCode,
            String villageName,
            Instant evaluatedAt,
            boolean met,
            String reasons) {}

    /** Households evaluated in a village, and those meeting every indicator. */
    public record VillageCount(String villageCode, long evaluated, long allMet) {}

    /** What an indicator of a standard counts in a division: households meeting it or not, and its sums. */
    public record IndicatorCount(
            String standardCode, String indicatorCode, long met, long notMet, long numerator, long denominator) {}

    @Inject
    Sql sql;

    /**
     * A household's current results, by standard and indicator: read through the results' key (standard, household,
     * indicator) once for each standard there is, since no index leads with the household (V13).
     */
    public List<HouseholdResult> ofHousehold(UUID householdId) {
        return sql.query("""
                        select standard_code, standard_version, indicator_code, village_code, met, numerator,
                               denominator, cast(exclusions as text) as exclusions, cast(reasons as text) as reasons,
                               evaluated_at
                        from indicator_result
                        where standard_code in (select distinct code from indicator_standard)
                          and household_id = :household
                        order by standard_code, indicator_code""").bind("household", householdId).list(HouseholdResult.class);
    }

    /** Which version of a household a standard last judged, when, and the version held now. */
    public record Judged(String standardCode, long judgedVersion, Instant judgedAt, long householdVersion) {}

    /** The versions of a household each standard judged last. */
    public List<Judged> judged(UUID householdId) {
        return sql.query("""
                        select e.standard_code, e.version as judged_version, e.evaluated_at as judged_at,
                               p.version as household_version
                        from household_evaluation e join household_projection p on p.household_id = e.household_id
                        where e.household_id = :household""").bind("household", householdId).list(Judged.class);
    }

    /** Each indicator's sums of a standard in a division, now ({@code asOf} null) or at the end of a day. */
    public List<IndicatorSum> sums(String standardCode, String division, LocalDate asOf) {
        return results(
                        "select indicator_code, sum(numerator) as numerator, sum(denominator) as denominator,"
                                + " count(*) filter (where numerator < denominator) as failing from %s r"
                                + " group by indicator_code",
                        standardCode, division, asOf)
                .list(IndicatorSum.class);
    }

    /** What each exclusion of each indicator left out, now or at the end of a day. */
    public List<ExclusionSum> exclusions(String standardCode, String division, LocalDate asOf) {
        return results(
                        "select r.indicator_code, e.key as exclusion, sum(cast(e.value as int)) as count from %s r"
                                + " cross join lateral json_each_text(r.exclusions) e"
                                + " where r.exclusions is not null group by 1, 2",
                        standardCode, division, asOf)
                .list(ExclusionSum.class);
    }

    /** The households that do not meet an indicator, by village. */
    public Page<Failing> failing(
            String standardCode, String indicatorCode, String division, LocalDate asOf, PageRequest page) {
        return results(
                        "select r.household_id, p.state ->> 'headName' as head_name, r.village_code,"
                                + " d.name as village_name, r.numerator, r.denominator,"
                                + " cast(r.reasons as text) as reasons from %s r"
                                + " left join known_division d on d.code = r.village_code"
                                + " left join household_projection p on p.household_id = r.household_id"
                                + " where r.indicator_code = :indicator and r.numerator < r.denominator"
                                + " order by r.village_code, r.household_id",
                        standardCode, division, asOf)
                .bind("indicator", indicatorCode)
                .page(Failing.class, page);
    }

    /**
     * Households whose result of an indicator changed in a period: to not met, or back to met; the versions that
     * recorded the change, in force or replaced since. The condition {@code met <> previously_met}, implied by the two
     * values asked for, is written out because it is the predicate of the history's partial index on those rows (V8),
     * which PostgreSQL uses only when the query states it; the versions in force are read from the division's rows of
     * the standard (V13).
     */
    public Page<Change> changes(
            String standardCode,
            String indicatorCode,
            String division,
            LocalDate from,
            LocalDate to,
            boolean stoppedMeeting,
            PageRequest page) {
        String changed = """
                select household_id, village_code, evaluated_at, met, reasons from %s
                where standard_code = :standard and indicator_code = :indicator and village_code like :division || '%%'
                  and evaluated_at >= :from and evaluated_at < :to and met = :met
                  and previously_met = :previouslyMet and met <> previously_met and denominator > 0""";
        return sql.query("""
                        select h.household_id, p.state ->> 'headName' as head_name, h.village_code,
                               d.name as village_name, h.evaluated_at, h.met, cast(h.reasons as text) as reasons
                        from (%s union all %s) h left join known_division d on d.code = h.village_code
                        left join household_projection p on p.household_id = h.household_id
                        order by h.evaluated_at, h.household_id""".formatted(
                                changed.formatted("indicator_result"), changed.formatted("indicator_result_history")))
                .bind("standard", standardCode)
                .bind("indicator", indicatorCode)
                .bind("division", division)
                .bind("from", startOf(from))
                .bind("to", startOf(to.plusDays(1)))
                .bind("met", !stoppedMeeting)
                .bind("previouslyMet", stoppedMeeting)
                .page(Change.class, page);
    }

    /**
     * The results of standards in use, as a condition on {@code indicator_result}: a standard whose latest version is
     * retired is no longer evaluated, and the current figures leave its results out, as report-service's do. With a
     * space on each side, since a text block drops the one at the end of its line.
     */
    private static final String IN_USE =
            " standard_code not in (select code from (select distinct on (code) code, status"
                    + " from indicator_standard order by code, version desc) latest where status = 'RETIRED') ";

    /**
     * Per village of a division: households evaluated and those meeting every indicator of every standard in use.
     */
    public List<VillageCount> villageCounts(String division) {
        return sql.query("""
                        select village_code, count(*) as evaluated, count(*) filter (where all_met) as all_met from (
                            select household_id, min(village_code) as village_code, bool_and(met) as all_met
                            from indicator_result where village_code like :division || '%' and """ + IN_USE + """
                            group by household_id) h
                        group by 1 order by 1""").bind("division", division).list(VillageCount.class);
    }

    /** Per standard in use and indicator of a division: households meeting it or not, and the sums. */
    public List<IndicatorCount> indicatorCounts(String division) {
        return sql.query("""
                        select standard_code, indicator_code, count(*) filter (where met) as met,
                               count(*) filter (where not met) as not_met,
                               coalesce(sum(numerator), 0) as numerator, coalesce(sum(denominator), 0) as denominator
                        from indicator_result where village_code like :division || '%' and """ + IN_USE + """
                        group by 1, 2 order by 1, 2""").bind("division", division).list(IndicatorCount.class);
    }

    /**
     * A statement over the results to aggregate ({@code %s} in {@code template}): the current ones, or for a past day
     * the versions in force when it ended: those in force now that were recorded before, and those replaced or
     * removed since that were recorded before.
     */
    private Statement results(String template, String standardCode, String division, LocalDate asOf) {
        String source = asOf == null
                ? "(select * from indicator_result where standard_code = :standard and village_code like :division || '%')"
                : """
                (select household_id, indicator_code, village_code, met, numerator, denominator, exclusions, reasons
                 from indicator_result
                 where standard_code = :standard and village_code like :division || '%' and evaluated_at < :asOf
                 union all
                 select household_id, indicator_code, village_code, met, numerator, denominator, exclusions, reasons
                 from indicator_result_history
                 where standard_code = :standard and village_code like :division || '%' and evaluated_at < :asOf
                   and superseded_at >= :asOf)""";
        Statement statement = sql.query(template.formatted(source))
                .bind("standard", standardCode)
                .bind("division", division);
        return asOf == null ? statement : statement.bind("asOf", startOf(asOf.plusDays(1)));
    }

    private static Timestamp startOf(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(ChinaTime.ZONE).toInstant());
    }
}
