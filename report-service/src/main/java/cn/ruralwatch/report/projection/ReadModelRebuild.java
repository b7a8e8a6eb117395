package cn.ruralwatch.report.projection;

import cn.ruralwatch.events.Topics;
import cn.ruralwatch.failures.TransientFailures;
import cn.ruralwatch.jobs.JobState;
import cn.ruralwatch.messaging.IncomingEvent;
import cn.ruralwatch.report.job.JobKind;
import cn.ruralwatch.report.job.ReportJobRunner;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Rebuilds the report read models from the topics without ever blanking them: the new read models are filled aside,
 * in schema {@value #ASIDE}, while readers and the live consumers keep working on the current ones, and swapped in
 * within one short transaction once they are complete.
 *
 * <ol>
 *   <li>Empty copies of the read models are made aside; household-events, indicator-events and fund-events are read
 *       from their beginning up to where they ended when the rebuild started, and every event is applied to the copies
 *       as the live consumers apply it (each transaction's search path puts the copies first); the results of
 *       standards whose status changed meanwhile are flipped into or out of use ({@link ReportStandards}) and the
 *       villages are recounted there.
 *   <li>Whatever arrived meanwhile is applied to the copies too.
 *   <li>The swap: the current read models are locked (the live consumers wait for a moment), the last events up to
 *       the topics' ends are applied to the copies, the villages they touched recounted, and the copies take the
 *       current models' place. Every projection keeps the newest state of what it holds or inserts once, so an event
 *       applied both live and by the rebuild changes nothing.
 * </ol>
 *
 * The audit log is not a read model: it is never emptied, but the rebuild reads audit-events too and adds every entry
 * it lacks (an entry is stored once, by its id), so a rebuild restores audit entries as well as figures.
 */
@ApplicationScoped
public class ReadModelRebuild extends ReportJobRunner {

    private static final Logger LOG = Logger.getLogger(ReadModelRebuild.class);

    /** Where the new read models are filled. */
    static final String ASIDE = "report_rebuild";

    /** Where the replaced read models go for the moment of the swap, before they are dropped. */
    static final String RETIRED = "report_retired";

    /** The read models a rebuild fills aside and swaps in. */
    static final List<String> READ_MODELS = List.of(
            "report_household",
            "report_member_change",
            "report_evaluation",
            "report_indicator_result",
            "report_standard",
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
    ReadModelSchemas schemas;

    @Inject
    ReadModelGeneration generation;

    @Inject
    VillageSummaries villages;

    @Inject
    ReportStandards standards;

    @Inject
    HouseholdEventsConsumer households;

    @Inject
    IndicatorEventsConsumer indicators;

    @Inject
    FundEventsConsumer funds;

    @Inject
    AuditEventsConsumer audit;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Override
    public JobKind jobKind() {
        return JobKind.REBUILD;
    }

    @Override
    public int maxAttempts() {
        return 2;
    }

    @FunctionalInterface
    private interface Projection {
        void apply(IncomingEvent event) throws Exception;
    }

    /** The events read, applied and skipped so far, and how many the rebuild set out to read. */
    private static final class Count {
        long applied;
        long skipped;
        long total;

        Map<String, Object> progress(String phase) {
            Map<String, Object> progress = new LinkedHashMap<>();
            progress.put("phase", phase);
            progress.put("eventsApplied", applied);
            progress.put("eventsSkipped", skipped);
            progress.put("eventsToReplay", total);
            return progress;
        }
    }

    @Override
    public Result run(QueuedJob job, Progress progress) {
        Map<String, Projection> projections = Map.of(
                Topics.HOUSEHOLD_EVENTS, households::project,
                Topics.INDICATOR_EVENTS, indicators::apply,
                Topics.FUND_EVENTS, funds::apply,
                Topics.AUDIT_EVENTS, audit::apply);
        QuarkusTransaction.requiringNew().run(this::prepareAside);
        Count count = new Count();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig(job.id()))) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : projections.keySet()) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic);
                if (infos != null) {
                    infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> start = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            for (TopicPartition partition : partitions) {
                count.total += end.get(partition) - start.get(partition);
            }
            progress.report(count.progress("REPLAY"));
            replay(consumer, partitions, end, projections, count, progress, true);
            QuarkusTransaction.requiringNew().run(() -> {
                aside();
                standards.converge(Integer.MAX_VALUE);
                villages.recountMarked();
            });
            // what the live consumers received meanwhile
            Map<TopicPartition, Long> caughtUp = consumer.endOffsets(partitions);
            count.total += difference(end, caughtUp);
            replay(consumer, partitions, caughtUp, projections, count, progress, true);
            progress.report(count.progress("SWAP"));
            swapRetrying(consumer, partitions, caughtUp, projections, count);
        }
        QuarkusTransaction.requiringNew().run(schemas::dropRetired);
        Map<String, Object> summary = count.progress("DONE");
        summary.put("readModels", READ_MODELS);
        return Result.of(summary);
    }

    /** A rebuild that did not finish leaves nothing aside. */
    @Override
    public void ended(UUID id, JobState state) {
        if (state != JobState.SUCCEEDED) {
            QuarkusTransaction.requiringNew().run(schemas::dropAside);
        }
    }

    private void prepareAside() {
        schemas.prepareAside(READ_MODELS);
    }

    /** The current transaction reads and writes the read models aside (everything else as usual). */
    private void aside() {
        schemas.useAside();
    }

    /**
     * Swaps, trying again a few times when the swap loses a deadlock against a live consumer (it locks every read model
     * at once) rather than starting the whole rebuild over.
     */
    private void swapRetrying(
            KafkaConsumer<String, String> consumer,
            List<TopicPartition> partitions,
            Map<TopicPartition, Long> from,
            Map<String, Projection> projections,
            Count count) {
        for (int attempt = 1; ; attempt++) {
            long applied = count.applied;
            long skipped = count.skipped;
            long total = count.total;
            try {
                QuarkusTransaction.requiringNew().run(() -> swap(consumer, partitions, from, projections, count));
                return;
            } catch (RuntimeException failure) {
                if (attempt >= 5 || !TransientFailures.isTransient(failure)) {
                    throw failure;
                }
                LOG.warnf("Rebuild swap attempt %d failed, trying again: %s", attempt, failure.toString());
                count.applied = applied;
                count.skipped = skipped;
                count.total = total;
                from.forEach(consumer::seek);
            }
        }
    }

    /**
     * The swap, in one transaction: the current read models locked, the last events applied aside, the villages they
     * touched recounted, the tables exchanged, the figures' generation moved on.
     */
    private void swap(
            KafkaConsumer<String, String> consumer,
            List<TopicPartition> partitions,
            Map<TopicPartition, Long> from,
            Map<String, Projection> projections,
            Count count) {
        schemas.lockCurrent(READ_MODELS);
        aside();
        Map<TopicPartition, Long> last = consumer.endOffsets(partitions);
        count.total += difference(from, last);
        replay(consumer, partitions, last, projections, count, null, false);
        standards.converge(Integer.MAX_VALUE);
        villages.recountMarked();
        schemas.swap(READ_MODELS);
        generation.changing();
        LOG.infof("Read models rebuilt from %d events (%d skipped) and swapped in", count.applied, count.skipped);
    }

    /**
     * Applies the events up to {@code until} to the read models aside: in a transaction per batch, or in the caller's
     * transaction (the swap) when {@code ownTransactions} is false.
     */
    private void replay(
            KafkaConsumer<String, String> consumer,
            List<TopicPartition> partitions,
            Map<TopicPartition, Long> until,
            Map<String, Projection> projections,
            Count count,
            Progress progress,
            boolean ownTransactions) {
        List<TopicPartition> remaining = new ArrayList<>();
        for (TopicPartition partition : partitions) {
            if (consumer.position(partition) < until.get(partition)) {
                remaining.add(partition);
            }
        }
        consumer.pause(partitions);
        consumer.resume(remaining);
        while (!remaining.isEmpty()) {
            List<ConsumerRecord<String, String>> batch = new ArrayList<>();
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                if (record.offset() < until.get(new TopicPartition(record.topic(), record.partition()))) {
                    batch.add(record);
                }
            }
            int skipped = ownTransactions ? applyAside(batch, projections) : applyEach(batch, projections, false);
            count.applied += batch.size() - skipped;
            count.skipped += skipped;
            List<TopicPartition> done = remaining.stream()
                    .filter(p -> consumer.position(p) >= until.get(p))
                    .toList();
            // an event read past the end (the live topic moved on) is read again by the next phase
            for (TopicPartition partition : done) {
                consumer.seek(partition, until.get(partition));
            }
            consumer.pause(done);
            remaining.removeAll(done);
            if (progress != null) {
                progress.report(count.progress("REPLAY"));
                progress.proceed();
            }
        }
    }

    /**
     * Applies a batch aside in one transaction; when that fails, each event in its own, skipping those that still fail
     * (the live consumer parked them too). A transient failure stops the rebuild, which the job engine runs again.
     *
     * @return how many were skipped
     */
    private int applyAside(List<ConsumerRecord<String, String>> batch, Map<String, Projection> projections) {
        if (batch.isEmpty()) {
            return 0;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                aside();
                for (ConsumerRecord<String, String> record : batch) {
                    applyOne(record, projections);
                }
            });
            return 0;
        } catch (RuntimeException batchFailed) {
            if (TransientFailures.isTransient(batchFailed)) {
                throw batchFailed;
            }
            LOG.warnf("A rebuild batch of %d events failed, applying them one by one: %s", batch.size(), batchFailed);
        }
        return applyEach(batch, projections, true);
    }

    private int applyEach(
            List<ConsumerRecord<String, String>> batch, Map<String, Projection> projections, boolean ownTransactions) {
        int failed = 0;
        for (ConsumerRecord<String, String> record : batch) {
            try {
                if (ownTransactions) {
                    QuarkusTransaction.requiringNew().run(() -> {
                        aside();
                        applyOne(record, projections);
                    });
                } else {
                    schemas.savepoint(() -> applyOne(record, projections));
                }
            } catch (RuntimeException skipped) {
                if (TransientFailures.isTransient(skipped)) {
                    throw skipped;
                }
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

    private static long difference(Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
        long more = 0;
        for (Map.Entry<TopicPartition, Long> end : to.entrySet()) {
            more += end.getValue() - from.getOrDefault(end.getKey(), end.getValue());
        }
        return more;
    }

    private Properties consumerConfig(UUID job) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "report-service-rebuild-" + job);
        Properties properties = new Properties();
        properties.putAll(config);
        return properties;
    }
}
