package cn.ruralwatch.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutboxPayloadsTest {

    /** A source answering the keys it holds, recording each call's keys. */
    private record Source(String source, Map<String, String> held, List<List<String>> asked)
            implements ReferencedPayloads {

        Source(String source, Map<String, String> held) {
            this(source, held, new ArrayList<>());
        }

        @Override
        public Map<String, String> payloads(Connection connection, Collection<String> keys) {
            asked.add(List.copyOf(keys));
            Map<String, String> found = new HashMap<>(held);
            found.keySet().retainAll(keys);
            return found;
        }
    }

    @Test
    void payloadsHeldAndBuiltComeInTheOrderOfTheEventsEachSourceAskedOnce() throws Exception {
        Source revisions = new Source("revisions", Map.of("a:0", "{\"a\":0}", "b:3", "{\"b\":3}"));
        Source other = new Source("other", Map.of("x/y", "{\"x\":1}"));
        OutboxPayloads payloads = new OutboxPayloads(List.of(revisions, other));

        List<String> built = payloads.of(
                null,
                Arrays.asList(null, "{\"held\":1}", null, null),
                Arrays.asList("revisions/b:3", null, "other/x/y", "revisions/a:0"));

        assertEquals(List.of("{\"b\":3}", "{\"held\":1}", "{\"x\":1}", "{\"a\":0}"), built);
        assertEquals(List.of(List.of("b:3", "a:0")), revisions.asked());
        // the key is what follows the first '/'
        assertEquals(List.of(List.of("x/y")), other.asked());
    }

    @Test
    void aReferenceItsSourceDoesNotFindFailsThePass() {
        OutboxPayloads payloads = new OutboxPayloads(List.of(new Source("revisions", Map.of("a:0", "{}"))));

        IllegalStateException missing = assertThrows(
                IllegalStateException.class,
                () -> payloads.of(null, Arrays.asList(null, null), List.of("revisions/a:0", "revisions/a:1")));
        assertTrue(missing.getMessage().contains("revisions/a:1"), missing.getMessage());
        IllegalStateException unknown = assertThrows(
                IllegalStateException.class,
                () -> payloads.of(null, Arrays.asList((String) null), List.of("elsewhere/a:0")));
        assertTrue(unknown.getMessage().contains("elsewhere"), unknown.getMessage());
    }

    @Test
    void oneBeanBuildsEachSource() {
        assertThrows(
                IllegalStateException.class,
                () -> new OutboxPayloads(
                        List.of(new Source("revisions", Map.of()), new Source("revisions", Map.of()))));
    }

    @Test
    void anEventHasEitherAPayloadOrAReference() {
        Outbox.Reference reference = new Outbox.Reference("revisions", "a:0");
        assertThrows(
                IllegalArgumentException.class,
                () -> new Outbox.Message("t", "household", "a", "x.v1", "{}", reference, null));
        assertThrows(IllegalArgumentException.class, () -> new Outbox.Message("t", "household", "a", "x.v1", null));
        assertThrows(IllegalArgumentException.class, () -> new Outbox.Reference("a/b", "key"));
        Outbox.Message referencing = Outbox.Message.referencing("t", "household", "a", "x.v1", reference);
        assertEquals(reference, referencing.causedBy("cause").reference());
        assertEquals("revisions/a:0", reference.toString());
    }
}
