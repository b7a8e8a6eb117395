package cn.ruralwatch.indicator;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ruralwatch.testing.Management;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * indicator-service's own metrics on its management port: households evaluated and how long evaluations take, by what
 * asked (household events or a job), its jobs by kind and state, its dead letters by state and its consumer's lag.
 */
@QuarkusTest
class DomainMetricsTest {

    @Test
    void evaluatingAHouseholdShowsInTheEvaluationMetrics() {
        String before = Management.metrics();
        double evaluated = Management.sum(before, "evaluations_households_total", Map.of("trigger", "event"));
        double timed = Management.sum(before, "evaluations_duration_seconds_count", Map.of("trigger", "event"));

        HouseholdFixture household = new HouseholdFixture("450422101201").income(2025, "9000");
        household.member(LocalDate.of(1972, 5, 12));
        household.publish();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String metrics = Management.metrics();
            assertTrue(
                    Management.sum(metrics, "evaluations_households_total", Map.of("trigger", "event"))
                            >= evaluated + 1,
                    "households evaluated");
            assertTrue(
                    Management.sum(metrics, "evaluations_duration_seconds_count", Map.of("trigger", "event"))
                            >= timed + 1,
                    "evaluations timed");
            assertTrue(
                    Management.sum(
                                    metrics,
                                    "kafka_consumer_fetch_manager_records_consumed_total",
                                    Map.of("client_id", "kafka-consumer-household-events"))
                            > 0,
                    "the consumer's records");
            assertTrue(metrics.contains("jobs{kind=\"EVALUATION\",state=\"QUEUED\"}"), "jobs by kind and state");
        });
        String metrics = Management.metrics();
        assertTrue(Management.has(metrics, "evaluations_duration_seconds_sum"));
        assertTrue(
                metrics.contains(
                        "kafka_consumer_fetch_manager_records_lag_max{client_id=\"kafka-consumer-household-events\""),
                "the consumer's lag");
        for (String state : new String[] {"PARKED", "REDRIVEN", "DISCARDED"}) {
            assertTrue(metrics.contains("dead_letters{state=\"" + state + "\"}"), "dead letters " + state);
        }
    }
}
