package cn.ruralwatch.launcher;

import cn.ruralwatch.embedded.FreePorts;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where and how the suite runs.
 *
 * @param root repository root (the services' {@code target/quarkus-app} folders live under it)
 * @param stateDirectory PostgreSQL's and Kafka's data ({@code data/}), the development keys ({@code keys/}) and the pid
 *     files ({@code run/}), kept across runs; or null for a temporary one, deleted when the suite is closed
 * @param logDirectory one log file per component
 * @param postgresPort 0 for a free port
 * @param kafkaPort 0 for a free port
 * @param kafkaControllerPort the KRaft controller's port; 0 for a free port
 * @param servicePorts HTTP port per service name; 0 for a free port
 * @param managementPorts management port (health, metrics) per service name; 0 for a free port
 * @param jvmOptions options for each service JVM
 * @param environment extra environment for every service (e.g. JSON logs)
 * @param detached whether the processes outlive the JVM that starts them ({@code bin/suite}), rather than belonging to
 *     it (tests: a Ctrl-C on the build reaches them too, and the suite stops them when the JVM exits)
 */
public record SuiteSettings(
        Path root,
        Path stateDirectory,
        Path logDirectory,
        int postgresPort,
        int kafkaPort,
        int kafkaControllerPort,
        Map<String, Integer> servicePorts,
        Map<String, Integer> managementPorts,
        List<String> jvmOptions,
        Map<String, String> environment,
        boolean detached) {

    public static final int DEFAULT_POSTGRES_PORT = 15432;
    public static final int DEFAULT_KAFKA_PORT = 19092;
    public static final int DEFAULT_KAFKA_CONTROLLER_PORT = 19093;
    public static final int DEFAULT_GATEWAY_PORT = 8080;

    /** What every service JVM needs. */
    public static final List<String> REQUIRED_JVM_OPTIONS = List.of(
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "-Djava.util.logging.manager=org.jboss.logmanager.LogManager");

    /**
     * Small and quick to start, for five services on a laptop; RURALWATCH_SERVICE_JVM_OPTIONS replaces them (the
     * benchmarks run the services as production does, with the full JIT compiler). The heap starts small and grows as
     * the work needs it (the JVM would otherwise start with 1/64 of the machine's memory, all of 384 MB on a 24 GB
     * machine); each full collection gives back what is more than 40 % free, all at once rather than in steps, and every
     * minute the C library returns the native memory the JVM's threads freed. Measured on two cores, classes mapped
     * from each service's archive: the four services and the gateway hold 964 MiB when idle instead of 1,422, and 1,125
     * MiB instead of 1,745 after a 20,000-household import, each under 330.
     */
    public static final List<String> DEFAULT_TUNING = List.of(
            "-XX:+UseSerialGC",
            "-Xms32m",
            "-Xmx384m",
            "-XX:MinHeapFreeRatio=20",
            "-XX:MaxHeapFreeRatio=40",
            "-XX:-ShrinkHeapInSteps",
            "-XX:TrimNativeHeapInterval=60000",
            "-XX:TieredStopAtLevel=1");

    public static final List<String> DEFAULT_JVM_OPTIONS = jvmOptions(null);

    public static final Map<String, Integer> DEFAULT_PORTS = Map.of(
            "gateway", 8080,
            "household-service", 8081,
            "indicator-service", 8082,
            "project-fund-service", 8083,
            "report-service", 8084);

    /**
     * A service's management port (health, metrics) lies this far above its HTTP port: gateway 9080, household-service
     * 9081 … report-service 9084 by default.
     */
    public static final int MANAGEMENT_PORT_OFFSET = 1000;

    /** The launcher's own variables: they configure bin/suite, not the services. */
    private static final Set<String> LAUNCHER_VARIABLES = Set.of(
            "RURALWATCH_STATE_DIR",
            "RURALWATCH_GATEWAY_PORT",
            "RURALWATCH_POSTGRES_PORT",
            "RURALWATCH_KAFKA_PORT",
            "RURALWATCH_KAFKA_CONTROLLER_PORT",
            "RURALWATCH_SERVICE_JVM_OPTIONS",
            "RURALWATCH_JSON_LOGS");

    /** Variables that configure the services, kept from {@code bin/suite up} for every later start of one of them. */
    private static final List<String> SERVICE_VARIABLE_PREFIXES = List.of("RURALWATCH_", "QUARKUS_", "MP_");

    public SuiteSettings {
        servicePorts = Map.copyOf(servicePorts);
        managementPorts = Map.copyOf(managementPorts);
        jvmOptions = List.copyOf(jvmOptions);
        environment = Map.copyOf(environment);
    }

    /** The options of each service JVM: the tuning given (space-separated), or the default one. */
    public static List<String> jvmOptions(String tuning) {
        List<String> options = new ArrayList<>(
                tuning == null || tuning.isBlank()
                        ? DEFAULT_TUNING
                        : List.of(tuning.trim().split("\\s+")));
        options.addAll(REQUIRED_JVM_OPTIONS);
        return List.copyOf(options);
    }

    /** The same settings with more environment for every service. */
    public SuiteSettings withEnvironment(Map<String, String> more) {
        Map<String, String> merged = new HashMap<>(environment);
        merged.putAll(more);
        return new SuiteSettings(
                root,
                stateDirectory,
                logDirectory,
                postgresPort,
                kafkaPort,
                kafkaControllerPort,
                servicePorts,
                managementPorts,
                jvmOptions,
                merged,
                detached);
    }

    /** Free ports and throw-away data: for tests. */
    public static SuiteSettings ephemeral(Path root, Path logDirectory) {
        Map<String, Integer> ports = new HashMap<>();
        DEFAULT_PORTS.keySet().forEach(name -> ports.put(name, 0));
        return new SuiteSettings(root, null, logDirectory, 0, 0, 0, ports, ports, DEFAULT_JVM_OPTIONS, Map.of(), false);
    }

    /**
     * What {@code bin/suite up} runs: the fixed local ports unless the environment moves them, state and logs under
     * {@code state}, processes that outlive the command, and the services' configuration variables of this
     * environment.
     */
    public static SuiteSettings fromEnvironment(Path root, Path state, Map<String, String> variables) {
        int gatewayPort = port(variables, "RURALWATCH_GATEWAY_PORT", DEFAULT_GATEWAY_PORT);
        if (gatewayPort + DEFAULT_PORTS.size() - 1 + MANAGEMENT_PORT_OFFSET > 65535) {
            throw new IllegalArgumentException("RURALWATCH_GATEWAY_PORT=" + gatewayPort + " leaves no room for the"
                    + " services' ports (the next four) and their management ports (each " + MANAGEMENT_PORT_OFFSET
                    + " above)");
        }
        Map<String, Integer> ports = new HashMap<>();
        DEFAULT_PORTS.forEach((name, port) -> ports.put(name, port - DEFAULT_GATEWAY_PORT + gatewayPort));
        Map<String, Integer> managementPorts = new HashMap<>();
        ports.forEach((name, port) -> managementPorts.put(name, port + MANAGEMENT_PORT_OFFSET));
        Map<String, String> environment = new TreeMap<>();
        variables.forEach((name, value) -> {
            if (SERVICE_VARIABLE_PREFIXES.stream().anyMatch(name::startsWith) && !LAUNCHER_VARIABLES.contains(name)) {
                environment.put(name, value);
            }
        });
        if (Boolean.parseBoolean(variables.getOrDefault("RURALWATCH_JSON_LOGS", "false"))) {
            environment.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true");
        }
        return new SuiteSettings(
                root,
                state,
                state.resolve("logs"),
                port(variables, "RURALWATCH_POSTGRES_PORT", DEFAULT_POSTGRES_PORT),
                port(variables, "RURALWATCH_KAFKA_PORT", DEFAULT_KAFKA_PORT),
                port(variables, "RURALWATCH_KAFKA_CONTROLLER_PORT", DEFAULT_KAFKA_CONTROLLER_PORT),
                ports,
                managementPorts,
                jvmOptions(variables.get("RURALWATCH_SERVICE_JVM_OPTIONS")),
                environment,
                true);
    }

    private static int port(Map<String, String> variables, String name, int fallback) {
        String value = variables.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new IllegalArgumentException(name + "=" + value + " is not a port");
    }

    public Path dataDirectory() {
        return stateDirectory == null ? null : stateDirectory.resolve("data");
    }

    public Path keyDirectory() {
        return stateDirectory == null ? null : stateDirectory.resolve("keys");
    }

    public Path runDirectory() {
        return stateDirectory == null ? null : stateDirectory.resolve("run");
    }

    /** The same settings with a free port (below the dynamic range, so that restarts find it free) for each 0. */
    SuiteSettings withConcretePorts() {
        Set<Integer> taken = new HashSet<>(servicePorts.values());
        taken.addAll(managementPorts.values());
        taken.addAll(List.of(postgresPort, kafkaPort, kafkaControllerPort));
        Map<String, Integer> services = new LinkedHashMap<>();
        servicePorts.forEach((name, port) -> services.put(name, concrete(port, taken)));
        Map<String, Integer> management = new LinkedHashMap<>();
        managementPorts.forEach((name, port) -> management.put(name, concrete(port, taken)));
        return new SuiteSettings(
                root,
                stateDirectory,
                logDirectory,
                concrete(postgresPort, taken),
                concrete(kafkaPort, taken),
                concrete(kafkaControllerPort, taken),
                services,
                management,
                jvmOptions,
                environment,
                detached);
    }

    private static int concrete(int port, Set<Integer> taken) {
        if (port != 0) {
            return port;
        }
        int free;
        do {
            free = FreePorts.stable();
        } while (!taken.add(free));
        return free;
    }

    /** What moves the services' HTTP ports, as messages name it. */
    static final String SERVICE_PORTS_VARIABLE = "RURALWATCH_GATEWAY_PORT and the next four";

    /** What moves the services' management ports, as messages name it. */
    static final String MANAGEMENT_PORTS_VARIABLE =
            "RURALWATCH_GATEWAY_PORT: each service's port + " + MANAGEMENT_PORT_OFFSET;

    /** The ports by what uses them and the variable that moves them, as error messages name them. */
    Map<String, Integer> portsByUse() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("PostgreSQL (RURALWATCH_POSTGRES_PORT)", postgresPort);
        ports.put("Kafka (RURALWATCH_KAFKA_PORT)", kafkaPort);
        ports.put("Kafka's controller (RURALWATCH_KAFKA_CONTROLLER_PORT)", kafkaControllerPort);
        for (ServiceSpec spec : ServiceSpec.ALL) {
            ports.put(spec.name() + " (" + SERVICE_PORTS_VARIABLE + ")", servicePorts.get(spec.name()));
        }
        for (ServiceSpec spec : ServiceSpec.ALL) {
            ports.put(
                    spec.name() + "'s management (" + MANAGEMENT_PORTS_VARIABLE + ")",
                    managementPorts.get(spec.name()));
        }
        return ports;
    }

    /** Fails when two components would share a port. */
    void requireDistinctPorts() {
        Map<Integer, String> users = new HashMap<>();
        portsByUse().forEach((use, port) -> {
            if (port == null) {
                throw new IllegalArgumentException("No port for " + use);
            }
            String other = users.putIfAbsent(port, use);
            if (other != null && port != 0) {
                throw new IllegalArgumentException("Port " + port + " is given to both " + other + " and " + use);
            }
        });
    }

    /** What differs between these settings and others, in words: ports, JVM options, service environment. */
    List<String> differencesFrom(SuiteSettings other) {
        List<String> differences = new ArrayList<>();
        if (postgresPort != other.postgresPort
                || kafkaPort != other.kafkaPort
                || kafkaControllerPort != other.kafkaControllerPort
                || !servicePorts.equals(other.servicePorts)
                || !managementPorts.equals(other.managementPorts)) {
            differences.add("ports");
        }
        if (!jvmOptions.equals(other.jvmOptions)) {
            differences.add("the services' JVM options");
        }
        if (!environment.equals(other.environment)) {
            differences.add("the services' environment");
        }
        return differences;
    }

    /** Writes the settings, so that later commands start components exactly as {@code up} did. */
    void store(Path file) {
        Properties properties = new Properties();
        properties.setProperty("postgres.port", String.valueOf(postgresPort));
        properties.setProperty("kafka.port", String.valueOf(kafkaPort));
        properties.setProperty("kafka.controller.port", String.valueOf(kafkaControllerPort));
        servicePorts.forEach((name, port) -> properties.setProperty("port." + name, String.valueOf(port)));
        managementPorts.forEach(
                (name, port) -> properties.setProperty("management.port." + name, String.valueOf(port)));
        for (int i = 0; i < jvmOptions.size(); i++) {
            properties.setProperty("jvm.option." + i, jvmOptions.get(i));
        }
        environment.forEach((name, value) -> properties.setProperty("env." + name, value));
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer out = Files.newBufferedWriter(temporary)) {
                properties.store(out, "RuralWatch local suite: the settings of the last bin/suite up");
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** Reads what {@link #store} wrote (detached, logs under the state directory). */
    static SuiteSettings load(Path file, Path root, Path state) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        Map<String, Integer> ports = new HashMap<>();
        Map<String, Integer> managementPorts = new HashMap<>();
        for (String name : DEFAULT_PORTS.keySet()) {
            int port = Integer.parseInt(properties.getProperty("port." + name));
            ports.put(name, port);
            // settings recorded before services had management ports: the scheme's
            managementPorts.put(
                    name,
                    Integer.parseInt(properties.getProperty(
                            "management.port." + name, String.valueOf(port + MANAGEMENT_PORT_OFFSET))));
        }
        List<String> options = new ArrayList<>();
        for (int i = 0; properties.containsKey("jvm.option." + i); i++) {
            options.add(properties.getProperty("jvm.option." + i));
        }
        Map<String, String> environment = new HashMap<>();
        properties.stringPropertyNames().stream()
                .filter(key -> key.startsWith("env."))
                .forEach(key -> environment.put(key.substring("env.".length()), properties.getProperty(key)));
        return new SuiteSettings(
                root,
                state,
                state.resolve("logs"),
                Integer.parseInt(properties.getProperty("postgres.port")),
                Integer.parseInt(properties.getProperty("kafka.port")),
                Integer.parseInt(properties.getProperty("kafka.controller.port")),
                ports,
                managementPorts,
                options,
                environment,
                true);
    }
}
