package cn.ruralwatch.report.projection;

import cn.ruralwatch.events.Topics;
import cn.ruralwatch.messaging.IncomingEvent;
import cn.ruralwatch.report.job.JobKind;
import cn.ruralwatch.report.job.JobRunner;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Rebuilds the report read models from scratch: empties them, then reads household-events, indicator-events and
 * fund-events from their beginning up to where they ended when the rebuild started, and applies every event as the
 * live consumers do. The live consumers go on meanwhile: every projection keeps the newest state of what it holds
 * (version, evaluation time) or inserts once, so applying an event twice or late changes nothing, and an event the
 * live consumers applied before the tables were emptied lies before the end offsets and is read again. The audit log
 * and the division and household directory are not read models of the reports and are left as they are.
 */
@ApplicationScoped
public class ReadModelRebuild implements JobRunner {

    private static final Logger LOG = Logger.getLogger(ReadModelRebuild.class);

    /** The read models a rebuild empties and fills again. */
    static final List<String> READ_MODELS = List.of(
            "report_household",
            "report_evaluation",
            "report_indicator_result",
            "report_fund_batch",
            "report_project",
            "report_project_budget_line",
            "report_disbursement",
            "report_household_benefit",
            "report_pv_station",
            "report_pv_output",
            "report_pv_plan",
            "report_village_summary",
            "report_village_indicator",
            "report_dirty_village");

    @Inject
    EntityManager entityManager;

    @Inject
    ReadModelGeneration generation;

    @Inject
    HouseholdEventsConsumer households;

    @Inject
    IndicatorEventsConsumer indicators;

    @Inject
    FundEventsConsumer funds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Override
    public JobKind kind() {
        return JobKind.REBUILD;
    }

    @FunctionalInterface
    private interface Projection {
        void apply(IncomingEvent event) throws Exception;
    }

    @Override
    public Result run(QueuedJob job, Progress progress) {
        Map<String, Projection> projections = Map.of(
                Topics.HOUSEHOLD_EVENTS, households::project,
                Topics.INDICATOR_EVENTS, indicators::apply,
                Topics.FUND_EVENTS, funds::apply);
        QuarkusTransaction.requiringNew().run(() -> {
            generation.changing();
            entityManager
                    .createNativeQuery("truncate " + String.join(", ", READ_MODELS))
                    .executeUpdate();
        });
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "report-service-rebuild-" + job.id());
        long applied = 0;
        long skipped = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : projections.keySet()) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic);
                if (infos != null) {
                    infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> start = consumer.beginningOffsets(partitions);
            long total = 0;
            List<TopicPartition> remaining = new ArrayList<>();
            for (TopicPartition partition : partitions) {
                long count = end.get(partition) - start.get(partition);
                total += count;
                if (count > 0) {
                    remaining.add(partition);
                }
            }
            consumer.pause(
                    partitions.stream().filter(p -> !remaining.contains(p)).toList());
            progress.report(progress(0, 0, total));
            while (!remaining.isEmpty()) {
                List<ConsumerRecord<String, String>> batch = new ArrayList<>();
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        batch.add(record);
                    }
                }
                int failed = apply(batch, projections);
                applied += batch.size() - failed;
                skipped += failed;
                List<TopicPartition> done = remaining.stream()
                        .filter(p -> consumer.position(p) >= end.get(p))
                        .toList();
                consumer.pause(done);
                remaining.removeAll(done);
                progress.report(progress(applied, skipped, total));
            }
            Map<String, Object> summary = progress(applied, skipped, total);
            summary.put("readModels", READ_MODELS);
            return Result.of(summary);
        }
    }

    /**
     * Applies a batch in one transaction; when that fails, each event on its own, skipping those that still fail (the
     * live consumer dead-lettered them too).
     *
     * @return how many were skipped
     */
    private int apply(List<ConsumerRecord<String, String>> batch, Map<String, Projection> projections) {
        if (batch.isEmpty()) {
            return 0;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                for (ConsumerRecord<String, String> record : batch) {
                    applyOne(record, projections);
                }
            });
            return 0;
        } catch (RuntimeException batchFailed) {
            LOG.warnf("A rebuild batch of %d events failed, applying them one by one: %s", batch.size(), batchFailed);
        }
        int failed = 0;
        for (ConsumerRecord<String, String> record : batch) {
            try {
                QuarkusTransaction.requiringNew().run(() -> applyOne(record, projections));
            } catch (RuntimeException skipped) {
                LOG.warnf("Rebuild skipped %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), skipped);
                failed++;
            }
        }
        return failed;
    }

    private static void applyOne(ConsumerRecord<String, String> record, Map<String, Projection> projections) {
        try {
            projections.get(record.topic()).apply(IncomingEvent.from(record));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> progress(long applied, long skipped, long total) {
        Map<String, Object> progress = new LinkedHashMap<>();
        progress.put("eventsApplied", applied);
        progress.put("eventsSkipped", skipped);
        progress.put("eventsToReplay", total);
        return progress;
    }
}
