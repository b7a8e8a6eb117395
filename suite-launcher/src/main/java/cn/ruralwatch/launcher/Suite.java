package cn.ruralwatch.launcher;

import cn.ruralwatch.embedded.DevIdentityProvider;
import cn.ruralwatch.embedded.FreePorts;
import cn.ruralwatch.embedded.LocalPersonalDataKeys;
import cn.ruralwatch.embedded.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The whole suite on one machine: a real PostgreSQL (one database per service), a KRaft Kafka broker and the five
 * services, each an OS process of its own with a pid file and a log, configured exactly as in containers (environment
 * variables only). Each component can be stopped, killed and started again on its own — on the same port, with the
 * same data — as operators and fault-injection tests need, and a second instance of a service can run beside the
 * first.
 *
 * <p>{@code bin/suite} drives the same class ({@link SuiteMain}): there the processes outlive each command, and each
 * command finds them again through their pid files.
 */
public final class Suite implements AutoCloseable {

    /** How long a service found running may take to become ready: it may still be starting, or reconnecting. */
    private static final Duration ADOPTION_GRACE = Duration.ofSeconds(60);

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final SuiteSettings settings;
    private final Path state;
    private final boolean temporaryState;
    private final DevIdentityProvider identity;
    private final LocalPersonalDataKeys personalDataKeys;
    private final PostgresComponent postgres;
    private final KafkaComponent kafka;
    private final Map<String, ServiceComponent> services = new LinkedHashMap<>();
    private final List<ServiceComponent> replicas = new CopyOnWriteArrayList<>();
    private final AtomicInteger replicaNumbers = new AtomicInteger();
    private final Map<String, Duration> startTimes = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Thread stopWithJvm;

    private Suite(SuiteSettings requested) throws IOException {
        temporaryState = requested.stateDirectory() == null;
        state = (temporaryState ? Files.createTempDirectory("ruralwatch-suite-") : requested.stateDirectory())
                .toAbsolutePath()
                .normalize();
        SuiteSettings withState = new SuiteSettings(
                requested.root(),
                state,
                requested.logDirectory(),
                requested.postgresPort(),
                requested.kafkaPort(),
                requested.kafkaControllerPort(),
                requested.servicePorts(),
                requested.managementPorts(),
                requested.jvmOptions(),
                requested.environment(),
                requested.detached());
        withState.requireDistinctPorts();
        settings = withState.withConcretePorts();
        Path run = settings.runDirectory();
        Path logs = settings.logDirectory().toAbsolutePath();
        Files.createDirectories(run);
        Files.createDirectories(logs);
        Files.createDirectories(settings.dataDirectory());
        identity = DevIdentityProvider.inDirectory(settings.keyDirectory(), DevIdentityProvider.ISSUER);
        personalDataKeys = LocalPersonalDataKeys.inDirectory(settings.keyDirectory());
        postgres = new PostgresComponent(
                run,
                logs,
                settings.postgresPort(),
                settings.dataDirectory().resolve("postgres"),
                // throw-away data need not survive a machine crash; a crash of the server loses nothing either way
                !temporaryState,
                ServiceSpec.ALL.stream()
                        .filter(ServiceSpec::hasDatabase)
                        .map(ServiceSpec::database)
                        .toList());
        kafka = new KafkaComponent(
                state,
                run,
                logs,
                settings.kafkaPort(),
                settings.kafkaControllerPort(),
                settings.dataDirectory().resolve("kafka"),
                settings.detached());
        for (ServiceSpec spec : ServiceSpec.ALL) {
            services.put(
                    spec.name(),
                    service(
                            spec.name(),
                            spec,
                            settings.servicePorts().get(spec.name()),
                            settings.managementPorts().get(spec.name()),
                            spec.hasDatabase() ? backendEnvironment(spec) : gatewayEnvironment()));
        }
        // processes that belong to this JVM (tests) go with it, even when it exits without closing the suite
        stopWithJvm = settings.detached() ? null : new Thread(this::stopEverything, "ruralwatch-suite-stop");
        if (stopWithJvm != null) {
            Runtime.getRuntime().addShutdownHook(stopWithJvm);
        }
    }

    /** Starts everything (or adopts what of it runs already) and waits until every component is healthy. */
    public static Suite start(SuiteSettings settings) throws Exception {
        Suite suite = new Suite(settings);
        try {
            suite.up(progress -> {});
            return suite;
        } catch (Exception | Error failure) {
            suite.close();
            throw failure;
        }
    }

    /**
     * The suite kept in the settings' state directory, as it is now, starting nothing: {@code bin/suite}'s commands
     * act on it through this.
     */
    public static Suite attach(SuiteSettings settings) throws IOException {
        if (settings.stateDirectory() == null) {
            throw new IllegalArgumentException("Only a suite with a state directory can be found again");
        }
        return new Suite(settings);
    }

    /**
     * Brings every component up: what runs and answers is adopted; a process of this suite that does not (or that no
     * pid file names) is stopped; what is missing is started. Fails before starting anything when a port it needs is
     * taken by another program.
     */
    void up(Consumer<String> progress) {
        for (ProcessHandle stray : strays()) {
            String name = Processes.componentOf(stray, state).orElseThrow();
            Optional<Component> owner =
                    components().stream().filter(c -> c.name().equals(name)).findFirst();
            if (owner.isPresent() && !owner.get().running()) {
                // its pid file was lost: from now on it is judged like any component found running
                owner.get().writePid(stray.pid());
                progress.accept(line(name, "found running without its pid file (pid " + stray.pid() + ")"));
            } else {
                progress.accept(line(name, "stray process " + stray.pid() + " (no pid file names it): stopped"));
                Processes.terminate(stray, Duration.ofSeconds(20));
            }
        }
        requirePortsFree();
        bringUp(postgres, progress);
        bringUp(kafka, progress);
        List<ServiceComponent> backends =
                services.values().stream().filter(s -> s.spec().hasDatabase()).toList();
        bringUp(backends, progress);
        bringUp(List.of(services.get(ServiceSpec.GATEWAY.name())), progress);
    }

    private void bringUp(Component component, Consumer<String> progress) {
        if (component.process().map(component::runsAsConfigured).orElse(false)) {
            try {
                component.start();
                progress.accept(line(component.name(), "adopted: it was running (pid " + pidOf(component) + ")"));
                return;
            } catch (IllegalStateException notAnswering) {
                progress.accept(line(component.name(), "was running but does not answer: restarting"));
                component.stop();
            }
        }
        Duration took = component.start();
        startTimes.put(component.name(), took);
        progress.accept(line(component.name(), "started in " + seconds(took) + " (pid " + pidOf(component) + ")"));
    }

    /** Services side by side: the missing ones launched together, then each awaited. */
    private void bringUp(List<ServiceComponent> group, Consumer<String> progress) {
        List<ServiceComponent> adopted = new ArrayList<>();
        for (ServiceComponent service : group) {
            Optional<ProcessHandle> process = service.process();
            if (process.isPresent() && service.runsAsConfigured(process.get())) {
                adopted.add(service);
            } else {
                // (one that runs on a port it should no longer have is stopped first)
                service.launch();
            }
        }
        for (ServiceComponent service : group) {
            if (adopted.contains(service)) {
                try {
                    service.awaitReady(ADOPTION_GRACE);
                    progress.accept(line(service.name(), "adopted: it was running (pid " + pidOf(service) + ")"));
                    continue;
                } catch (IllegalStateException notReady) {
                    progress.accept(line(
                            service.name(),
                            "was running but not ready within " + ADOPTION_GRACE.toSeconds() + " s: restarting"));
                    service.stop();
                    service.launch();
                }
            }
            Duration took = service.awaitReady(READY_TIMEOUT);
            startTimes.put(service.name(), took);
            progress.accept(line(service.name(), "started in " + seconds(took) + " (pid " + pidOf(service) + ")"));
        }
    }

    /** Every port a component that does not run will need, checked at once: one message names them all. */
    private void requirePortsFree() {
        List<String> taken = new ArrayList<>();
        requireFree(taken, postgres, settings.postgresPort(), "PostgreSQL (RURALWATCH_POSTGRES_PORT)");
        requireFree(taken, kafka, settings.kafkaPort(), "Kafka (RURALWATCH_KAFKA_PORT)");
        requireFree(
                taken, kafka, settings.kafkaControllerPort(), "Kafka's controller (RURALWATCH_KAFKA_CONTROLLER_PORT)");
        for (ServiceComponent service : services.values()) {
            requireFree(
                    taken, service, service.port(), service.name() + " (" + SuiteSettings.SERVICE_PORTS_VARIABLE + ")");
        }
        for (ServiceComponent service : services.values()) {
            requireFree(
                    taken,
                    service,
                    service.managementPort(),
                    service.name() + "'s management interface (" + SuiteSettings.MANAGEMENT_PORTS_VARIABLE + ")");
        }
        if (!taken.isEmpty()) {
            throw new IllegalStateException("Ports in use by another program (stop it, or move the suite with the"
                    + " variable named):\n" + String.join("\n", taken));
        }
    }

    private static void requireFree(List<String> taken, Component user, int port, String use) {
        if (!user.running() && !FreePorts.isFree(port)) {
            taken.add("  port " + port + " for " + use);
        }
    }

    /**
     * Processes of this suite (by their command line) that no component's pid file names: left by a run that crashed
     * before writing a pid file, or replicas started by another JVM.
     */
    public List<ProcessHandle> strays() {
        List<Long> known = components().stream()
                .map(Component::pid)
                .filter(pid -> pid.isPresent())
                .map(pid -> pid.getAsLong())
                .toList();
        return Processes.ofSuite(state).stream()
                .filter(p -> !known.contains(p.pid()))
                .toList();
    }

    /**
     * Stops everything: replicas and services (side by side, the gateway with them), then Kafka, then PostgreSQL,
     * then any stray process of this suite.
     */
    void down() {
        List<ServiceComponent> serving = new ArrayList<>(replicas);
        List<ServiceComponent> reversed = new ArrayList<>(services.values());
        Collections.reverse(reversed);
        serving.addAll(reversed);
        inParallel(serving, service -> {
            service.stop();
            return null;
        });
        replicas.clear();
        kafka.stop();
        postgres.stop();
        strays().forEach(stray -> Processes.terminate(stray, Duration.ofSeconds(20)));
    }

    /** Each component's state now, probed side by side: PostgreSQL, Kafka, the services, then any replicas. */
    public List<ComponentStatus> status() {
        return inParallel(components(), Component::status);
    }

    private static <T, R> List<R> inParallel(List<T> items, Function<T, R> action) {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<R>> futures = items.stream()
                    .map(item -> CompletableFuture.supplyAsync(() -> action.apply(item), executor))
                    .toList();
            return futures.stream().map(CompletableFuture::join).toList();
        }
    }

    /** PostgreSQL, Kafka, the five services in start order, then the replicas. */
    public List<Component> components() {
        List<Component> all = new ArrayList<>(List.of(postgres, kafka));
        all.addAll(services.values());
        all.addAll(replicas);
        return all;
    }

    /**
     * A component by name: {@code postgres}, {@code kafka}, a service ({@code household-service} …, {@code gateway}) or
     * a replica.
     */
    public Component component(String name) {
        return components().stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No component " + name + "; one of: "
                        + String.join(
                                ", ", components().stream().map(Component::name).toList())));
    }

    /** Starts the component unless it runs, and waits until it is healthy. */
    public Duration start(String name) {
        Duration took = component(name).start();
        if (!took.isZero()) {
            startTimes.put(name, took);
        }
        return took;
    }

    /** Stops the component cleanly and waits until its process has gone. */
    public void stop(String name) {
        component(name).stop();
    }

    /** Kills the component's process with SIGKILL (as {@code kill -9}) and waits until it has gone. */
    public void kill(String name) {
        component(name).kill();
    }

    /** Stops the component and starts it again, waiting until it is healthy. */
    public Duration restart(String name) {
        Component component = component(name);
        component.stop();
        return start(name);
    }

    /**
     * Starts another instance of a service on a free port, against the same database and Kafka (and in the same
     * consumer groups), and waits until it is ready. It is stopped with the suite.
     */
    public ServiceComponent startReplica(String service) {
        return startReplica(service, Map.of());
    }

    /** {@link #startReplica(String)} with more environment for the replica only. */
    public ServiceComponent startReplica(String service, Map<String, String> environment) {
        ServiceSpec spec = service(service).spec();
        Map<String, String> env = new HashMap<>(spec.hasDatabase() ? backendEnvironment(spec) : gatewayEnvironment());
        env.putAll(environment);
        int port = FreePorts.stable();
        int managementPort;
        do {
            managementPort = FreePorts.stable();
        } while (managementPort == port);
        ServiceComponent replica =
                service(service + "-replica-" + replicaNumbers.incrementAndGet(), spec, port, managementPort, env);
        replicas.add(replica);
        replica.start();
        return replica;
    }

    private ServiceComponent service(
            String name, ServiceSpec spec, int port, int managementPort, Map<String, String> environment) {
        return new ServiceComponent(
                name,
                spec,
                state,
                settings.runDirectory(),
                settings.logDirectory().toAbsolutePath(),
                settings.root(),
                port,
                managementPort,
                settings.jvmOptions(),
                environment,
                settings.detached(),
                "set RURALWATCH_GATEWAY_PORT so that it and the next four ports are free, and the five 1000 above them");
    }

    /**
     * What every service gets: the local profile (whose only difference is that the development issuer may be
     * trusted) and the development issuer's key.
     */
    private Map<String, String> commonEnvironment() {
        Map<String, String> env = new HashMap<>(settings.environment());
        env.put("QUARKUS_PROFILE", "local");
        env.put("MP_JWT_VERIFY_ISSUER", identity.issuer());
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "file:" + identity.publicKeyFile());
        return env;
    }

    private Map<String, String> backendEnvironment(ServiceSpec spec) {
        Map<String, String> env = commonEnvironment();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", PostgresServer.jdbcUrl(settings.postgresPort(), spec.database()));
        env.put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER);
        env.put("KAFKA_BOOTSTRAP_SERVERS", "localhost:" + settings.kafkaPort());
        // report-service reconciles its counts with household-service's and indicator-service's own, and reads a
        // household's records from household-service and project-fund-service for its dossier
        env.put("QUARKUS_REST_CLIENT_HOUSEHOLD_SERVICE_URL", serviceUrl(ServiceSpec.HOUSEHOLD));
        env.put("QUARKUS_REST_CLIENT_INDICATOR_SERVICE_URL", serviceUrl(ServiceSpec.INDICATOR));
        env.put("QUARKUS_REST_CLIENT_PROJECT_FUND_SERVICE_URL", serviceUrl(ServiceSpec.PROJECT_FUND));
        // RURALWATCH_PERSONAL_DATA_MODE=sm (in the settings or the launcher's environment) selects SM4/SM3
        String mode = env.getOrDefault("RURALWATCH_PERSONAL_DATA_MODE", System.getenv("RURALWATCH_PERSONAL_DATA_MODE"));
        personalDataKeys.environment(mode).forEach(env::putIfAbsent);
        return env;
    }

    private Map<String, String> gatewayEnvironment() {
        Map<String, String> env = commonEnvironment();
        for (ServiceSpec spec : ServiceSpec.ALL) {
            if (spec.hasDatabase()) {
                String key = "RURALWATCH_GATEWAY_SERVICES_" + spec.gatewayKey().toUpperCase();
                env.put(key + "_URL", serviceUrl(spec));
                // the gateway's services health group asks each service's readiness there
                env.put(
                        key + "_MANAGEMENT_URL",
                        "http://localhost:" + settings.managementPorts().get(spec.name()));
            }
        }
        return env;
    }

    private String serviceUrl(ServiceSpec spec) {
        return "http://localhost:" + settings.servicePorts().get(spec.name());
    }

    public SuiteSettings settings() {
        return settings;
    }

    /** The folder of data, keys and pid files. */
    public Path stateDirectory() {
        return state;
    }

    public String gatewayUrl() {
        return services.get(ServiceSpec.GATEWAY.name()).url();
    }

    public ServiceComponent service(String name) {
        ServiceComponent service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException("No service " + name + "; one of: " + services.keySet());
        }
        return service;
    }

    /** The five services, the gateway last. */
    public List<ServiceComponent> services() {
        return new ArrayList<>(services.values());
    }

    public List<ServiceComponent> replicas() {
        return List.copyOf(replicas);
    }

    /** How long each component took from process start to healthy, for those this object started. */
    public Map<String, Duration> startTimes() {
        synchronized (startTimes) {
            return new LinkedHashMap<>(startTimes);
        }
    }

    public KafkaComponent kafka() {
        return kafka;
    }

    public PostgresComponent postgres() {
        return postgres;
    }

    /** Mints tokens the running services accept. */
    public DevIdentityProvider identity() {
        return identity;
    }

    /** Stops everything; a temporary state directory (data, keys, pid files) is deleted too. */
    @Override
    public void close() {
        if (stopWithJvm != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(stopWithJvm);
            } catch (IllegalStateException exiting) {
                // the hook runs now, or has run
            }
        }
        stopEverything();
    }

    private synchronized void stopEverything() {
        try {
            down();
        } finally {
            if (temporaryState) {
                deleteRecursively(state);
            }
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("The suite's temporary state was not deleted: " + directory, e);
        }
    }

    private static String pidOf(Component component) {
        return component.pid().isPresent() ? String.valueOf(component.pid().getAsLong()) : "-";
    }

    static String line(String component, String text) {
        return String.format("  %-22s %s", component, text);
    }

    static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }
}
