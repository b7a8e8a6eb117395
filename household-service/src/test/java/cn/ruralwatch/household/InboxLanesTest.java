package cn.ruralwatch.household;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ruralwatch.messaging.CloudEventHeaders;
import cn.ruralwatch.messaging.EventHandler;
import cn.ruralwatch.messaging.Inbox;
import cn.ruralwatch.messaging.IncomingEvent;
import cn.ruralwatch.testing.Rows;
import cn.ruralwatch.tracing.Lane;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A batch that mixes a person's events with an import's applies the person's first, in a transaction of their own,
 * unless an earlier bulk event of the batch has the same key: the events of one key keep their order.
 */
@QuarkusTest
class InboxLanesTest {

    @Inject
    Inbox inbox;

    @Inject
    AgroalDataSource dataSource;

    /** What the handler was given, call by call: each event's key and lane. */
    private final List<List<String>> calls = new ArrayList<>();

    private final String consumer = "inbox-lanes-" + UUID.randomUUID();

    private final EventHandler handler = new EventHandler() {
        @Override
        public String consumer() {
            return consumer;
        }

        @Override
        public String topic() {
            return "inbox-lanes";
        }

        @Override
        public void apply(List<IncomingEvent> events) {
            calls.add(events.stream().map(e -> e.data() + "@" + Lane.current()).toList());
        }
    };

    @Test
    void interactiveEventsGoBeforeTheBulkEventsOfTheirBatchUnlessTheirKeyIsBehind() throws Exception {
        inbox.processBatch(
                handler,
                List.of(
                        record(0, "h1", Lane.BULK),
                        record(1, "h2", Lane.BULK),
                        record(2, "h3", Lane.INTERACTIVE),
                        record(3, "h1", Lane.INTERACTIVE),
                        record(4, "h4", Lane.BULK),
                        record(5, "h5", Lane.INTERACTIVE)));
        assertEquals(
                List.of(
                        List.of("h3@INTERACTIVE", "h5@INTERACTIVE"),
                        // the person's event of h1 stays behind the import's event of h1; a batch with a person's
                        // event is applied in the interactive lane
                        List.of("h1@INTERACTIVE", "h2@INTERACTIVE", "h1@INTERACTIVE", "h4@INTERACTIVE")),
                calls);
        assertEquals(
                6,
                Rows.count(dataSource, "select count(*) from inbox_event where consumer = '" + consumer + "'"),
                "every event recorded once");
    }

    @Test
    void aBatchOfOneLaneIsAppliedTogether() {
        inbox.processBatch(handler, List.of(record(0, "h1", Lane.BULK), record(1, "h2", Lane.BULK)));
        inbox.processBatch(handler, List.of(record(2, "h3", Lane.INTERACTIVE), record(3, "h4", Lane.INTERACTIVE)));
        assertEquals(List.of(List.of("h1@BULK", "h2@BULK"), List.of("h3@INTERACTIVE", "h4@INTERACTIVE")), calls);
    }

    private static ConsumerRecord<String, String> record(long offset, String key, Lane lane) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("inbox-lanes", 0, offset, key, key);
        record.headers().add(CloudEventHeaders.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.TYPE, "test.happened.v1".getBytes(StandardCharsets.UTF_8));
        if (lane == Lane.BULK) {
            record.headers().add(CloudEventHeaders.LANE, CloudEventHeaders.BULK.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }
}
