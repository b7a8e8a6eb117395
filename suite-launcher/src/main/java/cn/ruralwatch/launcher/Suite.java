package cn.ruralwatch.launcher;

import cn.ruralwatch.embedded.DevIdentityProvider;
import cn.ruralwatch.embedded.FreePorts;
import cn.ruralwatch.embedded.KafkaBroker;
import cn.ruralwatch.embedded.LocalPersonalDataKeys;
import cn.ruralwatch.embedded.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole suite on one machine: a real PostgreSQL (one database per service), a KRaft Kafka broker, and the five
 * services as separate processes, configured exactly as in containers (environment variables only).
 */
public final class Suite implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final SuiteSettings settings;
    private PostgresServer postgres;
    private KafkaBroker kafka;
    private DevIdentityProvider identity;
    private LocalPersonalDataKeys personalDataKeys;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Map<String, Duration> startTimes = new LinkedHashMap<>();

    private Suite(SuiteSettings settings) {
        this.settings = settings;
    }

    /** Starts everything and waits until every service is ready. */
    public static Suite start(SuiteSettings settings) throws Exception {
        Suite suite = new Suite(settings);
        try {
            suite.startInfrastructure();
            suite.startServices();
            return suite;
        } catch (Exception | Error failure) {
            suite.close();
            throw failure;
        }
    }

    private void startInfrastructure() throws IOException {
        Path data = settings.dataDirectory();
        if (data != null) {
            Files.createDirectories(data);
        }
        postgres = PostgresServer.start(settings.postgresPort(), data == null ? null : data.resolve("postgres"));
        for (ServiceSpec spec : ServiceSpec.ALL) {
            if (spec.hasDatabase()) {
                postgres.ensureDatabase(spec.database());
            }
        }
        kafka = KafkaBroker.start(settings.kafkaPort(), data == null ? null : data.resolve("kafka"));
    }

    private void startServices() throws Exception {
        Files.createDirectories(settings.logDirectory());
        Path keys = settings.keyDirectory() == null
                ? Files.createTempDirectory("ruralwatch-dev-keys")
                : settings.keyDirectory();
        identity = DevIdentityProvider.inDirectory(keys, DevIdentityProvider.ISSUER);
        personalDataKeys = LocalPersonalDataKeys.inDirectory(keys);
        Map<String, Integer> ports = new HashMap<>();
        for (ServiceSpec spec : ServiceSpec.ALL) {
            int port = settings.servicePorts().getOrDefault(spec.name(), 0);
            ports.put(spec.name(), port == 0 ? FreePorts.any() : port);
        }
        List<ServiceSpec> backends =
                ServiceSpec.ALL.stream().filter(ServiceSpec::hasDatabase).toList();
        for (ServiceSpec spec : backends) {
            Map<String, String> env = backendEnvironment(spec);
            // report-service reconciles its counts with household-service's and indicator-service's own
            env.put("QUARKUS_REST_CLIENT_HOUSEHOLD_SERVICE_URL", "http://localhost:" + ports.get("household-service"));
            env.put("QUARKUS_REST_CLIENT_INDICATOR_SERVICE_URL", "http://localhost:" + ports.get("indicator-service"));
            launch(spec, ports.get(spec.name()), env);
        }
        for (ServiceSpec spec : backends) {
            startTimes.put(spec.name(), services.get(spec.name()).awaitReady(READY_TIMEOUT));
        }
        Map<String, String> gatewayEnv = commonEnvironment();
        for (ServiceSpec spec : backends) {
            gatewayEnv.put(
                    "RURALWATCH_GATEWAY_SERVICES_" + spec.gatewayKey().toUpperCase() + "_URL",
                    "http://localhost:" + ports.get(spec.name()));
        }
        launch(ServiceSpec.GATEWAY, ports.get(ServiceSpec.GATEWAY.name()), gatewayEnv);
        startTimes.put(
                ServiceSpec.GATEWAY.name(),
                services.get(ServiceSpec.GATEWAY.name()).awaitReady(READY_TIMEOUT));
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
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(spec.database()));
        env.put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        // RURALWATCH_PERSONAL_DATA_MODE=sm (in the settings or the launcher's environment) selects SM4/SM3
        String mode = env.getOrDefault("RURALWATCH_PERSONAL_DATA_MODE", System.getenv("RURALWATCH_PERSONAL_DATA_MODE"));
        personalDataKeys.environment(mode).forEach(env::putIfAbsent);
        return env;
    }

    private void launch(ServiceSpec spec, int port, Map<String, String> environment) throws IOException {
        Path runner = settings.root().resolve(spec.name()).resolve("target/quarkus-app/quarkus-run.jar");
        Path log = settings.logDirectory().resolve(spec.name() + ".log");
        services.put(spec.name(), ServiceProcess.start(spec, runner, port, log, settings.jvmOptions(), environment));
    }

    public String gatewayUrl() {
        return services.get(ServiceSpec.GATEWAY.name()).url();
    }

    public ServiceProcess service(String name) {
        return services.get(name);
    }

    public List<ServiceProcess> services() {
        return new ArrayList<>(services.values());
    }

    /** How long each service took from process start to ready. */
    public Map<String, Duration> startTimes() {
        return startTimes;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    /** Mints tokens the running services accept. */
    public DevIdentityProvider identity() {
        return identity;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    /** Stops the services (gateway first), then Kafka, then PostgreSQL. */
    @Override
    public void close() {
        List<ServiceProcess> reversed = new ArrayList<>(services.values());
        java.util.Collections.reverse(reversed);
        reversed.forEach(s -> s.stop(Duration.ofSeconds(20)));
        services.clear();
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }
}
