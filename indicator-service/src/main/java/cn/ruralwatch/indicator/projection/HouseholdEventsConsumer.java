package cn.ruralwatch.indicator.projection;

import cn.ruralwatch.events.AssistanceMeasureAdded;
import cn.ruralwatch.events.DivisionPopulationSet;
import cn.ruralwatch.events.DivisionRegistered;
import cn.ruralwatch.events.DivisionRenamed;
import cn.ruralwatch.events.HouseholdEvent;
import cn.ruralwatch.events.HouseholdState;
import cn.ruralwatch.events.HouseholdStateEvent;
import cn.ruralwatch.events.MonitoringCaseDecided;
import cn.ruralwatch.events.MonitoringCaseOpened;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.indicator.evaluation.EvaluationService;
import cn.ruralwatch.messaging.Inbox;
import cn.ruralwatch.messaging.IncomingEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the household and division projection current from household-events and re-evaluates each changed household.
 * Every household event carries the household's whole state with its version; a state older than the one held (events
 * may arrive out of order across redeliveries) is ignored, so applying events twice or late changes nothing.
 */
@ApplicationScoped
public class HouseholdEventsConsumer {

    static final String CONSUMER = "indicator-service";

    @Inject
    Inbox inbox;

    @Inject
    ObjectMapper mapper;

    @Inject
    EntityManager entityManager;

    @Inject
    EvaluationService evaluations;

    @Incoming(Topics.HOUSEHOLD_EVENTS)
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        inbox.process(CONSUMER, record, this::apply);
    }

    void apply(IncomingEvent event) throws Exception {
        HouseholdEvent parsed =
                HouseholdEvent.parse(event.type(), event.data(), mapper).orElse(null);
        if (parsed == null) {
            return;
        }
        switch (parsed) {
            case HouseholdStateEvent changed -> {
                if (project(changed.household())) {
                    evaluations.evaluate(
                            List.of(new EvaluationService.Household(
                                    UUID.fromString(changed.household().householdId()), changed.household())),
                            new EvaluationService.Selection.InForce(),
                            event.id());
                }
            }
            case DivisionRegistered registered -> {
                DivisionProjection division = new DivisionProjection();
                division.code = registered.code();
                division.name = registered.name();
                division.level = registered.level();
                division.parentCode = registered.parentCode();
                entityManager.merge(division);
            }
            case DivisionRenamed renamed -> {
                DivisionProjection division = entityManager.find(DivisionProjection.class, renamed.code());
                if (division != null) {
                    division.name = renamed.name();
                }
            }
            case DivisionPopulationSet population ->
                entityManager
                        .createNativeQuery("""
                            insert into division_population
                                (code, year, registered_population, agricultural_population, households)
                            values (?1, ?2, ?3, ?4, ?5)
                            on conflict (code, year) do update
                               set registered_population = excluded.registered_population,
                                   agricultural_population = excluded.agricultural_population,
                                   households = excluded.households""")
                        .setParameter(1, population.code())
                        .setParameter(2, population.year())
                        .setParameter(3, population.registeredPopulation())
                        .setParameter(4, population.agriculturalPopulation())
                        .setParameter(5, population.households())
                        .executeUpdate();
            case MonitoringCaseOpened ignored -> {
                // the workflow's cases are not evaluated; their outcome arrives as the household's new state
            }
            case MonitoringCaseDecided ignored -> {
                // the household's new state follows in its own event
            }
            case AssistanceMeasureAdded ignored -> {
                // measures are not evaluated
            }
        }
    }

    /** Stores the state unless a newer one is held; whether it was stored. */
    private boolean project(HouseholdState state) throws Exception {
        int stored = entityManager
                .createNativeQuery("""
                        insert into household_projection
                            (household_id, village_code, registered_at, updated_at, version, state, poverty_status, people)
                        values (?1, ?2, ?3, ?4, ?5, cast(?6 as jsonb), ?7, ?8)
                        on conflict (household_id) do update
                           set village_code = excluded.village_code, updated_at = excluded.updated_at,
                               version = excluded.version, state = excluded.state,
                               poverty_status = excluded.poverty_status, people = excluded.people
                         where household_projection.version < excluded.version""")
                .setParameter(1, UUID.fromString(state.householdId()))
                .setParameter(2, state.villageCode())
                .setParameter(3, Timestamp.from(state.registeredAt() == null ? Instant.now() : state.registeredAt()))
                .setParameter(4, Timestamp.from(Instant.now()))
                .setParameter(5, state.version())
                .setParameter(6, mapper.writeValueAsString(state))
                .setParameter(7, state.povertyStatus())
                .setParameter(
                        8,
                        "ACTIVE".equals(state.status()) ? state.activeMembers().size() : 0)
                .executeUpdate();
        return stored == 1;
    }
}
