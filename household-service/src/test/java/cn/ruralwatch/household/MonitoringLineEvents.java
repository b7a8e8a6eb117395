package cn.ruralwatch.household;

import static org.awaitility.Awaitility.await;

import cn.ruralwatch.events.EventTypes;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.testing.EventSchemas;
import cn.ruralwatch.testing.SuiteInfrastructure;
import cn.ruralwatch.testing.TopicWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Monitoring lines (监测范围) as indicator-service publishes them: {@code monitoring-line.set.v1} on
 * {@code indicator-events}, keyed by region and year.
 */
final class MonitoringLineEvents {

    /** The test county's lines: round illustrative values, not any province's. */
    static final String COUNTY = "450422";

    private MonitoringLineEvents() {}

    /** Publishes a line as indicator-service does; answers the event's id. */
    static String send(String region, int year, String value, Instant setAt) {
        return send(UUID.randomUUID().toString(), region, year, value, setAt);
    }

    static String send(String eventId, String region, int year, String value, Instant setAt) {
        String data = data(region, year, value, setAt);
        EventSchemas.assertValid(EventTypes.MONITORING_LINE_SET, data);
        return publish(eventId, region, year, data);
    }

    /** Publishes a line its schema refuses, as a faulty producer might; answers the event's id. */
    static String sendInvalid(String region, int year, String value) {
        return publish(UUID.randomUUID().toString(), region, year, data(region, year, value, Instant.now()));
    }

    private static String data(String region, int year, String value, Instant setAt) {
        return """
                {"regionCode":"%s","year":%d,"value":%s,"note":"测试用监测范围","setAt":"%s","setBy":"test-county-admin"}""".formatted(region, year, value, setAt);
    }

    private static String publish(String eventId, String region, int year, String data) {
        TopicWriter.send(
                SuiteInfrastructure.kafka().bootstrapServers(),
                Topics.INDICATOR_EVENTS,
                region + ":" + year,
                eventId,
                EventTypes.MONITORING_LINE_SET,
                "/indicator-service",
                data);
        return eventId;
    }

    /** Waits until household-service has taken the event (applied, or parked as a dead letter). */
    static void awaitTaken(DataSource dataSource, String eventId) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Outboxes.count(
                                        dataSource,
                                        "select count(*) from inbox_event where consumer = 'household-service'"
                                                + " and event_id = '" + eventId + "'")
                                + Outboxes.count(
                                        dataSource,
                                        "select count(*) from dead_letter where event_id = '" + eventId + "'")
                        > 0);
    }

    /** The test county's lines from 2025 (7500) and 2026 (8000) on, published once and waited for. */
    static void countyLines(DataSource dataSource) throws Exception {
        for (int year : new int[] {2025, 2026}) {
            String eventId = UUID.nameUUIDFromBytes(("line:" + COUNTY + ":" + year).getBytes(StandardCharsets.UTF_8))
                    .toString();
            if (Outboxes.count(
                            dataSource,
                            "select count(*) from monitoring_line where region_code = '" + COUNTY + "' and year = "
                                    + year)
                    == 0) {
                send(eventId, COUNTY, year, year == 2025 ? "7500" : "8000", Instant.parse(year + "-01-01T00:00:00Z"));
                awaitTaken(dataSource, eventId);
            }
        }
    }
}
