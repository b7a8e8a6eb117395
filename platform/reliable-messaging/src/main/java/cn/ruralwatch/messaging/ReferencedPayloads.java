package cn.ruralwatch.messaging;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;

/**
 * Builds the payloads of outbox events that name where their data already is instead of holding a copy of it
 * ({@link Outbox.Message#referencing}). A bulk import registers thousands of households a minute and the revision
 * recording each of them holds its state already: the registration event names the revision, and its payload is built
 * from it as the relay publishes it. A service provides one bean for each source its events name.
 */
public interface ReferencedPayloads {

    /** The name events give this source in their reference. */
    String source();

    /**
     * The payloads (JSON, as the events' data) of the events naming these keys, by key, read on the relay's connection
     * in the transaction that marks them published. A key left out fails the relay's pass, which is tried again with
     * the bucket's later events waiting: a reference must name something that is never deleted.
     */
    Map<String, String> payloads(Connection connection, Collection<String> keys) throws SQLException;
}
