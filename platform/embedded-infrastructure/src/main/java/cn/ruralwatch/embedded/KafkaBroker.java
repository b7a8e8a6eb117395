package cn.ruralwatch.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A single-node KRaft Kafka (combined broker and controller) running in this JVM, built with Apache Kafka's own
 * {@link KafkaClusterTestKit}. It listens on a fixed port and keeps its logs across {@link #stop()} and {@link
 * #start()}, so a restart looks to clients like a real broker outage: same address, same topics, offsets and
 * producer ids.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final String CLUSTER_ID = "cnVyYWx3YXRjaC1rYWZrYQ";

    private final int port;
    private final int controllerPort;
    private final Path directory;
    private final boolean temporary;
    private KafkaClusterTestKit cluster;

    private KafkaBroker(int port, int controllerPort, Path directory, boolean temporary) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.directory = directory;
        this.temporary = temporary;
    }

    /**
     * Starts a broker.
     *
     * @param port client port, or 0 for a free one
     * @param directory where the logs live, or null for a temporary folder deleted on {@link #close()}
     */
    public static KafkaBroker start(int port, Path directory) {
        // below the dynamic range, so that after stop() no client connection holds it when start() binds it again
        int clientPort = port == 0 ? FreePorts.stable() : port;
        // the test kit binds the controller to a port of its own choosing whatever the listener says
        int controllerPort = FreePorts.any();
        boolean temporary = directory == null;
        try {
            Path base = temporary ? Files.createTempDirectory("kafka-") : directory;
            KafkaBroker broker = new KafkaBroker(clientPort, controllerPort, base, temporary);
            broker.start();
            return broker;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("No folder for Kafka's logs", e);
        }
    }

    /** Starts the broker (again) on its port. */
    public synchronized void start() {
        if (cluster != null) {
            return;
        }
        try {
            Path base = directory;
            boolean formatted = Files.exists(base.resolve("combined_0_0").resolve("meta.properties"));
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setClusterId(CLUSTER_ID)
                    .setBaseDirectory(base)
                    .setPerServerProperties(Map.of(
                            0,
                            Map.of(
                                    "listeners",
                                    "EXTERNAL://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort)))
                    .build();
            KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(nodes)
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("num.partitions", "3")
                    .setConfigProp("auto.create.topics.enable", "true")
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "5")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("log.retention.ms", "-1")
                    .build();
            if (!formatted) {
                kit.format();
            }
            kit.startup();
            kit.waitForReadyBrokers();
            cluster = kit;
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not start on port " + port, e);
        }
    }

    /** Stops the broker; clients see it as unreachable until {@link #start()}. */
    public synchronized void stop() {
        if (cluster == null) {
            return;
        }
        KafkaClusterTestKit kit = cluster;
        cluster = null;
        try {
            // the kit's close() would delete the log directories; keep them for the next start
            kit.brokers().values().forEach(broker -> broker.shutdown());
            kit.controllers().values().forEach(controller -> controller.shutdown());
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not stop cleanly", e);
        }
    }

    public boolean running() {
        return cluster != null;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    /** Stops the broker; a temporary one also deletes its logs. */
    @Override
    public void close() {
        stop();
        if (temporary) {
            try (var paths = Files.walk(directory)) {
                paths.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("Kafka's temporary logs were not deleted", e);
            }
        }
    }
}
