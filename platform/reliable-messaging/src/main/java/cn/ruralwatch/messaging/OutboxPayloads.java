package cn.ruralwatch.messaging;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The payloads of outbox events, kept in the row or built from what the row names ({@link ReferencedPayloads}, one
 * for each source a service's events name).
 */
public final class OutboxPayloads {

    /** A service whose events all hold their payload. */
    public static final OutboxPayloads NONE = new OutboxPayloads(List.of());

    private final Map<String, ReferencedPayloads> sources = new HashMap<>();

    public OutboxPayloads(Iterable<ReferencedPayloads> sources) {
        for (ReferencedPayloads source : sources) {
            if (this.sources.put(source.source(), source) != null) {
                throw new IllegalStateException("Two beans build the outbox payloads of source " + source.source());
            }
        }
    }

    /**
     * The payloads of events, in the order given: an event's own ({@code payload}) or the one built from its reference
     * ({@code reference}, {@code <source>/<key>}); the references of each source are read in one call.
     *
     * @throws IllegalStateException when a reference names an unknown source or something its source does not find
     */
    public List<String> of(Connection connection, List<String> payloads, List<String> references) throws SQLException {
        List<Outbox.Reference> named = new ArrayList<>(payloads.size());
        Map<String, List<String>> keysBySource = new LinkedHashMap<>();
        for (int i = 0; i < payloads.size(); i++) {
            Outbox.Reference reference = payloads.get(i) == null ? Outbox.Reference.parse(references.get(i)) : null;
            named.add(reference);
            if (reference != null) {
                keysBySource
                        .computeIfAbsent(reference.source(), source -> new ArrayList<>())
                        .add(reference.key());
            }
        }
        Map<String, Map<String, String>> built = new HashMap<>();
        for (Map.Entry<String, List<String>> keys : keysBySource.entrySet()) {
            built.put(keys.getKey(), source(keys.getKey()).payloads(connection, keys.getValue()));
        }
        List<String> result = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            String payload = payloads.get(i);
            if (payload == null) {
                Outbox.Reference reference = named.get(i);
                payload = built.get(reference.source()).get(reference.key());
                if (payload == null) {
                    throw new IllegalStateException("The outbox event payload " + reference + " is not found");
                }
            }
            result.add(payload);
        }
        return result;
    }

    private ReferencedPayloads source(String name) {
        ReferencedPayloads source = sources.get(name);
        if (source == null) {
            throw new IllegalStateException("No bean builds the outbox payloads of source " + name);
        }
        return source;
    }
}
