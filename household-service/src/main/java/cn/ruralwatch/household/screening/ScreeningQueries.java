package cn.ruralwatch.household.screening;

import cn.ruralwatch.household.clue.ClueSource;
import cn.ruralwatch.household.clue.ClueStatus;
import cn.ruralwatch.household.household.MonitoringCategory;
import cn.ruralwatch.sql.Sql;
import cn.ruralwatch.time.ChinaTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The figures of screening work, counted from the clues, the monitoring cases and the households' monitoring
 * columns and earlier episodes. A household's people are its active members as the county's decision left them: the
 * {@code memberCount} of the revision the decision wrote (识别纳入 or 风险消除). Identifications and eliminations the
 * suite did not decide (a household registered or imported as monitored, an earlier episode entered as history) have
 * no such revision: their people are the household's active members now.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ScreeningQueries {

    /** One identified or eliminated household: its category and people, and whether a campaign's clue led to it. */
    record Decided(UUID householdId, String category, long people, boolean fromCampaign) {}

    record Tally(String key, long clues) {}

    record Received(String source, long clues, long fromCampaigns) {}

    /**
     * The people of the household {@code d} (a subquery's alias with {@code household_id} and {@code day}) as the
     * decision of the operation on that day left it; its active members now when the suite holds no such decision.
     */
    private static String people(String operation) {
        return """
                coalesce(
                  (select (r.snapshot ->> 'memberCount')::int from household_revision r
                   where r.household_id = d.household_id and r.operation = '%s' and r.effective_on = d.day
                   order by r.version desc limit 1),
                  (select count(*) from member m where m.household_id = d.household_id and m.status = 'ACTIVE'))
                """.formatted(operation);
    }

    /** Approved identification cases and the day the county decided them, with whether a campaign's clue led there. */
    private static final String IDENTIFIED_BY_CASE = """
            select c.household_id, c.category, s.performed_on as day, h.village_code,
                   exists (select 1 from warning_clue w where w.case_id = c.id and w.campaign_id is not null)
                       as from_campaign
            from monitoring_case c
            join case_step s on s.case_id = c.id and s.step = 'COUNTY_DECISION'
            join household h on h.id = c.household_id
            where c.kind = 'IDENTIFICATION' and c.status = 'APPROVED'
            """;

    @Inject
    Sql sql;

    /** The 农业户 (head with an agricultural registration) among the active households under the code. */
    public long registeredAgriculturalHouseholds(String regionCode) {
        return sql.query("""
                        select count(*) from household h
                        where h.status = 'ACTIVE' and h.village_code like :prefix
                          and exists (select 1 from member m where m.household_id = h.id and m.status = 'ACTIVE'
                                      and m.relation = 'HEAD' and m.agricultural_registration)
                        """).bind("prefix", regionCode + "%").count();
    }

    public long cluesFound(UUID campaignId) {
        return sql.query("select count(*) from warning_clue where campaign_id = :campaign")
                .bind("campaign", campaignId)
                .count();
    }

    public ScreeningApi.CampaignResults results(ScreeningCampaign campaign) {
        Map<String, Long> byStatus = zeros(ClueStatus.values());
        sql.query("select status as key, count(*) as clues from warning_clue where campaign_id = :campaign"
                        + " group by status")
                .bind("campaign", campaign.id)
                .list(Tally.class)
                .forEach(t -> byStatus.put(t.key(), t.clues()));
        long underReview = sql.query("""
                        select count(distinct c.id) from monitoring_case c
                        join warning_clue w on w.case_id = c.id
                        where w.campaign_id = :campaign and c.kind = 'IDENTIFICATION' and c.status = 'OPEN'
                        """).bind("campaign", campaign.id).count();
        List<Decided> identified = sql.query("select distinct on (d.household_id) d.household_id, d.category, "
                        + people("IDENTIFICATION") + " as people, true as from_campaign from (" + IDENTIFIED_BY_CASE
                        + " and exists (select 1 from warning_clue w where w.case_id = c.id"
                        + " and w.campaign_id = :campaign)) d order by d.household_id, d.day desc")
                .bind("campaign", campaign.id)
                .list(Decided.class);
        return new ScreeningApi.CampaignResults(
                campaign.id,
                campaign.regionCode,
                campaign.name,
                campaign.startsOn,
                campaign.endsOn,
                campaign.status,
                campaign.householdsCovered,
                campaign.registeredHouseholds,
                campaign.householdsCovered - campaign.registeredHouseholds,
                byStatus.values().stream().mapToLong(Long::longValue).sum(),
                byStatus,
                underReview,
                byCategory(identified, d -> true));
    }

    /** The screening figures of the households and clues under the code, for the days from and to (both included). */
    public ScreeningApi.Statistics statistics(String region, LocalDate from, LocalDate to) {
        String prefix = region + "%";
        Map<String, Long> bySource = zeros(ClueSource.values());
        long fromCampaigns = 0;
        for (Received r : sql.query("""
                        select source, count(*) as clues, count(campaign_id) as from_campaigns from warning_clue
                        where village_code like :prefix and reported_on between :from and :to
                        """ + " group by source")
                .bind("prefix", prefix)
                .bind("from", from)
                .bind("to", to)
                .list(Received.class)) {
            bySource.put(r.source(), r.clues());
            fromCampaigns += r.fromCampaigns();
        }
        Map<String, Long> byOutcome = new LinkedHashMap<>();
        for (String outcome : List.of("DISMISSED", "ESCALATED", "LINKED")) {
            byOutcome.put(outcome, 0L);
        }
        sql.query("""
                        select case when status in ('DISMISSED', 'ESCALATED') then status else 'LINKED' end as key,
                               count(*) as clues
                        from warning_clue
                        where village_code like :prefix and triaged_at >= :since and triaged_at < :until
                        """ + " group by 1")
                .bind("prefix", prefix)
                .bind("since", from.atStartOfDay(ChinaTime.ZONE).toInstant())
                .bind("until", to.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant())
                .list(Tally.class)
                .forEach(t -> byOutcome.put(t.key(), t.clues()));

        List<Decided> fromClues = sql.query("select distinct on (d.household_id) d.household_id, d.category, "
                        + people("IDENTIFICATION") + " as people, d.from_campaign from (" + IDENTIFIED_BY_CASE
                        + " and exists (select 1 from warning_clue w where w.case_id = c.id)"
                        + " and h.village_code like :prefix and s.performed_on between :from and :to) d"
                        + " order by d.household_id, d.day desc")
                .bind("prefix", prefix)
                .bind("from", from)
                .bind("to", to)
                .list(Decided.class);
        List<Decided> identified = sql.query("select distinct on (d.household_id) d.household_id, d.category, "
                        + people("IDENTIFICATION") + " as people, false as from_campaign from ("
                        + """
                        select h.id as household_id, h.monitoring_category as category, h.monitored_since as day
                        from household h
                        where h.monitoring_category is not null and h.village_code like :prefix
                          and h.monitored_since between :from and :to
                        union all
                        select e.household_id, e.category, e.identified_on
                        from household_monitoring_episode e join household h on h.id = e.household_id
                        where h.village_code like :prefix and e.identified_on between :from and :to
                        """
                        + ") d order by d.household_id, d.day desc")
                .bind("prefix", prefix)
                .bind("from", from)
                .bind("to", to)
                .list(Decided.class);
        List<Decided> eliminated = sql.query("select distinct on (d.household_id) d.household_id, d.category, "
                        + people("RISK_ELIMINATION") + " as people, false as from_campaign from ("
                        + """
                        select h.id as household_id, h.monitoring_category as category, h.risk_eliminated_on as day
                        from household h
                        where h.risk_state = 'ELIMINATED' and h.village_code like :prefix
                          and h.risk_eliminated_on between :from and :to
                        union all
                        select e.household_id, e.category, e.eliminated_on
                        from household_monitoring_episode e join household h on h.id = e.household_id
                        where h.village_code like :prefix and e.eliminated_on between :from and :to
                        """
                        + ") d order by d.household_id, d.day desc")
                .bind("prefix", prefix)
                .bind("from", from)
                .bind("to", to)
                .list(Decided.class);
        return new ScreeningApi.Statistics(
                region,
                from,
                to,
                bySource.values().stream().mapToLong(Long::longValue).sum(),
                bySource,
                fromCampaigns,
                byOutcome.values().stream().mapToLong(Long::longValue).sum(),
                byOutcome,
                byCategory(fromClues, d -> true),
                byCategory(fromClues, Decided::fromCampaign),
                byCategory(fromClues, d -> !d.fromCampaign()),
                byCategory(identified, d -> true),
                byCategory(eliminated, d -> true));
    }

    /** The households and people of each category (all three listed), and their total. */
    static ScreeningApi.ByCategory byCategory(List<Decided> decided, Predicate<Decided> which) {
        Map<String, long[]> sums = new LinkedHashMap<>();
        for (MonitoringCategory category : MonitoringCategory.values()) {
            sums.put(category.name(), new long[2]);
        }
        long households = 0;
        long people = 0;
        for (Decided d : decided) {
            if (which.test(d)) {
                long[] sum = sums.computeIfAbsent(d.category(), c -> new long[2]);
                sum[0]++;
                sum[1] += d.people();
                households++;
                people += d.people();
            }
        }
        Map<String, ScreeningApi.Count> byCategory = new LinkedHashMap<>();
        sums.forEach((category, sum) -> byCategory.put(category, new ScreeningApi.Count(sum[0], sum[1])));
        return new ScreeningApi.ByCategory(new ScreeningApi.Count(households, people), byCategory);
    }

    private static Map<String, Long> zeros(Enum<?>[] keys) {
        Map<String, Long> zeros = new LinkedHashMap<>();
        for (Enum<?> key : keys) {
            zeros.put(key.name(), 0L);
        }
        return zeros;
    }
}
