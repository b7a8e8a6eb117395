package cn.ruralwatch.household;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ruralwatch.access.Roles;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.testing.SuiteInfrastructure;
import cn.ruralwatch.testing.Tokens;
import cn.ruralwatch.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Kafka refuses the relay's events for a while: registrations still succeed, their events wait in the outbox, and all
 * of them are published once Kafka takes them again.
 *
 * <p>The outage is confined to the topics the relay writes: the shared broker keeps running (other tests' consumers and
 * producers are untouched), but refuses every record sent to the household and audit topics, because the topics' largest
 * accepted message is set far below the size of an event. Each publish attempt of the relay fails at once and is rolled
 * back, as it would be with the broker away.
 */
@QuarkusTest
class OutboxDuringKafkaOutageTest {

    private static final List<String> TOPICS = List.of(Topics.HOUSEHOLD_EVENTS, Topics.AUDIT_EVENTS);

    @BeforeEach
    void authenticate() {
        Tokens.authenticateAs(Roles.COUNTY_ADMIN, "450422");
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void registrationsSucceedWhileKafkaIsDownAndArePublishedWhenItReturns() throws Exception {
        String village = "450422102201";
        Fixtures.village(village);
        List<String> ids = new ArrayList<>();
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                SuiteInfrastructure.kafka().bootstrapServers()))) {
            // the relay creates its topics when it starts
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> admin.listTopics().names().get().containsAll(TOPICS));
            refuseEvents(admin, true);
            try {
                for (int i = 0; i < 20; i++) {
                    ids.add(given().contentType(ContentType.JSON)
                            .body(Fixtures.household(village, Fixtures.idNumber("19880808", i % 2 == 0)))
                            .post("/api/v1/households")
                            .then()
                            .statusCode(201)
                            .extract()
                            .path("id"));
                }
                assertEquals(20, pendingFor(ids, Topics.HOUSEHOLD_EVENTS), "all 20 events wait in the outbox");
                assertEquals(20, pendingFor(ids, Topics.AUDIT_EVENTS), "and the 20 audit entries of the registrations");
            } finally {
                refuseEvents(admin, false);
            }
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> pendingFor(ids, Topics.HOUSEHOLD_EVENTS) + pendingFor(ids, Topics.AUDIT_EVENTS) == 0);
        List<TopicReader.Event> published =
                TopicReader.readAll(SuiteInfrastructure.kafka().bootstrapServers(), Topics.HOUSEHOLD_EVENTS).stream()
                        .filter(e -> ids.contains(e.key()))
                        .toList();
        Set<String> keys = new HashSet<>();
        published.forEach(e -> keys.add(e.key()));
        assertEquals(new HashSet<>(ids), keys, "every held event reached Kafka");
        Set<String> audited = new HashSet<>();
        TopicReader.readAll(SuiteInfrastructure.kafka().bootstrapServers(), Topics.AUDIT_EVENTS).stream()
                .filter(e -> ids.contains(e.key()))
                .forEach(e -> audited.add(e.key()));
        assertEquals(new HashSet<>(ids), audited, "every held audit entry reached Kafka");
    }

    /**
     * Makes the broker refuse (or take again) every event sent to the relay's topics, and waits until the broker
     * applies it.
     */
    private static void refuseEvents(Admin admin, boolean refuse) throws Exception {
        ConfigEntry tiny = new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "16");
        AlterConfigOp change = new AlterConfigOp(tiny, refuse ? AlterConfigOp.OpType.SET : AlterConfigOp.OpType.DELETE);
        Map<ConfigResource, List<AlterConfigOp>> changes = new HashMap<>();
        TOPICS.forEach(topic -> changes.put(new ConfigResource(ConfigResource.Type.TOPIC, topic), List.of(change)));
        admin.incrementalAlterConfigs(Map.copyOf(changes)).all().get(15, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> admin.describeConfigs(changes.keySet()).all().get().values().stream()
                        .allMatch(config -> refuse
                                == "16"
                                        .equals(config.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG)
                                                .value())));
    }

    private long pendingFor(List<String> ids, String topic) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select count(*) from outbox_event where published_at is null and aggregate_id = any(?) and topic = ?")) {
            s.setArray(1, c.createArrayOf("text", ids.toArray()));
            s.setString(2, topic);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
