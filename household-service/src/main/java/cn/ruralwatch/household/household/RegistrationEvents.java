package cn.ruralwatch.household.household;

import cn.ruralwatch.events.HouseholdRegistered;
import cn.ruralwatch.messaging.Outbox;
import cn.ruralwatch.messaging.ReferencedPayloads;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The {@code household.registered.v1} events, built from the revisions that record the households as registered. The
 * revision holds the household's whole state already (a bulk import writes thousands a minute), so the outbox row of
 * its registration event names it ({@code household-registration/<household id>:<version>}) instead of holding a
 * second copy, and the relay builds the event from it as it publishes it. Revisions are never changed or deleted (a
 * trigger refuses it), so the event is the one the registration would have written.
 */
@ApplicationScoped
public class RegistrationEvents implements ReferencedPayloads {

    static final String SOURCE = "household-registration";

    private static final String SNAPSHOTS = """
            select r.household_id, r.version, r.snapshot::text
              from household_revision r
              join unnest(?::uuid[], ?::bigint[]) as k (household_id, version) using (household_id, version)
            """;

    @Inject
    ObjectMapper mapper;

    /** Where the registration event of a household finds its data: the revision of its registration. */
    static Outbox.Reference reference(Household household) {
        return new Outbox.Reference(SOURCE, key(household.id, household.version));
    }

    /** A revision's key: {@code <household id>:<version>}. */
    private static String key(UUID household, long version) {
        return household + ":" + version;
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public Map<String, String> payloads(Connection connection, Collection<String> keys) throws SQLException {
        UUID[] households = new UUID[keys.size()];
        Long[] versions = new Long[keys.size()];
        int i = 0;
        for (String key : keys) {
            int colon = key.lastIndexOf(':');
            households[i] = UUID.fromString(key.substring(0, colon));
            versions[i] = Long.parseLong(key.substring(colon + 1));
            i++;
        }
        Map<String, String> payloads = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(SNAPSHOTS)) {
            select.setArray(1, connection.createArrayOf("uuid", households));
            select.setArray(2, connection.createArrayOf("bigint", versions));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    payloads.put(key(rows.getObject(1, UUID.class), rows.getLong(2)), event(rows.getString(3)));
                }
            }
        }
        return payloads;
    }

    private String event(String snapshot) {
        try {
            HouseholdApi.HouseholdView household = mapper.readValue(snapshot, HouseholdApi.HouseholdView.class);
            UUID splitFrom = household.splitFrom();
            return mapper.writeValueAsString(new HouseholdRegistered(
                    HouseholdMapper.state(household), splitFrom == null ? null : splitFrom.toString()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A household's registration revision cannot be read as a household", e);
        }
    }
}
