package cn.ruralwatch.launcher;

import cn.ruralwatch.embedded.FreePorts;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What {@code bin/suite} runs for {@code up}, {@code down}, {@code status}, {@code start}, {@code stop},
 * {@code restart} and {@code kill}. Each command is a short-lived JVM: the components it starts are processes of their
 * own that outlive it, found again by the next command through their pid files in {@code STATE/run}.
 *
 * <p>Arguments: {@code COMMAND [COMPONENT] --root DIR --state DIR}. {@code up} takes its settings from the environment
 * ({@link SuiteSettings#fromEnvironment}) and records them in {@code run/settings.properties}; the other commands use
 * the recorded ones, so that a component started later runs exactly as {@code up} started it. {@code run/suite.properties}
 * lists addresses, pids and start times for scripts (the benchmarks read it). Exit status: 0 done (status: all
 * healthy), 1 failed, 2 usage, 3 status: something is down or not healthy.
 */
public final class SuiteMain {

    private static final List<String> COMPONENT_COMMANDS = List.of("start", "stop", "restart", "kill");

    private SuiteMain() {}

    public static void main(String[] args) {
        // a status probe of a stopped broker is an answer, not a warning worth printing
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "off");
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                i++;
            } else {
                positional.add(args[i]);
            }
        }
        if (positional.isEmpty() || (COMPONENT_COMMANDS.contains(positional.get(0)) && positional.size() != 2)) {
            System.err.println(
                    "usage: SuiteMain up|down|status|start|stop|restart|kill [COMPONENT] --root DIR" + " --state DIR");
            System.exit(2);
        }
        Path root = Path.of(argument(args, "--root", ".")).toAbsolutePath().normalize();
        Path state = Path.of(argument(args, "--state", root.resolve(".suite").toString()))
                .toAbsolutePath()
                .normalize();
        try {
            System.exit(run(positional.get(0), positional.size() > 1 ? positional.get(1) : null, root, state));
        } catch (RuntimeException | IOException failure) {
            System.err.println(failure.getMessage());
            System.exit(1);
        }
    }

    private static int run(String command, String component, Path root, Path state) throws IOException {
        Path run = state.resolve("run");
        Files.createDirectories(run);
        if (command.equals("status")) {
            return status(Suite.attach(recordedOrCurrent(root, state)));
        }
        try (FileChannel lockFile = FileChannel.open(
                        run.resolve("suite.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = lock(lockFile)) {
            return switch (command) {
                case "up" -> up(root, state);
                case "down" -> down(root, state);
                case "start", "stop", "restart", "kill" -> operate(command, component, root, state);
                default -> {
                    System.err.println("unknown command " + command);
                    yield 2;
                }
            };
        }
    }

    /** One command at a time changes the suite: a second one waits for the first. */
    private static FileLock lock(FileChannel channel) throws IOException {
        FileLock lock = channel.tryLock();
        if (lock != null) {
            return lock;
        }
        System.out.println("Waiting for another bin/suite command on this state directory to finish...");
        return channel.lock();
    }

    private static int up(Path root, Path state) throws IOException {
        LegacyLauncher.retire(root, state);
        SuiteSettings settings = settingsForUp(root, state);
        warnAboutDynamicPorts(settings);
        Suite suite = Suite.attach(settings);
        settings.store(settingsFile(state));
        System.out.println("Starting RuralWatch (Java " + Runtime.version().feature() + " at "
                + System.getProperty("java.home") + "; state " + state + ")");
        try {
            suite.up(System.out::println);
        } catch (RuntimeException failure) {
            writeState(suite);
            System.err.println(failure.getMessage());
            if (suite.components().stream().anyMatch(Component::running)) {
                System.err.println("What runs keeps running: bin/suite status shows it, bin/suite down stops it.");
            }
            return 1;
        }
        writeState(suite);
        String gateway = suite.gatewayUrl();
        System.out.println();
        System.out.println("RuralWatch is running.");
        System.out.println("  Gateway      " + gateway);
        System.out.println("  Swagger UI   " + gateway + "/q/swagger-ui");
        System.out.println("  OpenAPI      " + gateway + "/q/openapi");
        // health checks and metrics answer on each service's management port, never through the gateway
        String management = suite.service(ServiceSpec.GATEWAY.name()).managementUrl();
        System.out.println("  Health       " + management + "/q/health (the services behind it: " + management
                + "/q/health/group/services)");
        System.out.println("  Metrics      " + management + "/q/metrics");
        System.out.println("  Management   " + backendManagementPorts(suite) + " (/q/health, /q/metrics)");
        System.out.println("  PostgreSQL   " + suite.postgres().address() + " (user postgres)");
        System.out.println("  Kafka        " + suite.kafka().bootstrapServers());
        System.out.println("  Logs         " + suite.settings().logDirectory());
        System.out.println("Stop it with: bin/suite down");
        return 0;
    }

    /** The four services' management ports, e.g. {@code household-service :9081, indicator-service :9082 …}. */
    private static String backendManagementPorts(Suite suite) {
        return String.join(
                ", ",
                suite.services().stream()
                        .filter(service -> service.spec().hasDatabase())
                        .map(service -> service.name() + " :" + service.managementPort())
                        .toList());
    }

    /**
     * This environment's settings; but while anything of the suite runs, those of the last {@code up}: adopting a
     * component means taking it as it was started, and the others must find it where it is.
     */
    private static SuiteSettings settingsForUp(Path root, Path state) throws IOException {
        SuiteSettings requested = SuiteSettings.fromEnvironment(root, state, System.getenv());
        if (!Files.exists(settingsFile(state))) {
            return requested;
        }
        SuiteSettings recorded = SuiteSettings.load(settingsFile(state), root, state);
        Suite running = Suite.attach(recorded);
        boolean anything = running.components().stream().anyMatch(Component::running)
                || !running.strays().isEmpty();
        List<String> differences = recorded.differencesFrom(requested);
        if (!anything || differences.isEmpty()) {
            return requested;
        }
        System.out.println("The suite runs with the settings of the last bin/suite up; this environment asks for"
                + " other " + String.join(", ", differences) + ". Those of the running suite are kept: run bin/suite"
                + " down first to apply new ones.");
        return recorded;
    }

    private static void warnAboutDynamicPorts(SuiteSettings settings) {
        List<Integer> ports =
                new ArrayList<>(List.of(settings.postgresPort(), settings.kafkaPort(), settings.kafkaControllerPort()));
        ports.addAll(settings.servicePorts().values());
        ports.addAll(settings.managementPorts().values());
        int[] range = FreePorts.dynamicRange();
        ports.stream()
                .filter(FreePorts::inDynamicRange)
                .sorted()
                .forEach(port -> System.out.println("Warning: port "
                        + port + " lies in the system's dynamic range (" + range[0] + "-" + range[1]
                        + "), where an outgoing"
                        + " connection may hold it when a component starts again"));
    }

    private static int down(Path root, Path state) throws IOException {
        LegacyLauncher.retire(root, state);
        Suite suite = Suite.attach(recordedOrCurrent(root, state));
        boolean anything = suite.components().stream().anyMatch(Component::running)
                || !suite.strays().isEmpty();
        if (anything) {
            System.out.println("Stopping the suite...");
        }
        suite.down();
        List<String> left = suite.components().stream()
                .filter(Component::running)
                .map(Component::name)
                .toList();
        if (!left.isEmpty()) {
            writeState(suite);
            System.err.println("Still running: " + String.join(", ", left));
            return 1;
        }
        Files.deleteIfExists(stateFile(state));
        Files.deleteIfExists(settingsFile(state));
        System.out.println(anything ? "Stopped." : "The suite is not running.");
        return 0;
    }

    private static int status(Suite suite) {
        List<ComponentStatus> statuses = suite.status();
        List<ProcessHandle> strays = suite.strays();
        if (statuses.stream().allMatch(s -> s.state() == ComponentStatus.State.DOWN) && strays.isEmpty()) {
            System.out.println("The suite is not running.");
            return 3;
        }
        for (ComponentStatus status : statuses) {
            System.out.printf(
                    "%-22s pid %-8s %-40s %s%n",
                    status.name(),
                    status.pid().isPresent() ? String.valueOf(status.pid().getAsLong()) : "-",
                    status.address(),
                    status.detail());
        }
        for (ProcessHandle stray : strays) {
            System.out.printf(
                    "%-22s pid %-8s %-40s %s%n",
                    Processes.componentOf(stray, suite.stateDirectory()).orElse("?"),
                    stray.pid(),
                    "",
                    "stray: no pid file names it (bin/suite up adopts or stops it, bin/suite down stops it)");
        }
        return statuses.stream().allMatch(ComponentStatus::healthy) ? 0 : 3;
    }

    private static int operate(String command, String name, Path root, Path state) throws IOException {
        Path settingsFile = settingsFile(state);
        SuiteSettings settings = recordedOrCurrent(root, state);
        if (!Files.exists(settingsFile)) {
            settings.store(settingsFile);
        }
        Suite suite = Suite.attach(settings);
        Component component = suite.component(name);
        try {
            switch (command) {
                case "start" -> {
                    boolean ran = component.running();
                    Duration took = suite.start(name);
                    System.out.println(
                            ran
                                    ? name + " runs already (pid "
                                            + component.pid().getAsLong() + ") and is healthy"
                                    : name + " started in " + Suite.seconds(took) + " (pid "
                                            + component.pid().getAsLong() + ") and is healthy");
                }
                case "stop" -> {
                    boolean ran = component.running();
                    suite.stop(name);
                    System.out.println(ran ? name + " stopped" : name + " was not running");
                }
                case "restart" -> {
                    Duration took = suite.restart(name);
                    System.out.println(name + " restarted in " + Suite.seconds(took) + " (pid "
                            + component.pid().getAsLong() + ") and is healthy");
                }
                case "kill" -> {
                    boolean ran = component.running();
                    long pid = ran ? component.pid().getAsLong() : 0;
                    suite.kill(name);
                    System.out.println(ran ? name + " killed (pid " + pid + ", SIGKILL)" : name + " was not running");
                }
                default -> throw new IllegalArgumentException(command);
            }
        } finally {
            writeState(suite);
        }
        return 0;
    }

    private static SuiteSettings recordedOrCurrent(Path root, Path state) {
        Path recorded = settingsFile(state);
        return Files.exists(recorded)
                ? SuiteSettings.load(recorded, root, state)
                : SuiteSettings.fromEnvironment(root, state, System.getenv());
    }

    private static Path settingsFile(Path state) {
        return state.resolve("run").resolve("settings.properties");
    }

    private static Path stateFile(Path state) {
        return state.resolve("run").resolve("suite.properties");
    }

    /**
     * {@code run/suite.properties}: addresses, and the pid and last start time of each component that runs (start
     * times of components this command did not start are kept from the file).
     */
    private static void writeState(Suite suite) {
        Path file = stateFile(suite.stateDirectory());
        Properties previous = new Properties();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                previous.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
        Properties state = new Properties();
        state.setProperty("gateway.url", suite.gatewayUrl());
        state.setProperty("postgres.port", String.valueOf(suite.postgres().port()));
        state.setProperty("kafka.bootstrap", suite.kafka().bootstrapServers());
        state.setProperty("logs", suite.settings().logDirectory().toString());
        Map<String, Duration> started = suite.startTimes();
        for (Component component : suite.components()) {
            String name = component.name();
            if (component instanceof ServiceComponent service) {
                state.setProperty(name + ".url", service.url());
                state.setProperty(name + ".management.url", service.managementUrl());
            }
            if (component.pid().isPresent()) {
                state.setProperty(name + ".pid", String.valueOf(component.pid().getAsLong()));
                String took = started.containsKey(name)
                        ? String.valueOf(started.get(name).toMillis())
                        : previous.getProperty(name + ".startup.ms");
                if (took != null) {
                    state.setProperty(name + ".startup.ms", took);
                }
            }
        }
        try {
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer out = Files.newBufferedWriter(temporary)) {
                state.store(out, "RuralWatch local suite: addresses and the pid of each component that runs");
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static String argument(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
