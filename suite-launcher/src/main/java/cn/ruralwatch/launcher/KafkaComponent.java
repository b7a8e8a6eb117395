package cn.ruralwatch.launcher;

import cn.ruralwatch.embedded.FreePorts;
import cn.ruralwatch.embedded.KafkaBrokerMain;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Kafka: a single-node KRaft broker ({@link KafkaBrokerMain}) in a JVM of its own, on a fixed client and controller
 * port, its logs in {@code data/kafka} kept across stop and start — so a restart looks to clients like a real broker
 * outage: same address, same topics, offsets and producer ids.
 */
public final class KafkaComponent extends Component {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    /** Enough for a single-node broker on a laptop; the services' own JVMs are tuned separately. */
    private static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC");

    private final Path state;
    private final int port;
    private final int controllerPort;
    private final Path dataDirectory;
    private final boolean detached;

    KafkaComponent(
            Path state,
            Path runDirectory,
            Path logDirectory,
            int port,
            int controllerPort,
            Path dataDirectory,
            boolean detached) {
        super("kafka", runDirectory, logDirectory);
        this.state = state;
        this.port = port;
        this.controllerPort = controllerPort;
        this.dataDirectory = dataDirectory.toAbsolutePath().normalize();
        this.detached = detached;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    @Override
    public String address() {
        return bootstrapServers();
    }

    @Override
    boolean isOwn(ProcessHandle process) {
        return Processes.isComponent(process, state, name());
    }

    @Override
    boolean runsAsConfigured(ProcessHandle process) {
        List<String> arguments = Processes.arguments(process);
        return Collections.indexOfSubList(arguments, List.of("--port", String.valueOf(port))) >= 0
                && Collections.indexOfSubList(arguments, List.of("--controller-port", String.valueOf(controllerPort)))
                        >= 0;
    }

    /** The broker answers a request for the cluster's description. */
    @Override
    Optional<String> problem() {
        // a refused connection says "down" at once; the admin client would retry until its timeout
        if (!listening()) {
            return Optional.of("refuses connections");
        }
        try (Admin admin = admin()) {
            return describes(admin, Duration.ofSeconds(3))
                    ? Optional.empty()
                    : Optional.of("the broker does not answer within 3 s");
        }
    }

    private boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 1000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, 1000,
                AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, 1000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200));
    }

    /** Whether the cluster names an unfenced broker: the broker then takes requests. */
    private static boolean describes(Admin admin, Duration timeout) {
        try {
            return !admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                    .nodes()
                    .get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS)
                    .isEmpty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception noAnswer) {
            return false;
        }
    }

    /** Starts the broker unless it runs, and waits until it answers. */
    @Override
    public synchronized Duration start() {
        Instant started = Instant.now();
        stopIfConfiguredOtherwise();
        if (running()) {
            awaitAnswer(process().orElseThrow(), started);
            return Duration.ZERO;
        }
        forgetUnlessRunning();
        FreePorts.requireFree(port, "Kafka", "set RURALWATCH_KAFKA_PORT to a free port");
        FreePorts.requireFree(
                controllerPort, "Kafka's controller", "set RURALWATCH_KAFKA_CONTROLLER_PORT to a free port");
        List<String> command = new ArrayList<>(Processes.java(detached));
        command.addAll(JVM_OPTIONS);
        command.addAll(Processes.markers(state, name()));
        command.addAll(List.of(
                KafkaBrokerMain.class.getName(),
                "--port",
                String.valueOf(port),
                "--controller-port",
                String.valueOf(controllerPort),
                "--data",
                dataDirectory.toString()));
        Processes.markStart(log(), name());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        // this JVM's class path holds the broker; through the environment it keeps the command line short to read
        builder.environment().put("CLASSPATH", System.getProperty("java.class.path"));
        ProcessHandle process;
        try {
            process = builder.start().toHandle();
        } catch (IOException e) {
            throw new UncheckedIOException("Kafka could not be started", e);
        }
        writePid(process.pid());
        awaitAnswer(process, started);
        return Duration.between(started, Instant.now());
    }

    private void awaitAnswer(ProcessHandle process, Instant started) {
        Instant deadline = started.plus(START_TIMEOUT);
        while (!listening()) {
            requireAlive(process, deadline);
            Processes.sleep(Duration.ofMillis(100));
        }
        // one client for the whole wait: it asks again as soon as the broker is registered, not once per new client
        try (Admin admin = admin()) {
            while (!describes(admin, Duration.ofMillis(500))) {
                requireAlive(process, deadline);
                Processes.sleep(Duration.ofMillis(100));
            }
        }
    }

    private void requireAlive(ProcessHandle process, Instant deadline) {
        if (!process.isAlive()) {
            throw failure("exited during start");
        }
        if (Instant.now().isAfter(deadline)) {
            throw failure("does not answer after " + START_TIMEOUT.toSeconds() + " s");
        }
    }

    /** SIGTERM: the broker shuts down cleanly and keeps its logs. */
    @Override
    public synchronized void stop() {
        process().ifPresent(process -> Processes.terminate(process, STOP_TIMEOUT));
        forgetUnlessRunning();
    }

    @Override
    public synchronized void kill() {
        process().ifPresent(Processes::kill);
        forgetUnlessRunning();
    }
}
