package cn.ruralwatch.fund.projection;

import cn.ruralwatch.directory.HouseholdDirectory;
import cn.ruralwatch.events.HouseholdEvent;
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
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps the divisions and households project-fund-service needs (fund recipients, beneficiaries) and the members of
 * the households (job holders, borrowers) from household-events. */
@ApplicationScoped
public class HouseholdEventsConsumer implements EventHandler {

    static final String CONSUMER = "project-fund-service";

    @Inject
    Inbox inbox;

    @Inject
    ObjectMapper mapper;

    @Inject
    HouseholdDirectory directory;

    /** Events arrive in batches (the channel has {@code batch=true}), each batch applied in one transaction. */
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
        List<HouseholdEvent> parsed = new ArrayList<>();
        for (IncomingEvent event : events) {
            HouseholdEvent.parse(event.type(), event.data(), mapper).ifPresent(parsed::add);
        }
        // the whole batch at once: the directory, then the members of the households
        directory.apply(parsed);
        members.apply(HouseholdEvent.states(parsed));
    }

    @Inject
    KnownMembers members;
}
