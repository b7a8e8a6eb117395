package cn.ruralwatch.household.clue;

import cn.ruralwatch.events.Topics;
import cn.ruralwatch.messaging.Inbox;
import cn.ruralwatch.messaging.IncomingEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Takes the warning clues other government systems publish on {@code clue-intake}
 * ({@code warning-clue.reported.v1}). Each event is applied once; one that cannot be read or placed goes to the
 * dead-letter topic with the reason.
 */
@ApplicationScoped
public class ClueIntakeConsumer {

    static final String CONSUMER = "household-service";

    @Inject
    Inbox inbox;

    @Inject
    ObjectMapper mapper;

    @Inject
    ClueService clues;

    @Incoming(Topics.CLUE_INTAKE)
    @Blocking
    public void onClue(ConsumerRecord<String, String> record) {
        inbox.process(CONSUMER, record, this::apply);
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
