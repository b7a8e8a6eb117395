package cn.ruralwatch.household.clue;

import cn.ruralwatch.events.Topics;
import cn.ruralwatch.messaging.EventHandler;
import cn.ruralwatch.messaging.Inbox;
import cn.ruralwatch.messaging.IncomingEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Takes the warning clues other government systems publish on {@code clue-intake}
 * ({@code warning-clue.reported.v1}). Each event is applied once; one that cannot be read or placed is parked as a
 * dead letter with the reason, for an operator to re-drive or discard.
 */
@ApplicationScoped
public class ClueIntakeConsumer implements EventHandler {

    /** The name household-service consumes every topic under (inbox and dead letters). */
    public static final String CONSUMER = "household-service";

    @Inject
    Inbox inbox;

    @Inject
    ObjectMapper mapper;

    @Inject
    ClueService clues;

    @Incoming(Topics.CLUE_INTAKE)
    @Blocking
    public void onClue(ConsumerRecord<String, String> record) {
        inbox.process(this, record);
    }

    @Override
    public String consumer() {
        return CONSUMER;
    }

    @Override
    public String topic() {
        return Topics.CLUE_INTAKE;
    }

    @Override
    public void apply(List<IncomingEvent> events) throws Exception {
        for (IncomingEvent event : events) {
            apply(event);
        }
    }

    void apply(IncomingEvent event) throws Exception {
        if (!Topics.CLUE_REPORTED.equals(event.type())) {
            throw new IncomingEvent.MalformedEventException(
                    "clue-intake carries " + Topics.CLUE_REPORTED + " events only, not " + event.type());
        }
        // other systems may send fields of their own: read what a clue needs
        ClueApi.Intake message = mapper.readerFor(ClueApi.Intake.class)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .readValue(event.data());
        clues.intake(event, message);
    }
}
