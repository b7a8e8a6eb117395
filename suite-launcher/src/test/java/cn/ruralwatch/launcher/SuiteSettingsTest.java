package cn.ruralwatch.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ruralwatch.embedded.FreePorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteSettingsTest {

    private static final Path ROOT = Path.of("/repo");

    @TempDir
    Path state;

    @Test
    void defaultPortsLieBelowTheDynamicRangeAndAreDistinct() {
        SuiteSettings settings = SuiteSettings.fromEnvironment(ROOT, state, Map.of());

        assertEquals(15432, settings.postgresPort());
        assertEquals(19092, settings.kafkaPort());
        assertEquals(19093, settings.kafkaControllerPort());
        assertEquals(
                Map.of(
                        "gateway", 8080,
                        "household-service", 8081,
                        "indicator-service", 8082,
                        "project-fund-service", 8083,
                        "report-service", 8084),
                settings.servicePorts());
        assertEquals(
                Map.of(
                        "gateway", 9080,
                        "household-service", 9081,
                        "indicator-service", 9082,
                        "project-fund-service", 9083,
                        "report-service", 9084),
                settings.managementPorts());
        List<Integer> ports = new ArrayList<>(settings.servicePorts().values());
        ports.addAll(settings.managementPorts().values());
        ports.addAll(List.of(settings.postgresPort(), settings.kafkaPort(), settings.kafkaControllerPort()));
        // Linux's range starts at 32768 unless configured lower; IANA's (elsewhere) at 49152
        ports.forEach(port -> assertTrue(port < 32768 && !FreePorts.inDynamicRange(port), port + " is dynamic"));
        settings.requireDistinctPorts();
    }

    @Test
    void environmentMovesThePortsAndKeepsOnlyTheServicesVariables() {
        SuiteSettings settings = SuiteSettings.fromEnvironment(
                ROOT,
                state,
                Map.of(
                        "RURALWATCH_GATEWAY_PORT", "18180",
                        "RURALWATCH_POSTGRES_PORT", "25432",
                        "RURALWATCH_KAFKA_PORT", "29092",
                        "RURALWATCH_KAFKA_CONTROLLER_PORT", "29093",
                        "RURALWATCH_SERVICE_JVM_OPTIONS", "-Xmx512m  -XX:+UseSerialGC",
                        "RURALWATCH_JSON_LOGS", "true",
                        "RURALWATCH_GATEWAY_RATE_LIMIT_BURST", "1000",
                        "MP_JWT_VERIFY_ISSUER", "urn:other",
                        "PATH", "/usr/bin"));

        assertEquals(25432, settings.postgresPort());
        assertEquals(29092, settings.kafkaPort());
        assertEquals(29093, settings.kafkaControllerPort());
        assertEquals(18180, settings.servicePorts().get("gateway"));
        assertEquals(18184, settings.servicePorts().get("report-service"));
        assertEquals(19180, settings.managementPorts().get("gateway"));
        assertEquals(19184, settings.managementPorts().get("report-service"));
        assertEquals(
                List.of(
                        "-Xmx512m",
                        "-XX:+UseSerialGC",
                        "--add-opens=java.base/java.lang=ALL-UNNAMED",
                        "-Djava.util.logging.manager=org.jboss.logmanager.LogManager"),
                settings.jvmOptions());
        assertEquals(
                Map.of(
                        "RURALWATCH_GATEWAY_RATE_LIMIT_BURST", "1000",
                        "MP_JWT_VERIFY_ISSUER", "urn:other",
                        "QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true"),
                settings.environment());
        assertEquals(state.resolve("logs"), settings.logDirectory());
        assertTrue(settings.detached());
    }

    @Test
    void storedSettingsAreReadBackAsTheyWere() {
        SuiteSettings settings = SuiteSettings.fromEnvironment(
                ROOT,
                state,
                Map.of(
                        "RURALWATCH_GATEWAY_PORT", "18180",
                        "RURALWATCH_SERVICE_JVM_OPTIONS", "-Xmx512m -Dname=a=b",
                        "RURALWATCH_PERSONAL_DATA_MODE", "sm"));
        Path file = state.resolve("run/settings.properties");

        settings.store(file);

        SuiteSettings loaded = SuiteSettings.load(file, ROOT, state);
        assertEquals(settings, loaded);
        assertEquals(List.of(), loaded.differencesFrom(settings));
        assertEquals(
                List.of("ports", "the services' JVM options", "the services' environment"),
                loaded.differencesFrom(SuiteSettings.fromEnvironment(ROOT, state, Map.of())));
    }

    @Test
    void portsThatTwoComponentsWouldShareAreRefusedNamingBoth() {
        SuiteSettings settings = SuiteSettings.fromEnvironment(ROOT, state, Map.of("RURALWATCH_GATEWAY_PORT", "15430"));

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, settings::requireDistinctPorts);

        assertTrue(refused.getMessage().contains("15432"), refused.getMessage());
        assertTrue(refused.getMessage().contains("RURALWATCH_POSTGRES_PORT"), refused.getMessage());
        assertTrue(refused.getMessage().contains("indicator-service"), refused.getMessage());
    }

    @Test
    void aManagementPortThatAnotherComponentWouldUseIsRefusedNamingBoth() {
        // the gateway's management port (its port + 1000) would be Kafka's controller's
        SuiteSettings settings = SuiteSettings.fromEnvironment(ROOT, state, Map.of("RURALWATCH_GATEWAY_PORT", "18093"));

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, settings::requireDistinctPorts);

        assertTrue(refused.getMessage().contains("19093"), refused.getMessage());
        assertTrue(refused.getMessage().contains("RURALWATCH_KAFKA_CONTROLLER_PORT"), refused.getMessage());
        assertTrue(refused.getMessage().contains("gateway's management"), refused.getMessage());
    }

    @Test
    void settingsRecordedBeforeManagementPortsGetThemByTheScheme() throws Exception {
        SuiteSettings settings = SuiteSettings.fromEnvironment(ROOT, state, Map.of("RURALWATCH_GATEWAY_PORT", "18180"));
        Path file = state.resolve("run/settings.properties");
        settings.store(file);
        List<String> lines = Files.readAllLines(file);
        Files.write(
                file,
                lines.stream()
                        .filter(line -> !line.startsWith("management.port."))
                        .toList());

        SuiteSettings loaded = SuiteSettings.load(file, ROOT, state);

        assertEquals(settings.managementPorts(), loaded.managementPorts());
        assertEquals(19181, loaded.managementPorts().get("household-service"));
    }

    @Test
    void aVariableThatIsNoPortIsRefusedByName() {
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class,
                () -> SuiteSettings.fromEnvironment(ROOT, state, Map.of("RURALWATCH_KAFKA_PORT", "70000")));

        assertEquals("RURALWATCH_KAFKA_PORT=70000 is not a port", refused.getMessage());
    }

    @Test
    void ephemeralSettingsGetDistinctFreePortsBelowTheDynamicRange() {
        SuiteSettings settings = SuiteSettings.ephemeral(ROOT, state).withConcretePorts();

        List<Integer> ports = new ArrayList<>(settings.servicePorts().values());
        ports.addAll(settings.managementPorts().values());
        ports.addAll(List.of(settings.postgresPort(), settings.kafkaPort(), settings.kafkaControllerPort()));
        assertEquals(13, ports.stream().distinct().count(), ports.toString());
        ports.forEach(port -> assertTrue(port >= 20000 && port < 32768, String.valueOf(port)));
        assertFalse(settings.detached());
    }
}
