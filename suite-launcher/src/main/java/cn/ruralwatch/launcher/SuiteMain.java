package cn.ruralwatch.launcher;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * {@code bin/suite up} runs this in the background: it starts the suite on the fixed local ports, writes the state file
 * {@code .suite/run/suite.properties} (pids, ports, addresses) once everything is ready, and stops everything it started
 * when it is terminated.
 *
 * <p>Arguments: {@code --root DIR} (repository root), {@code --state DIR} (default {@code ROOT/.suite}). Ports can be
 * changed with the environment variables {@code RURALWATCH_GATEWAY_PORT}, {@code RURALWATCH_POSTGRES_PORT} and
 * {@code RURALWATCH_KAFKA_PORT}; {@code RURALWATCH_JSON_LOGS=true} switches the services to JSON logs.
 */
public final class SuiteMain {

    private SuiteMain() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(argument(args, "--root", ".")).toAbsolutePath().normalize();
        Path state = Path.of(argument(args, "--state", root.resolve(".suite").toString()))
                .toAbsolutePath()
                .normalize();
        Path run = state.resolve("run");
        Files.createDirectories(run);
        Path stateFile = run.resolve("suite.properties");
        Files.deleteIfExists(stateFile);

        Map<String, Integer> ports = new HashMap<>(SuiteSettings.DEFAULT_PORTS);
        int gatewayPort = intEnv("RURALWATCH_GATEWAY_PORT", 8080);
        ports.put("gateway", gatewayPort);
        for (String name : SuiteSettings.DEFAULT_PORTS.keySet()) {
            if (!name.equals("gateway")) {
                ports.put(name, SuiteSettings.DEFAULT_PORTS.get(name) - 8080 + gatewayPort);
            }
        }
        Map<String, String> environment = new HashMap<>();
        if (Boolean.parseBoolean(System.getenv().getOrDefault("RURALWATCH_JSON_LOGS", "false"))) {
            environment.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true");
        }
        SuiteSettings settings = new SuiteSettings(
                root,
                state.resolve("data"),
                state.resolve("logs"),
                state.resolve("keys"),
                intEnv("RURALWATCH_POSTGRES_PORT", 15432),
                intEnv("RURALWATCH_KAFKA_PORT", 19092),
                ports,
                SuiteSettings.jvmOptions(System.getenv("RURALWATCH_SERVICE_JVM_OPTIONS")),
                environment);

        long started = System.nanoTime();
        Suite suite = Suite.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the suite");
            suite.close();
            try {
                Files.deleteIfExists(stateFile);
            } catch (IOException ignored) {
                // nothing left to clean
            }
            stopped.countDown();
        }));
        writeState(stateFile, suite, settings, Duration.ofNanos(System.nanoTime() - started));
        System.out.println("Suite ready: gateway " + suite.gatewayUrl());
        stopped.await();
    }

    private static void writeState(Path file, Suite suite, SuiteSettings settings, Duration total) throws IOException {
        Properties state = new Properties();
        state.setProperty(
                "launcher.pid",
                String.valueOf(ManagementFactory.getRuntimeMXBean().getPid()));
        state.setProperty("startup.total.ms", String.valueOf(total.toMillis()));
        state.setProperty("gateway.url", suite.gatewayUrl());
        state.setProperty("postgres.port", String.valueOf(suite.postgres().port()));
        state.setProperty("kafka.bootstrap", suite.kafka().bootstrapServers());
        state.setProperty("logs", settings.logDirectory().toString());
        for (ServiceProcess service : suite.services()) {
            String name = service.spec().name();
            state.setProperty(name + ".pid", String.valueOf(service.pid()));
            state.setProperty(name + ".url", service.url());
            state.setProperty(
                    name + ".startup.ms",
                    String.valueOf(suite.startTimes().get(name).toMillis()));
        }
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (var out = Files.newBufferedWriter(temporary)) {
            state.store(out, "RuralWatch local suite");
        }
        Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static String argument(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static int intEnv(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
