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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutboxDuringKafkaOutageTest {

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
        SuiteInfrastructure.kafka().stop();
        List<String> ids = new ArrayList<>();
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
            SuiteInfrastructure.kafka().start();
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
