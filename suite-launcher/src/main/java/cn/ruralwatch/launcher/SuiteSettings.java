package cn.ruralwatch.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where and how the suite runs.
 *
 * @param root repository root (the services' {@code target/quarkus-app} folders live under it)
 * @param dataDirectory PostgreSQL and Kafka data kept across runs, or null for throw-away data
 * @param logDirectory one log file per service
 * @param keyDirectory the development token issuer's key pair (generated at first start), or null for a throw-away
 *     one
 * @param postgresPort 0 for any free port
 * @param kafkaPort 0 for any free port
 * @param servicePorts HTTP port per service name; 0 for any free port
 * @param jvmOptions options for each service JVM
 * @param environment extra environment for every service (e.g. JSON logs)
 */
public record SuiteSettings(
        Path root,
        Path dataDirectory,
        Path logDirectory,
        Path keyDirectory,
        int postgresPort,
        int kafkaPort,
        Map<String, Integer> servicePorts,
        List<String> jvmOptions,
        Map<String, String> environment) {

    /** What every service JVM needs. */
    public static final List<String> REQUIRED_JVM_OPTIONS = List.of(
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "-Djava.util.logging.manager=org.jboss.logmanager.LogManager");

    /**
     * Small and quick to start, for five services on a laptop; RURALWATCH_SERVICE_JVM_OPTIONS replaces them (the
     * benchmarks run the services as production does, with the full JIT compiler).
     */
    public static final List<String> DEFAULT_TUNING =
            List.of("-XX:+UseSerialGC", "-Xmx384m", "-XX:TieredStopAtLevel=1");

    public static final List<String> DEFAULT_JVM_OPTIONS = jvmOptions(null);

    /** The options of each service JVM: the tuning given (space-separated), or the default one. */
    public static List<String> jvmOptions(String tuning) {
        List<String> options = new java.util.ArrayList<>(
                tuning == null || tuning.isBlank()
                        ? DEFAULT_TUNING
                        : List.of(tuning.trim().split("\\s+")));
        options.addAll(REQUIRED_JVM_OPTIONS);
        return List.copyOf(options);
    }

    public static final Map<String, Integer> DEFAULT_PORTS = Map.of(
            "gateway", 8080,
            "household-service", 8081,
            "indicator-service", 8082,
            "project-fund-service", 8083,
            "report-service", 8084);

    /** The same settings with more environment for every service. */
    public SuiteSettings withEnvironment(Map<String, String> more) {
        Map<String, String> merged = new java.util.HashMap<>(environment);
        merged.putAll(more);
        return new SuiteSettings(
                root,
                dataDirectory,
                logDirectory,
                keyDirectory,
                postgresPort,
                kafkaPort,
                servicePorts,
                jvmOptions,
                Map.copyOf(merged));
    }

    /** Free ports and throw-away data: for tests. */
    public static SuiteSettings ephemeral(Path root, Path logDirectory) {
        return new SuiteSettings(
                root,
                null,
                logDirectory,
                null,
                0,
                0,
                Map.of(
                        "gateway", 0,
                        "household-service", 0,
                        "indicator-service", 0,
                        "project-fund-service", 0,
                        "report-service", 0),
                DEFAULT_JVM_OPTIONS,
                Map.of());
    }
}
