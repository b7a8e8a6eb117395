package cn.ruralwatch.report.projection;

import cn.ruralwatch.directory.HouseholdDirectory;
import cn.ruralwatch.events.HouseholdEvent;
import cn.ruralwatch.events.HouseholdStateEvent;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.messaging.EventHandler;
import cn.ruralwatch.messaging.Inbox;
import cn.ruralwatch.messaging.IncomingEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Divisions and households read models from household-events. */
@ApplicationScoped
public class HouseholdEventsConsumer implements EventHandler {

    @Inject
    Inbox inbox;

    @Inject
    ObjectMapper mapper;

    @Inject
    HouseholdDirectory directory;

    @Inject
    ReadModelGeneration generation;

    /** Events arrive in batches (the channel has {@code batch=true}), each batch applied in one transaction. */
    @Incoming(Topics.HOUSEHOLD_EVENTS)
    @Blocking
    public CompletionStage<Void> onEvents(KafkaRecordBatch<String, String> batch) {
        return inbox.processBatch(this, batch);
    }

    @Override
    public String consumer() {
        return ReportConsumers.NAME;
    }

    @Override
    public String topic() {
        return Topics.HOUSEHOLD_EVENTS;
    }

    @Override
    public void apply(List<IncomingEvent> events) throws Exception {
        List<HouseholdEvent> parsed = new ArrayList<>();
        for (IncomingEvent event : events) {
            HouseholdEvent.parse(event.type(), event.data(), mapper).ifPresent(parsed::add);
        }
        if (parsed.isEmpty()) {
            return;
        }
        // a division's name or a new division shows in the figures too
        generation.changing();
        // the whole batch at once: the directory, then the households' states
        directory.apply(parsed);
        households.apply(HouseholdEvent.states(parsed));
        memberChanges.apply(parsed);
    }

    @Inject
    MemberChanges memberChanges;

    @Inject
    HouseholdProjection households;

    /** The report read models only (not the division and household directory): what a rebuild replays. */
    public void project(IncomingEvent event) throws Exception {
        Optional<HouseholdEvent> parsed = HouseholdEvent.parse(event.type(), event.data(), mapper);
        if (parsed.isPresent()) {
            project(parsed.get());
        }
    }

    private void project(HouseholdEvent event) throws Exception {
        if (event instanceof HouseholdStateEvent household) {
            households.apply(household.household());
        }
        memberChanges.apply(List.of(event));
    }
}
