package cn.ruralwatch.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A single-node KRaft Kafka (combined broker and controller) as a process of its own, run by Apache Kafka's own server
 * ({@code kafka.Kafka}, what {@code kafka-server-start.sh} runs) on a fixed client port and a fixed controller port. It
 * can be stopped, killed and started again without touching anything else, and it outlives whatever started it.
 *
 * <p>Arguments: {@code --port N --controller-port N --data DIR}. The first start formats {@code DIR}; later ones keep
 * its topics, offsets and producer ids. SIGTERM shuts the broker down cleanly.
 *
 * <p>{@link KafkaBroker} (the in-JVM test kit the service tests use) cannot do this: it always puts the controller on a
 * port of its own choosing, in the system's dynamic range.
 */
public final class KafkaBrokerMain {

    /** The cluster id the suite has always had (the test kit formatted earlier data directories with it). */
    static final String CLUSTER_ID = "cnVyYWx3YXRjaC1rYWZrYQ";

    private KafkaBrokerMain() {}

    public static void main(String[] args) {
        int port = Integer.parseInt(required(args, "--port"));
        int controllerPort = Integer.parseInt(required(args, "--controller-port"));
        Path data = Path.of(required(args, "--data")).toAbsolutePath().normalize();
        FreePorts.requireFree(port, "Kafka", "choose another client port");
        FreePorts.requireFree(controllerPort, "Kafka's controller", "choose another controller port");
        Path config = writeConfiguration(data, port, controllerPort);
        if (!Files.exists(logDirectory(data).resolve("meta.properties"))) {
            int formatted = kafka.tools.StorageTool.execute(
                    new String[] {"format", "--cluster-id", CLUSTER_ID, "--config", config.toString()}, System.out);
            if (formatted != 0) {
                System.err.println("Kafka's data directory " + data + " could not be formatted");
                System.exit(formatted);
            }
        }
        System.out.println(
                "Kafka starting on localhost:" + port + " (controller port " + controllerPort + ", data " + data + ")");
        // blocks until SIGTERM has shut the server down, then exits
        kafka.Kafka.main(new String[] {config.toString()});
    }

    /** Where the topics and the metadata log live: the folder the test kit used, so that earlier data stays valid. */
    private static Path logDirectory(Path data) {
        return data.resolve("combined_0_0");
    }

    private static Path writeConfiguration(Path data, int port, int controllerPort) {
        Properties server = new Properties();
        server.setProperty("process.roles", "broker,controller");
        server.setProperty("node.id", "0");
        server.setProperty("controller.quorum.voters", "0@localhost:" + controllerPort);
        server.setProperty("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        server.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + port);
        server.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        server.setProperty("controller.listener.names", "CONTROLLER");
        server.setProperty("inter.broker.listener.name", "PLAINTEXT");
        server.setProperty("log.dirs", logDirectory(data).toString());
        server.setProperty("num.partitions", "3");
        server.setProperty("auto.create.topics.enable", "true");
        server.setProperty("offsets.topic.replication.factor", "1");
        server.setProperty("offsets.topic.num.partitions", "5");
        server.setProperty("transaction.state.log.replication.factor", "1");
        server.setProperty("transaction.state.log.min.isr", "1");
        server.setProperty("share.coordinator.state.topic.replication.factor", "1");
        server.setProperty("share.coordinator.state.topic.min.isr", "1");
        server.setProperty("group.initial.rebalance.delay.ms", "0");
        // after a restart the controller refuses the broker's new registration until the old session has expired:
        // 9 s by default, a long outage for a single node whose heartbeats never leave the machine. (A heartbeat may
        // wait half its interval in the controller's queue: with a shorter interval a busy machine times them out.)
        server.setProperty("broker.session.timeout.ms", "4000");
        server.setProperty("broker.heartbeat.interval.ms", "1000");
        // the report-service rebuilds its read models from the topics: nothing is ever deleted
        server.setProperty("log.retention.ms", "-1");
        // data directories the test kit formatted run at its (unstable) metadata version
        server.setProperty("unstable.feature.versions.enable", "true");
        server.setProperty("unstable.api.versions.enable", "true");
        try {
            Files.createDirectories(logDirectory(data));
            Path file = data.resolve("server.properties");
            try (Writer out = Files.newBufferedWriter(file)) {
                server.store(out, "written at each start by " + KafkaBrokerMain.class.getName());
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write Kafka's configuration in " + data, e);
        }
    }

    private static String required(String[] args, String name) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        System.err.println("usage: KafkaBrokerMain --port N --controller-port N --data DIR");
        System.exit(2);
        return null;
    }
}
