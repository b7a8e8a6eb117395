package cn.ruralwatch.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Configuration of the outbox relay ({@code ruralwatch.outbox.*}). */
@ConfigMapping(prefix = "ruralwatch.outbox")
public interface OutboxConfig {

    /** Whether this instance runs a relay. Several instances may run one each; they share the work by bucket. */
    @WithDefault("true")
    boolean relayEnabled();

    /** CloudEvents {@code source} of the events this service publishes, e.g. {@code /household-service}. */
    String source();

    /** Number of buckets rows are spread over; also the most relays that can work in parallel. */
    @WithDefault("16")
    int buckets();

    /** Most rows published in one transaction. */
    @WithDefault("500")
    int batchSize();

    /**
     * The bulk lane's room: the most events the consumers of this service's bulk events (an import's) may have waiting
     * in Kafka. The relay publishes bulk events only while the greatest lag of a consumer group reading their topics is
     * below it, so that an interactive event (published at once) waits behind at most this many. 0: bulk events are
     * not paced. Two consumer batches (max.poll.records 100), seen quickly (the relay looks every
     * {@code bulk-lag-interval}, the consumers commit every 50 ms): a consumer that finishes a batch finds the next one
     * waiting. One batch made a person's wait shorter but the catching up with an import a fifth slower
     * (docs/reports.md).
     */
    @WithDefault("200")
    long bulkLagLimit();

    /**
     * The bulk lane's room while people work: for {@code interactive-window} after a person's change with events
     * committed in this process, the bulk lane keeps to this smaller limit, so that the next person's event waits
     * behind fewer of an import's: one consumer batch (indicator-service applies 100 of an import's households in a
     * fifth of a second while the import is caught up with, half a second while its code is still being compiled)
     * instead of two. Not above {@code bulk-lag-limit}; equal to it: no difference (docs/reports.md has the figures
     * of each setting).
     */
    @WithDefault("100")
    long bulkLagLimitWhileInteractive();

    /** How long after a person's change the bulk lane keeps to {@code bulk-lag-limit-while-interactive}. */
    @WithDefault("10s")
    Duration interactiveWindow();

    /**
     * Whether bulk events wait while a background job of this service runs (an import): the job then has the machine
     * to itself rather than sharing it with the consumers of its own events, which follow when it has ended. The
     * relay of each replica sees the jobs of its own process.
     */
    @WithDefault("true")
    boolean holdBulkWhileJobsRun();

    /** How often the relay looks at the consumers' lag again while bulk events wait for room. */
    @WithDefault("25ms")
    Duration bulkLagInterval();

    /** How often the relay looks for rows when no commit woke it. */
    @WithDefault("1s")
    Duration pollInterval();

    /** Longest wait between attempts while Kafka is unreachable. */
    @WithDefault("10s")
    Duration maxBackoff();

    /** How long published rows are kept before they are deleted. */
    @WithDefault("P7D")
    Duration retention();

    /** Topics the relay creates when missing (production topics are usually provisioned by operations). */
    Optional<List<String>> createTopics();

    @WithDefault("6")
    int topicPartitions();

    @WithDefault("1")
    short topicReplicationFactor();
}
