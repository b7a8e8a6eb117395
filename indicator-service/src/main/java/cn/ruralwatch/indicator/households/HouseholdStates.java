package cn.ruralwatch.indicator.households;

import cn.ruralwatch.events.HouseholdState;
import cn.ruralwatch.sql.IdWalk;
import cn.ruralwatch.sql.Sql;
import cn.ruralwatch.sql.Statement;
import cn.ruralwatch.time.ChinaTime;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The households indicator-service evaluates, each with its whole state as household-service last described it
 * (table {@code household_projection}): written from household-service's events, read by evaluations, jobs and
 * rates. A household whose state is null is known by id only.
 */
@ApplicationScoped
public class HouseholdStates {

    /** How many households a division holds, and their people (members living in active households). */
    public record Counts(long households, long people) {}

    /** Households not yet exited (未脱贫, 预脱贫 included), their people, and the 预脱贫 households and their people. */
    public record NotExited(long households, long people, long plannedExitHouseholds, long plannedExitPeople) {}

    /** How current a standard's results in a division are. */
    public record Freshness(
            long evaluated, long changedSince, long notEvaluated, Instant evaluatedFrom, Instant evaluatedTo) {}

    /**
     * A household's state as stored: the JSON of {@link HouseholdState}, in UTF-8 as PostgreSQL holds it (half the
     * memory of a {@code String} of Chinese text, and parsed from the bytes at once).
     */
    public record Stored(UUID householdId, byte[] state) {}

    @Inject
    Sql sql;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper mapper;

    /**
     * Stores the states of a batch as if one by one: a household's state unless a newer version is held (the same
     * version published again is stored: it may carry what a later event contract added), and a row of the status
     * history where what 贫困发生率 counts of the household changed; answers the states stored, one per household.
     */
    public List<HouseholdState> save(List<HouseholdState> states) throws JsonProcessingException {
        // each household's newest state of the batch, a later one of the same version too
        Map<UUID, HouseholdState> newest = new LinkedHashMap<>();
        for (HouseholdState state : states) {
            newest.merge(
                    UUID.fromString(state.householdId()),
                    state,
                    (held, next) -> next.version() < held.version() ? held : next);
        }
        if (newest.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<HouseholdState> rows = List.copyOf(newest.values());
        String[] json = new String[rows.size()];
        for (int i = 0; i < json.length; i++) {
            json[i] = mapper.writeValueAsString(rows.get(i));
        }
        Integer[] people = rows.stream().map(HouseholdStates::people).toArray(Integer[]::new);
        Set<UUID> stored = new HashSet<>(sql.query("""
                        insert into household_projection
                            (household_id, village_code, registered_at, updated_at, version, state, poverty_status, people)
                        select h.household_id, h.village_code, h.registered_at, :updatedAt, h.version, cast(h.state as json),
                               h.poverty_status, h.people
                        from unnest(cast(:ids as uuid[]), cast(:villages as text[]), cast(:registeredAt as timestamptz[]),
                                    cast(:versions as bigint[]), cast(:states as text[]), cast(:povertyStatus as text[]),
                                    cast(:people as integer[]))
                             as h(household_id, village_code, registered_at, version, state, poverty_status, people)
                        on conflict (household_id) do update
                           set village_code = excluded.village_code, updated_at = excluded.updated_at,
                               version = excluded.version, state = excluded.state,
                               poverty_status = excluded.poverty_status, people = excluded.people
                         where household_projection.version <= excluded.version
                        returning household_id""")
                .bind("ids", newest.keySet().toArray(UUID[]::new))
                .bind("villages", rows.stream().map(HouseholdState::villageCode).toArray(String[]::new))
                .bind(
                        "registeredAt",
                        rows.stream()
                                .map(h -> (h.registeredAt() == null ? now : h.registeredAt()).toString())
                                .toArray(String[]::new))
                .bind("updatedAt", Timestamp.from(now))
                .bind("versions", rows.stream().map(HouseholdState::version).toArray(Long[]::new))
                .bind("states", json)
                .bind(
                        "povertyStatus",
                        rows.stream().map(HouseholdState::povertyStatus).toArray(String[]::new))
                .bind("people", people)
                .column(UUID.class));
        List<HouseholdState> changed = rows.stream()
                .filter(h -> stored.contains(UUID.fromString(h.householdId())))
                .toList();
        if (!changed.isEmpty()) {
            // a row of the status history whenever what 贫困发生率 counts of the household changes
            sql.query("""
                            insert into household_status_history
                                (household_id, village_code, poverty_status, people, valid_from)
                            select h.household_id, h.village_code, h.poverty_status, h.people, :at
                            from unnest(cast(:ids as uuid[]), cast(:villages as text[]), cast(:povertyStatus as text[]),
                                        cast(:people as integer[])) as h(household_id, village_code, poverty_status, people)
                            where not exists (
                                select 1 from (select village_code, poverty_status, people from household_status_history
                                               where household_id = h.household_id
                                               order by valid_from desc, id desc limit 1) l
                                where l.village_code = h.village_code
                                  and l.poverty_status is not distinct from h.poverty_status and l.people = h.people)""")
                    .bind(
                            "ids",
                            changed.stream()
                                    .map(h -> UUID.fromString(h.householdId()))
                                    .toArray(UUID[]::new))
                    .bind(
                            "villages",
                            changed.stream().map(HouseholdState::villageCode).toArray(String[]::new))
                    .bind(
                            "povertyStatus",
                            changed.stream().map(HouseholdState::povertyStatus).toArray(String[]::new))
                    .bind(
                            "people",
                            changed.stream().map(HouseholdStates::people).toArray(Integer[]::new))
                    .bind("at", Timestamp.from(now))
                    .execute();
        }
        return changed;
    }

    /** The people of a household as 贫困发生率 counts them: the members living in it while it is active. */
    private static int people(HouseholdState state) {
        return "ACTIVE".equals(state.status()) ? state.activeMembers().size() : 0;
    }

    /** Households (with a state) of a division and their people. */
    public Counts counts(String division) {
        return sql.query("""
                        select count(*) as households, coalesce(sum(people), 0) as people from household_projection
                        where village_code like :division || '%' and state is not null""").bind("division", division).first(Counts.class).orElseThrow();
    }

    /**
     * The households of a division that have not exited poverty (未脱贫, 预脱贫 included) and live in it, for 贫困发生率:
     * now ({@code asOf} null) or as they stood at the end of a past day (China time), from the status history.
     */
    public NotExited notExited(String division, LocalDate asOf) {
        Statement statement = sql.query("""
                        select count(*) filter (where poverty_status in ('NOT_EXITED', 'PLANNED_EXIT') and people > 0)
                                   as households,
                               coalesce(sum(people) filter (where poverty_status in ('NOT_EXITED', 'PLANNED_EXIT')), 0)
                                   as people,
                               count(*) filter (where poverty_status = 'PLANNED_EXIT' and people > 0)
                                   as planned_exit_households,
                               coalesce(sum(people) filter (where poverty_status = 'PLANNED_EXIT'), 0)
                                   as planned_exit_people
                        from %s""".formatted(households(asOf)));
        return bound(statement, division, asOf).first(NotExited.class).orElseThrow();
    }

    /**
     * Households of a division with people living in them, and those people: now ({@code asOf} null) or at the end of a
     * past day, from the status history.
     */
    public Counts living(String division, LocalDate asOf) {
        Statement statement = sql.query("""
                        select count(*) filter (where people > 0) as households, coalesce(sum(people), 0) as people
                        from %s""".formatted(households(asOf)));
        return bound(statement, division, asOf).first(Counts.class).orElseThrow();
    }

    /** Which households {@link #standing} counts. */
    public enum Standing {
        /** 现有未消除风险监测户 */
        MONITORED,
        /** 曾纳入监测：当前监测（任何风险状态）或以往各次监测 */
        EVER_MONITORED,
        /** 稳定脱贫户：脱贫户中未处于未消除风险监测的 */
        STABLE_EXITED
    }

    // absent (a state leaves out what has no value) and null alike: never unknown, so that "not (…)" holds for them
    private static final String MONITORING = "coalesce(json_typeof(state -> 'monitoring'), 'null') = 'object'";
    private static final String PAST = "(case when json_typeof(state -> 'pastMonitoring') = 'array'"
            + " then state -> 'pastMonitoring' else '[]'::json end)";

    /**
     * Households of a division as they stand, and their people, by their monitoring: at risk now, monitored now or
     * before, or exited and not at risk; a category or the year of identification narrows the monitored ones (an
     * earlier episode counts by its own category and year).
     */
    public Counts standing(String division, Standing standing, String category, Integer identifiedYear) {
        String current = MONITORING
                + (category == null ? "" : " and state -> 'monitoring' ->> 'category' = :category")
                + (identifiedYear == null ? "" : " and (state -> 'monitoring' ->> 'identifiedYear')::int = :year");
        String condition =
                switch (standing) {
                    case MONITORED -> current + " and state -> 'monitoring' ->> 'riskState' = 'AT_RISK'";
                    case EVER_MONITORED ->
                        "(" + current + ") or exists (select 1 from json_array_elements(" + PAST + ") e where true"
                                + (category == null ? "" : " and e ->> 'category' = :category")
                                + (identifiedYear == null
                                        ? ""
                                        : " and extract(year from (e ->> 'identifiedOn')::date) = :year")
                                + ")";
                    case STABLE_EXITED ->
                        "poverty_status = 'EXITED' and not (" + MONITORING
                                + " and state -> 'monitoring' ->> 'riskState' = 'AT_RISK')";
                };
        Statement statement =
                sql.query("select count(*) filter (where people > 0) as households, coalesce(sum(people), 0) as people"
                        + " from household_projection where village_code like :division || '%' and state is not null"
                        + " and (" + condition + ")");
        statement.bind("division", division);
        if (category != null) {
            statement.bind("category", category);
        }
        if (identifiedYear != null) {
            statement.bind("year", identifiedYear);
        }
        return statement.first(Counts.class).orElseThrow();
    }

    /**
     * The households of {@code :division} with their village, poverty status and people: as they stand ({@code asOf}
     * null), or as the status history had them at the end of the day ({@code :end}).
     */
    private static String households(LocalDate asOf) {
        return asOf == null
                ? "household_projection where village_code like :division || '%' and state is not null"
                : """
                (select distinct on (household_id) village_code, poverty_status, people from household_status_history
                 where valid_from < :end order by household_id, valid_from desc, id desc) h
                where village_code like :division || '%'""";
    }

    private static Statement bound(Statement statement, String division, LocalDate asOf) {
        statement.bind("division", division);
        return asOf == null
                ? statement
                : statement.bind(
                        "end",
                        Timestamp.from(
                                asOf.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant()));
    }

    /**
     * Whether a standard's results in a division are those of the households as they stand: households it judged, those
     * changed since it judged them, those it never judged, and when it judged them.
     */
    public Freshness freshness(String standardCode, String standardRegion, String division) {
        return sql.query("""
                        select count(e.household_id) as evaluated,
                               count(*) filter (where e.household_id is not null and e.version < p.version)
                                   as changed_since,
                               count(*) filter (where e.household_id is null) as not_evaluated,
                               min(e.evaluated_at) as evaluated_from, max(e.evaluated_at) as evaluated_to
                        from household_projection p
                        left join household_evaluation e
                               on e.household_id = p.household_id and e.standard_code = :standard
                        where p.village_code like :division || '%' and p.village_code like :region || '%'
                          and p.state is not null and p.people > 0""")
                .bind("standard", standardCode)
                .bind("region", standardRegion)
                .bind("division", division)
                .first(Freshness.class)
                .orElseThrow();
    }

    /**
     * The next households of a region after {@code after} up to {@code upTo}, in id order: the chunks an evaluation job
     * walks ({@link IdWalk}). The region is compared on the code's first digits, which no index
     * serves, so that the planner walks the primary key within the bound and the job reads each row of the region's
     * span of ids once: with {@code like}, it took the index by village, which cannot give the rows in id order, and
     * read the state of every household left in the region for each chunk (96 ms a chunk instead of 5-10).
     */
    public List<Stored> after(String region, UUID after, UUID upTo, int limit) {
        return sql.query("""
                        select household_id, convert_to(cast(state as text), 'UTF8') as state from household_projection
                        where household_id > :after and household_id <= :upTo
                          and substr(village_code, 1, length(:region)) = :region and state is not null
                        order by household_id limit :limit""")
                .bind("region", region)
                .bind("after", after)
                .bind("upTo", upTo)
                .bind("limit", limit)
                .list(Stored.class);
    }

    /**
     * The lowest and highest household id of a region: where an evaluation job's walk begins and ends. The region's ids
     * are read from the index by village alone (20,000 in 14 ms); asked for the top id directly, the planner walks the
     * primary key down from the highest id of all, through every county registered later (1 s with 24 counties).
     */
    public Optional<IdWalk.Span> span(String region) {
        return sql.query("""
                        with ids as materialized (
                            select household_id from household_projection where village_code like :region || '%')
                        select (select household_id from ids order by household_id limit 1) as lowest,
                               (select household_id from ids order by household_id desc limit 1) as highest""").bind("region", region).first(IdWalk.Span.class).filter(span -> span.lowest() != null);
    }
}
