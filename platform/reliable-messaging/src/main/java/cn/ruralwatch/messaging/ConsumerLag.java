package cn.ruralwatch.messaging;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far the consumers of some topics are behind: for each consumer group with members consuming them, the events
 * between its committed offsets and the ends of the partitions its members hold; the greatest of them. A group without
 * members (stopped, or a tool that read once) holds nothing up. Read with Kafka's admin API, as operators read lag.
 */
final class ConsumerLag implements AutoCloseable {

    private static final long TIMEOUT_SECONDS = 5;

    private final String bootstrapServers;
    private Admin admin;

    ConsumerLag(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** The greatest lag of a group consuming any of the topics, in events; 0 when none is. */
    long greatest(Set<String> topics) throws Exception {
        if (topics.isEmpty()) {
            return 0;
        }
        Admin client = admin();
        @SuppressWarnings("deprecation")
        Collection<ConsumerGroupListing> listed =
                client.listConsumerGroups().all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (listed.isEmpty()) {
            return 0;
        }
        List<String> groupIds =
                listed.stream().map(ConsumerGroupListing::groupId).toList();
        Map<String, ConsumerGroupDescription> groups =
                client.describeConsumerGroups(groupIds).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<String, Set<TopicPartition>> held = new HashMap<>();
        for (ConsumerGroupDescription group : groups.values()) {
            for (MemberDescription member : group.members()) {
                for (TopicPartition partition : member.assignment().topicPartitions()) {
                    if (topics.contains(partition.topic())) {
                        held.computeIfAbsent(group.groupId(), g -> new HashSet<>())
                                .add(partition);
                    }
                }
            }
        }
        if (held.isEmpty()) {
            return 0;
        }
        Set<TopicPartition> partitions = new HashSet<>();
        held.values().forEach(partitions::addAll);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                client.listOffsets(latest).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        long greatest = 0;
        for (Map.Entry<String, Set<TopicPartition>> group : held.entrySet()) {
            Map<TopicPartition, OffsetAndMetadata> committed = client.listConsumerGroupOffsets(group.getKey())
                    .partitionsToOffsetAndMetadata()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            long lag = 0;
            for (TopicPartition partition : group.getValue()) {
                OffsetAndMetadata offset = committed.get(partition);
                ListOffsetsResult.ListOffsetsResultInfo end = ends.get(partition);
                // a partition the group has not committed on yet: it starts where it is assigned, nothing to count
                if (offset != null && end != null) {
                    lag += Math.max(0, end.offset() - offset.offset());
                }
            }
            greatest = Math.max(greatest, lag);
        }
        return greatest;
    }

    private Admin admin() {
        if (admin == null) {
            admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                    // describing a group of the classic protocol (the suite's consumers) first asks with the new
                    // consumer-group API, then again with the classic one after the retry backoff: 100 ms by default,
                    // most of a lag reading. Retries of real failures still back off exponentially up to
                    // retry.backoff.max.ms (1 s).
                    AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, 10));
        }
        return admin;
    }

    /** Drops the admin client, e.g. after Kafka was away: the next call opens a new one. */
    void reset() {
        close();
    }

    @Override
    public void close() {
        Admin current = admin;
        admin = null;
        if (current != null) {
            current.close(Duration.ZERO);
        }
    }
}
