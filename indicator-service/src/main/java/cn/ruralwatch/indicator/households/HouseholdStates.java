package cn.ruralwatch.indicator.households;

import cn.ruralwatch.events.HouseholdState;
import cn.ruralwatch.sql.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
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

    /** Households not yet exited (未脱贫, 预脱贫 included), their people, and the people of 预脱贫 households. */
    public record NotExited(long households, long people, long plannedExitPeople) {}

    /** A household's state as stored (JSON of {@link HouseholdState}). */
    public record Stored(UUID householdId, String state) {}

    @Inject
    Sql sql;

    @Inject
    Clock clock;

    /** Stores the state unless a newer version is held; whether it was stored. */
    public boolean save(HouseholdState state, String json) {
        Instant now = clock.instant();
        return sql.query("""
                        insert into household_projection
                            (household_id, village_code, registered_at, updated_at, version, state, poverty_status, people)
                        values (:id, :village, :registeredAt, :updatedAt, :version, cast(:state as json), :povertyStatus,
                                :people)
                        on conflict (household_id) do update
                           set village_code = excluded.village_code, updated_at = excluded.updated_at,
                               version = excluded.version, state = excluded.state,
                               poverty_status = excluded.poverty_status, people = excluded.people
                         where household_projection.version < excluded.version""")
                        .bind("id", UUID.fromString(state.householdId()))
                        .bind("village", state.villageCode())
                        .bind("registeredAt", Timestamp.from(state.registeredAt() == null ? now : state.registeredAt()))
                        .bind("updatedAt", Timestamp.from(now))
                        .bind("version", state.version())
                        .bind("state", json)
                        .bind("povertyStatus", state.povertyStatus())
                        .bind(
                                "people",
                                "ACTIVE".equals(state.status())
                                        ? state.activeMembers().size()
                                        : 0)
                        .execute()
                == 1;
    }

    /** Households (with a state) of a division and their people. */
    public Counts counts(String division) {
        return sql.query("""
                        select count(*) as households, coalesce(sum(people), 0) as people from household_projection
                        where village_code like :division || '%' and state is not null""").bind("division", division).first(Counts.class).orElseThrow();
    }

    /** The households of a division that have not exited poverty, for 贫困发生率. */
    public NotExited notExited(String division) {
        return sql.query("""
                        select count(*) filter (where poverty_status in ('NOT_EXITED', 'PLANNED_EXIT')) as households,
                               coalesce(sum(people) filter (where poverty_status in ('NOT_EXITED', 'PLANNED_EXIT')), 0)
                                   as people,
                               coalesce(sum(people) filter (where poverty_status = 'PLANNED_EXIT'), 0)
                                   as planned_exit_people
                        from household_projection where village_code like :division || '%' and state is not null""").bind("division", division).first(NotExited.class).orElseThrow();
    }

    /** The next households of a region after {@code after}, in id order: the chunks an evaluation job walks. */
    public List<Stored> after(String region, UUID after, int limit) {
        return sql.query("""
                        select household_id, cast(state as text) as state from household_projection
                        where village_code like :region || '%' and household_id > :after and state is not null
                        order by household_id limit :limit""")
                .bind("region", region)
                .bind("after", after)
                .bind("limit", limit)
                .list(Stored.class);
    }
}
