package cn.ruralwatch.fund;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ruralwatch.events.EventTypes;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.testing.Management;
import cn.ruralwatch.testing.SuiteInfrastructure;
import cn.ruralwatch.testing.TopicWriter;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * project-fund-service's operational metrics on its management port once it has consumed household-events: the consumer's
 * records and lag, its dead letters by state and its outbox.
 */
@QuarkusTest
class DomainMetricsTest {

    @Test
    void consumingShowsInTheConsumerAndDeadLetterMetrics() {
        TopicWriter.send(
                SuiteInfrastructure.kafka().bootstrapServers(),
                Topics.HOUSEHOLD_EVENTS,
                "450498",
                UUID.randomUUID().toString(),
                EventTypes.DIVISION_REGISTERED,
                "/household-service",
                """
                {"code":"450498","name":"度量县","level":"COUNTY","parentCode":null}""");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String metrics = Management.metrics();
            assertTrue(
                    Management.sum(
                                    metrics,
                                    "kafka_consumer_fetch_manager_records_consumed_total",
                                    Map.of("client_id", "kafka-consumer-household-events"))
                            > 0,
                    "the consumer's records");
            assertTrue(
                    metrics.contains(
                            "kafka_consumer_fetch_manager_records_lag_max{client_id=\"kafka-consumer-household-events\""),
                    "the consumer's lag");
            for (String state : new String[] {"PARKED", "REDRIVEN", "DISCARDED"}) {
                assertTrue(metrics.contains("dead_letters{state=\"" + state + "\"}"), "dead letters " + state);
            }
            assertTrue(Management.has(metrics, "outbox_events_pending"));
        });
    }
}
