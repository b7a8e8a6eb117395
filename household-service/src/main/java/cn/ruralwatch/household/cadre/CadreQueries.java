package cn.ruralwatch.household.cadre;

import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.sql.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The lists behind the visiting work: households that must have a cadre and have none, households overdue for a
 * visit under their region's rule, and the cadres of those households.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CadreQueries {

    private static final String HEAD_NAME = """
            (select m.name from member m where m.household_id = %s and m.relation = 'HEAD' and m.status = 'ACTIVE'
             limit 1)""";

    /**
     * The active households under {@code :prefix} with the rule that applies to them (the rule of the longest region
     * code holding the village), those of the rule's groups and under it by {@code :asOf}, with the day their last visit
     * (or, without one since, the day they came under the rule) is counted from.
     */
    private static final String RULED = """
            with ruled as (
              select distinct on (h.id) h.id as household_id, h.village_code, r.region_code as rule_region, r.groups,
                     r.max_interval_days,
                     greatest(r.effective_from, (h.registered_at at time zone 'Asia/Shanghai')::date) as since,
                     h.poverty_status, h.monitoring_category, h.risk_state, h.minimum_living, h.extreme_poverty
              from household h
              join visit_rule r on h.village_code like r.region_code || '%'
              where h.status = 'ACTIVE' and h.village_code like :prefix
              order by h.id, length(r.region_code) desc
            ), covered as (
              select ru.*,
                     (select max(v.visited_on) from assistance_visit v
                      where v.household_id = ru.household_id and v.visited_on <= cast(:asOf as date)) as last_visited_on
              from ruled ru
              where ru.since <= cast(:asOf as date)
                and (('MONITORED_AT_RISK' = any(ru.groups) and ru.monitoring_category is not null
                      and ru.risk_state = 'AT_RISK')
                  or ('EXITED' = any(ru.groups) and ru.poverty_status = 'EXITED')
                  or ('MINIMUM_LIVING' = any(ru.groups) and ru.minimum_living)
                  or ('EXTREME_POVERTY' = any(ru.groups) and ru.extreme_poverty)
                  or ('SERIOUS_ILLNESS' = any(ru.groups) and exists (select 1 from member m
                      where m.household_id = ru.household_id and m.status = 'ACTIVE' and m.health = 'SERIOUS_ILLNESS'))
                  or ('DISABLED' = any(ru.groups) and exists (select 1 from member m
                      where m.household_id = ru.household_id and m.status = 'ACTIVE' and m.health = 'DISABLED')))
            ), overdue as (
              select c.household_id, c.village_code, c.rule_region, c.max_interval_days, c.last_visited_on,
                     greatest(c.last_visited_on, c.since) + c.max_interval_days as due_on
              from covered c
              where greatest(c.last_visited_on, c.since) + c.max_interval_days < cast(:asOf as date)
            )
            """;

    /** In force on {@code :asOf}: started by then and not ended by then. */
    private static final String IN_FORCE =
            "a.starts_on <= cast(:asOf as date)" + " and (a.ends_on is null or a.ends_on > cast(:asOf as date))";

    record OverdueRow(
            UUID householdId,
            String villageCode,
            String villageName,
            String headName,
            String ruleRegion,
            int maxIntervalDays,
            LocalDate lastVisitedOn,
            LocalDate dueOn,
            int daysOverdue) {}

    record CadreRow(UUID householdId, UUID cadreId, String name, String kind) {}

    @Inject
    Sql sql;

    public Page<CadreApi.WithoutCadre> withoutCadre(String prefix, PageRequest page) {
        return sql.query("""
                        select h.id as household_id, h.village_code, d.name as village_name,
                        """ + HEAD_NAME.formatted("h.id") + """
                         as head_name, h.poverty_status, h.monitoring_category, h.risk_state
                        from household h left join division d on d.code = h.village_code
                        where h.status = 'ACTIVE' and h.village_code like :prefix
                          and (h.poverty_status = 'EXITED'
                               or (h.monitoring_category is not null and h.risk_state = 'AT_RISK'))
                          and not exists (select 1 from cadre_assignment a join cadre c on c.id = a.cadre_id
                                          where a.household_id = h.id and a.ends_on is null and c.active)
                        order by h.village_code, h.id
                        """)
                .bind("prefix", prefix + "%")
                .page(CadreApi.WithoutCadre.class, page);
    }

    public Page<CadreApi.OverdueHousehold> overdue(String prefix, LocalDate asOf, PageRequest page) {
        Page<OverdueRow> rows = sql.query(RULED + """
                        select o.household_id, o.village_code, d.name as village_name,
                        """ + HEAD_NAME.formatted("o.household_id") + """
                         as head_name, o.rule_region, o.max_interval_days, o.last_visited_on, o.due_on,
                               cast(:asOf as date) - o.due_on as days_overdue
                        from overdue o left join division d on d.code = o.village_code
                        order by days_overdue desc, o.village_code, o.household_id
                        """)
                .bind("prefix", prefix + "%")
                .bind("asOf", asOf)
                .page(OverdueRow.class, page);
        Map<UUID, List<CadreApi.CadreRef>> cadres = new LinkedHashMap<>();
        List<UUID> ids = rows.items().stream().map(OverdueRow::householdId).toList();
        if (!ids.isEmpty()) {
            sql.query("select a.household_id, c.id as cadre_id, c.name, c.kind from cadre_assignment a"
                            + " join cadre c on c.id = a.cadre_id where a.household_id in (:ids) and " + IN_FORCE
                            + " order by a.kind desc, c.id")
                    .bind("ids", ids)
                    .bind("asOf", asOf)
                    .list(CadreRow.class)
                    .forEach(r -> cadres.computeIfAbsent(r.householdId(), k -> new ArrayList<>())
                            .add(new CadreApi.CadreRef(r.cadreId(), r.name(), CadreKind.valueOf(r.kind()))));
        }
        return rows.map(r -> new CadreApi.OverdueHousehold(
                r.householdId(),
                r.villageCode(),
                r.villageName(),
                r.headName(),
                r.ruleRegion(),
                r.maxIntervalDays(),
                r.lastVisitedOn(),
                r.dueOn(),
                r.daysOverdue(),
                cadres.getOrDefault(r.householdId(), List.of())));
    }

    record MissingRow(
            UUID cadreId,
            String name,
            String kind,
            String unit,
            String divisionCode,
            long assignedHouseholds,
            long overdueHouseholds,
            int maxDaysOverdue) {}

    /** The cadres (active on {@code asOf}) of overdue households under the prefix, with how many are overdue. */
    public Page<CadreApi.CadreMissingVisits> missingVisits(String prefix, LocalDate asOf, PageRequest page) {
        return sql.query(RULED + """
                        select c.id as cadre_id, c.name, c.kind, c.unit, c.division_code,
                               (select count(*) from cadre_assignment a where a.cadre_id = c.id and %s)
                                   as assigned_households,
                               count(*) as overdue_households,
                               max(cast(:asOf as date) - o.due_on) as max_days_overdue
                        from overdue o
                        join cadre_assignment a on a.household_id = o.household_id and %s
                        join cadre c on c.id = a.cadre_id
                        group by c.id, c.name, c.kind, c.unit, c.division_code
                        order by overdue_households desc, max_days_overdue desc, c.id
                        """.formatted(IN_FORCE, IN_FORCE))
                .bind("prefix", prefix + "%")
                .bind("asOf", asOf)
                .page(MissingRow.class, page)
                .map(r -> new CadreApi.CadreMissingVisits(
                        r.cadreId(),
                        r.name(),
                        CadreKind.valueOf(r.kind()),
                        r.unit(),
                        r.divisionCode(),
                        r.assignedHouseholds(),
                        r.overdueHouseholds(),
                        r.maxDaysOverdue()));
    }

    /** The cadre's visits to households under the prefix, latest first, optionally within the days (both included). */
    public Page<CadreApi.CadreVisit> visits(
            UUID cadreId, String prefix, LocalDate from, LocalDate to, PageRequest page) {
        return sql.query("""
                        select v.id as visit_id, v.household_id, h.village_code,
                        """ + HEAD_NAME.formatted("h.id") + """
                         as head_name, v.visited_on, v.note, v.recorded_by, v.recorded_at
                        from assistance_visit v join household h on h.id = v.household_id
                        where v.cadre_id = :cadre and h.village_code like :prefix
                          and v.visited_on >= cast(:from as date) and v.visited_on <= cast(:to as date)
                        order by v.visited_on desc, v.recorded_at desc, v.id
                        """)
                .bind("cadre", cadreId)
                .bind("prefix", prefix + "%")
                .bind("from", from == null ? LocalDate.of(1, 1, 1) : from)
                .bind("to", to == null ? LocalDate.of(9999, 12, 31) : to)
                .page(CadreApi.CadreVisit.class, page);
    }
}
