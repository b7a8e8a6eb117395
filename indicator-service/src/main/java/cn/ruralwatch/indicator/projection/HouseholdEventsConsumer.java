package cn.ruralwatch.indicator.projection;

import cn.ruralwatch.directory.HouseholdDirectory;
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
import cn.ruralwatch.events.VillageStatusSet;
import cn.ruralwatch.indicator.evaluation.EvaluationService;
import cn.ruralwatch.indicator.households.DivisionPopulations;
import cn.ruralwatch.indicator.households.HouseholdStates;
import cn.ruralwatch.messaging.EventHandler;
import cn.ruralwatch.messaging.Inbox;
import cn.ruralwatch.messaging.IncomingEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the household and division projection current from household-events and re-evaluates each changed household.
 * Every household event carries the household's whole state with its version; a state older than the one held (events
 * may arrive out of order across redeliveries) is ignored, so applying events twice or late changes nothing.
 */
@ApplicationScoped
public class HouseholdEventsConsumer implements EventHandler {

    static final String CONSUMER = "indicator-service";

    @Inject
    Inbox inbox;

    @Inject
    ObjectMapper mapper;

    @Inject
    HouseholdStates households;

    @Inject
    DivisionPopulations populations;

    @Inject
    EvaluationService evaluations;

    @Inject
    HouseholdDirectory directory;

    /**
     * Events arrive in batches (the channel has {@code batch=true}): the batch is projected and its changed households
     * evaluated together in one transaction, each household once, with its newest state.
     */
    @Incoming(Topics.HOUSEHOLD_EVENTS)
    @Blocking
    public CompletionStage<Void> onEvents(KafkaRecordBatch<String, String> batch) {
        return inbox.processBatch(this, batch);
    }

    @Override
    public String consumer() {
        return CONSUMER;
    }

    @Override
    public String topic() {
        return Topics.HOUSEHOLD_EVENTS;
    }

    @Override
    public void apply(List<IncomingEvent> events) throws Exception {
        List<HouseholdState> states = new ArrayList<>();
        Map<HouseholdState, String> causes = new IdentityHashMap<>();
        for (IncomingEvent event : events) {
            HouseholdEvent parsed =
                    HouseholdEvent.parse(event.type(), event.data(), mapper).orElse(null);
            if (parsed instanceof HouseholdStateEvent stateEvent) {
                states.add(stateEvent.household());
                causes.put(stateEvent.household(), event.id());
            } else if (parsed != null) {
                apply(parsed);
            }
        }
        // the batch's states stored together; each household whose state was stored is evaluated once, with it
        List<HouseholdState> stored = households.save(states);
        if (stored.isEmpty()) {
            return;
        }
        Map<UUID, EvaluationService.Household> changed = new LinkedHashMap<>();
        for (HouseholdState state : stored) {
            UUID id = UUID.fromString(state.householdId());
            changed.put(id, new EvaluationService.Household(id, state, causes.get(state)));
        }
        evaluations.evaluate(changed.values(), new EvaluationService.Selection.InForce(), null);
    }

    private void apply(HouseholdEvent parsed) {
        switch (parsed) {
            case HouseholdStateEvent ignored -> {
                // projected and evaluated by the batch
            }
            // divisions are kept by the shared directory; households are projected here with their whole state
            case DivisionRegistered registered -> directory.apply(registered);
            case DivisionRenamed renamed -> directory.apply(renamed);
            case VillageStatusSet status -> directory.apply(status);
            case DivisionPopulationSet population -> populations.save(population);
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
}
