package cn.ruralwatch.fund.projection;

import cn.ruralwatch.directory.HouseholdDirectory;
import cn.ruralwatch.events.HouseholdEvent;
import cn.ruralwatch.events.HouseholdStateEvent;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.messaging.EventHandler;
import cn.ruralwatch.messaging.Inbox;
import cn.ruralwatch.messaging.IncomingEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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

    @Incoming(Topics.HOUSEHOLD_EVENTS)
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        inbox.process(this, record);
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
        for (IncomingEvent event : events) {
            apply(event);
        }
    }

    @Inject
    KnownMembers members;

    void apply(IncomingEvent event) throws Exception {
        Optional<HouseholdEvent> parsed = HouseholdEvent.parse(event.type(), event.data(), mapper);
        if (parsed.isEmpty()) {
            return;
        }
        directory.apply(parsed.get());
        if (parsed.get() instanceof HouseholdStateEvent household) {
            members.apply(household.household());
        }
    }
}
