package cn.ruralwatch.household.workteam;

import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.sql.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The lists of the work teams' work: the teams of a region, the villages without a team or a 第一书记, the trainings,
 * inspections and guidance notices of a region and period, and each member's trainings.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class WorkTeamQueries {

    /** Far enough apart to stand for an open end of a period. */
    private static final LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);

    private static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

    private static final String CURRENT_FIRST_SECRETARY = """
            (select m.name from work_team_member m where m.team_id = t.id and m.role = 'FIRST_SECRETARY'
               and m.leaves_on is null)""";

    @Inject
    Sql sql;

    public Page<WorkTeamApi.TeamSummary> teams(String prefix, PageRequest page) {
        return sql.query("""
                        select t.id, t.village_code, d.name as village_name, t.dispatching_unit, t.formed_on,
                               t.term_ends_on,
                        """ + CURRENT_FIRST_SECRETARY + """
                         as first_secretary_name,
                               (select count(*) from work_team_member m where m.team_id = t.id and m.leaves_on is null)
                                   as current_members,
                               (select count(*) from work_team_inspection i where i.team_id = t.id) as inspections,
                               (select max(i.inspected_on) from work_team_inspection i where i.team_id = t.id)
                                   as last_inspected_on,
                               t.version
                        from work_team t left join division d on d.code = t.village_code
                        where t.village_code like :prefix
                        order by t.village_code
                        """)
                .bind("prefix", prefix + "%")
                .page(WorkTeamApi.TeamSummary.class, page);
    }

    /**
     * The villages under the prefix with no team ({@code TEAM}) or with a team but no current 第一书记
     * ({@code FIRST_SECRETARY}); {@code lacking} null for both.
     */
    public Page<WorkTeamApi.UncoveredVillage> uncovered(
            String prefix, String lacking, boolean povertyVillagesOnly, PageRequest page) {
        var query = sql.query("""
                        select * from (
                          select d.code as village_code, d.name as village_name, d.poverty_village,
                                 cast(d.poverty_exit_year as integer) as poverty_exit_year, t.id as team_id,
                                 case when t.id is null then 'TEAM' else 'FIRST_SECRETARY' end as lacking
                          from division d left join work_team t on t.village_code = d.code
                          where d.level = 'VILLAGE' and d.code like :prefix
                            and (t.id is null or not exists (
                                   select 1 from work_team_member m where m.team_id = t.id
                                     and m.role = 'FIRST_SECRETARY' and m.leaves_on is null))
                        """ + (povertyVillagesOnly ? " and d.poverty_village\n" : "") + """
                        ) v
                        """
                        + (lacking == null ? "" : " where v.lacking = :lacking\n") + """
                        order by v.village_code
                        """)
                .bind("prefix", prefix + "%");
        if (lacking != null) {
            query.bind("lacking", lacking);
        }
        return query.page(WorkTeamApi.UncoveredVillage.class, page);
    }

    record TrainingRow(
            UUID id,
            String regionCode,
            String regionName,
            LocalDate heldOn,
            String topic,
            BigDecimal hours,
            String organizer,
            int attendeeCount,
            String recordedBy,
            Instant recordedAt) {}

    record AttendeeRow(UUID trainingId, UUID memberId, UUID teamId, String villageCode, String name, String role) {}

    /**
     * The trainings held within the prefix or by a region holding it, within the days (both included), latest first;
     * each with its attendees of teams within {@code own}, the caller's region.
     */
    public Page<WorkTeamApi.TrainingView> trainings(
            String prefix, String own, LocalDate from, LocalDate to, PageRequest page) {
        Page<TrainingRow> rows = sql.query("""
                        select tr.id, tr.region_code, d.name as region_name, tr.held_on, tr.topic, tr.hours,
                               tr.organizer,
                               (select count(*) from work_team_training_attendee a where a.training_id = tr.id)
                                   as attendee_count,
                               tr.recorded_by, tr.recorded_at
                        from work_team_training tr left join division d on d.code = tr.region_code
                        where (tr.region_code like :prefix or :own like tr.region_code || '%')
                          and tr.held_on >= cast(:from as date) and tr.held_on <= cast(:to as date)
                        order by tr.held_on desc, tr.id
                        """)
                .bind("prefix", prefix + "%")
                .bind("own", prefix)
                .bind("from", from == null ? FIRST_DAY : from)
                .bind("to", to == null ? LAST_DAY : to)
                .page(TrainingRow.class, page);
        Map<UUID, List<WorkTeamApi.Attendee>> attendees =
                attendees(rows.items().stream().map(TrainingRow::id).toList(), own);
        return rows.map(r -> new WorkTeamApi.TrainingView(
                r.id(),
                r.regionCode(),
                r.regionName(),
                r.heldOn(),
                r.topic(),
                r.hours(),
                r.organizer(),
                r.attendeeCount(),
                attendees.getOrDefault(r.id(), List.of()),
                r.recordedBy(),
                r.recordedAt()));
    }

    /** The attendees of the trainings who serve (or served) on teams within {@code own}, the caller's region. */
    public Map<UUID, List<WorkTeamApi.Attendee>> attendees(List<UUID> trainingIds, String own) {
        Map<UUID, List<WorkTeamApi.Attendee>> attendees = new LinkedHashMap<>();
        if (trainingIds.isEmpty()) {
            return attendees;
        }
        sql.query("""
                        select a.training_id, m.id as member_id, m.team_id, t.village_code, m.name, m.role
                        from work_team_training_attendee a
                        join work_team_member m on m.id = a.member_id
                        join work_team t on t.id = m.team_id
                        where a.training_id in (:ids) and t.village_code like :own
                        order by t.village_code, m.role, m.name, m.id
                        """)
                .bind("ids", trainingIds)
                .bind("own", own + "%")
                .list(AttendeeRow.class)
                .forEach(r -> attendees
                        .computeIfAbsent(r.trainingId(), k -> new ArrayList<>())
                        .add(new WorkTeamApi.Attendee(
                                r.memberId(), r.teamId(), r.villageCode(), r.name(), WorkTeamRole.valueOf(r.role()))));
        return attendees;
    }

    record MemberTrainings(UUID memberId, long trainings, BigDecimal hours) {}

    /** Each member's trainings and hours, for the members of a team. */
    public Map<UUID, MemberTrainings> memberTrainings(UUID teamId) {
        Map<UUID, MemberTrainings> byMember = new LinkedHashMap<>();
        sql.query("""
                        select a.member_id, count(*) as trainings, sum(tr.hours) as hours
                        from work_team_training_attendee a
                        join work_team_training tr on tr.id = a.training_id
                        join work_team_member m on m.id = a.member_id
                        where m.team_id = :team
                        group by a.member_id
                        """).bind("team", teamId).list(MemberTrainings.class).forEach(r -> byMember.put(r.memberId(), r));
        return byMember;
    }

    record InspectionRow(
            UUID id,
            UUID teamId,
            String villageCode,
            String villageName,
            LocalDate inspectedOn,
            String kind,
            String inspectingBody,
            List<String> findings,
            String outcome,
            UUID memberId,
            String memberName,
            String note,
            String recordedBy,
            Instant recordedAt) {

        WorkTeamApi.InspectionView view() {
            InspectionKind k = InspectionKind.valueOf(kind);
            InspectionOutcome o = InspectionOutcome.valueOf(outcome);
            return new WorkTeamApi.InspectionView(
                    id,
                    teamId,
                    villageCode,
                    villageName,
                    inspectedOn,
                    k,
                    k.label(),
                    inspectingBody,
                    findings,
                    o,
                    o.label(),
                    memberId,
                    memberName,
                    note,
                    recordedBy,
                    recordedAt);
        }
    }

    private static final String INSPECTIONS = """
            select i.id, i.team_id, t.village_code, d.name as village_name, i.inspected_on, i.kind, i.inspecting_body,
                   i.findings, i.outcome, i.member_id, m.name as member_name, i.note, i.recorded_by, i.recorded_at
            from work_team_inspection i
            join work_team t on t.id = i.team_id
            left join division d on d.code = t.village_code
            left join work_team_member m on m.id = i.member_id
            """;

    /** The inspections of teams under the prefix within the days (both included), latest first. */
    public Page<WorkTeamApi.InspectionView> inspections(
            String prefix, LocalDate from, LocalDate to, InspectionOutcome outcome, PageRequest page) {
        var query = sql.query(INSPECTIONS + """
                        where t.village_code like :prefix
                          and i.inspected_on >= cast(:from as date) and i.inspected_on <= cast(:to as date)
                        """ + (outcome == null ? "" : " and i.outcome = :outcome") + """
                         order by i.inspected_on desc, i.id
                        """)
                .bind("prefix", prefix + "%")
                .bind("from", from == null ? FIRST_DAY : from)
                .bind("to", to == null ? LAST_DAY : to);
        if (outcome != null) {
            query.bind("outcome", outcome.name());
        }
        return query.page(InspectionRow.class, page).map(InspectionRow::view);
    }

    public WorkTeamApi.InspectionView inspection(UUID id) {
        return sql.query(INSPECTIONS + " where i.id = :id")
                .bind("id", id)
                .list(InspectionRow.class)
                .getFirst()
                .view();
    }

    record NoticeRow(
            UUID id,
            String regionCode,
            String regionName,
            LocalDate month,
            LocalDate issuedOn,
            String issuingOffice,
            String title,
            List<String> items,
            String recordedBy,
            Instant recordedAt) {

        WorkTeamApi.NoticeView view() {
            return new WorkTeamApi.NoticeView(
                    id,
                    regionCode,
                    regionName,
                    YearMonth.from(month).toString(),
                    issuedOn,
                    issuingOffice,
                    title,
                    items,
                    recordedBy,
                    recordedAt);
        }
    }

    private static final String NOTICES = """
            select n.id, n.region_code, d.name as region_name, n.month, n.issued_on, n.issuing_office, n.title, n.items,
                   n.recorded_by, n.recorded_at
            from guidance_notice n left join division d on d.code = n.region_code
            """;

    /**
     * The notices issued within the prefix or by a region holding it (a village sees its township's and county's), for
     * the months within the period, by month.
     */
    public Page<WorkTeamApi.NoticeView> notices(String prefix, YearMonth from, YearMonth to, PageRequest page) {
        return sql.query(NOTICES + """
                        where (n.region_code like :prefix or :own like n.region_code || '%')
                          and n.month >= cast(:from as date) and n.month <= cast(:to as date)
                        order by n.month, n.region_code, n.issued_on, n.id
                        """)
                .bind("prefix", prefix + "%")
                .bind("own", prefix)
                .bind("from", from == null ? FIRST_DAY : from.atDay(1))
                .bind("to", to == null ? LAST_DAY : to.atDay(1))
                .page(NoticeRow.class, page)
                .map(NoticeRow::view);
    }

    public WorkTeamApi.NoticeView notice(UUID id) {
        return sql.query(NOTICES + " where n.id = :id")
                .bind("id", id)
                .list(NoticeRow.class)
                .getFirst()
                .view();
    }
}
