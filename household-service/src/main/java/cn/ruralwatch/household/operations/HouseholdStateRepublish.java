package cn.ruralwatch.household.operations;

import cn.ruralwatch.events.EventTypes;
import cn.ruralwatch.events.HouseholdChanged;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.household.household.Household;
import cn.ruralwatch.household.household.HouseholdMapper;
import cn.ruralwatch.jobs.JobHandler;
import cn.ruralwatch.jobs.RunningJob;
import cn.ruralwatch.messaging.Outbox;
import cn.ruralwatch.sql.IdWalk;
import cn.ruralwatch.sql.Sql;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Hibernate;

/**
 * Publishes every household of a region again as it stands ({@code household.changed.v1}, operation {@code REPUBLISH},
 * nothing changed): the other services' projections take a state of the version they hold when it comes again, so what
 * later versions of the event contract added (the head's name, members' schooling and work, new facts) reaches the
 * households that have not changed since. Walks the region's span of ids in id order ({@link IdWalk}), a chunk
 * per transaction with its checkpoint, so a job taken up again goes on where it stopped.
 */
@ApplicationScoped
public class HouseholdStateRepublish implements JobHandler<HouseholdStateRepublish.Parameters> {

    public static final String KIND = "HOUSEHOLD_STATE_REPUBLISH";
    static final int CHUNK = 500;
    static final String REASON = "重新发布农户当前状态（运维）";

    /** The region whose households are published again ("" for every household of the deployment). */
    public record Parameters(String region) {}

    @Inject
    Sql sql;

    @Inject
    EntityManager entityManager;

    @Inject
    Outbox outbox;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Class<Parameters> parameterType() {
        return Parameters.class;
    }

    @Override
    public Map<String, Object> run(RunningJob<Parameters> job) {
        String region = job.parameters().region();
        Map<String, Object> progress = new LinkedHashMap<>(job.progress());
        if (!progress.containsKey("total")) {
            long total = QuarkusTransaction.requiringNew()
                    .call(() -> sql.query("select count(*) from household where village_code like :region || '%'")
                            .bind("region", region)
                            .count());
            progress.put("total", total);
            progress.put("published", 0L);
            job.report(progress);
        }
        IdWalk<UUID> walk = new IdWalk<>(
                (after, upTo, limit) -> sql.query("""
                                select id from household
                                where village_code like :region || '%' and id > :after and id <= :upTo
                                order by id limit :limit""")
                        .bind("region", region)
                        .bind("after", after)
                        .bind("upTo", upTo)
                        .bind("limit", limit)
                        .column(UUID.class),
                () -> span(region),
                id -> id,
                CHUNK);
        UUID after = job.checkpoint().map(UUID::fromString).orElse(new UUID(0, 0));
        UUID bound = null;
        while (true) {
            UUID from = after;
            UUID upTo = bound;
            IdWalk.Chunk<UUID> chunk = QuarkusTransaction.requiringNew().call(() -> walk.next(from, upTo));
            List<UUID> ids = chunk.rows();
            if (ids.isEmpty()) {
                return progress;
            }
            QuarkusTransaction.requiringNew().run(() -> {
                publish(ids);
                progress.put("published", ((Number) progress.get("published")).longValue() + ids.size());
                job.save(progress, chunk.last().toString());
            });
            after = chunk.last();
            bound = chunk.bound();
            job.proceed();
        }
    }

    /**
     * The region's lowest and highest household id, read from its index by village (the primary key, walked down from
     * the highest id of all, would pass every household registered later in other regions first).
     */
    private Optional<IdWalk.Span> span(String region) {
        return sql.query("""
                        with ids as materialized (select id from household where village_code like :region || '%')
                        select (select id from ids order by id limit 1) as lowest,
                               (select id from ids order by id desc limit 1) as highest""").bind("region", region).first(IdWalk.Span.class).filter(span -> span.lowest() != null);
    }

    private void publish(List<UUID> ids) {
        List<Household> households = entityManager
                .createQuery(
                        "select distinct h from Household h left join fetch h.members where h.id in :ids",
                        Household.class)
                .setParameter("ids", ids)
                .getResultList();
        List<Outbox.Message> messages = new ArrayList<>(households.size());
        for (Household household : households) {
            Hibernate.initialize(household.incomes);
            Hibernate.initialize(household.pastMonitoring);
            messages.add(new Outbox.Message(
                    Topics.HOUSEHOLD_EVENTS,
                    "household",
                    household.id.toString(),
                    EventTypes.HOUSEHOLD_CHANGED,
                    new HouseholdChanged("REPUBLISH", REASON, List.of(), HouseholdMapper.state(household))));
        }
        outbox.publishAll(messages);
        // the households are read, not changed: nothing of them stays in the persistence context
        entityManager.clear();
    }
}
