package cn.ruralwatch.household;

import cn.ruralwatch.messaging.OutboxPayloads;
import cn.ruralwatch.messaging.OutboxRelay;
import cn.ruralwatch.testing.Rows;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** What a test reads and sets in household-service's database: the events in the outbox, counts, time travel. */
final class Outboxes {

    private Outboxes() {}

    /**
     * The events of a type about one aggregate in the outbox, oldest first, with the payloads the relay publishes:
     * those built from what an event names as well as those it holds.
     */
    static List<JsonNode> events(DataSource dataSource, ObjectMapper mapper, String aggregateId, String type)
            throws Exception {
        List<String> payloads = new ArrayList<>();
        List<String> references = new ArrayList<>();
        List<JsonNode> events = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select payload::text, payload_ref from outbox_event"
                        + " where event_type = ? and aggregate_id = ? order by id")) {
            s.setString(1, type);
            s.setString(2, aggregateId);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    payloads.add(rows.getString(1));
                    references.add(rows.getString(2));
                }
            }
            OutboxPayloads built =
                    Arc.container().instance(OutboxRelay.class).get().payloads();
            for (String payload : built.of(c, payloads, references)) {
                events.add(mapper.readTree(payload));
            }
        }
        return events;
    }

    static long count(DataSource dataSource, String sql) throws Exception {
        return Rows.count(dataSource, sql);
    }

    static void execute(DataSource dataSource, String sql) throws Exception {
        Rows.execute(dataSource, sql);
    }
}
