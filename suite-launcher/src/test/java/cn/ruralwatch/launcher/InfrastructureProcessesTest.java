package cn.ruralwatch.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ruralwatch.embedded.FreePorts;
import cn.ruralwatch.embedded.PostgresServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL and Kafka as processes of their own, stopped, killed and started again through the suite, found again by a
 * second {@link Suite} object as a later {@code bin/suite} command finds them; and nothing else ever taken for them.
 * (The services need their packaged applications: the system tests cover them.)
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class InfrastructureProcessesTest {

    @TempDir
    Path state;

    private SuiteSettings settings;
    private Suite suite;

    @BeforeEach
    void settings() throws Exception {
        Map<String, Integer> ports = new HashMap<>();
        SuiteSettings.DEFAULT_PORTS.keySet().forEach(name -> ports.put(name, 0));
        settings = new SuiteSettings(
                        Path.of("no-services-built-here"),
                        state,
                        state.resolve("logs"),
                        0,
                        0,
                        0,
                        ports,
                        ports,
                        SuiteSettings.DEFAULT_JVM_OPTIONS,
                        Map.of(),
                        false)
                .withConcretePorts();
        suite = Suite.attach(settings);
    }

    @AfterEach
    void stopEverything() throws Exception {
        Suite.attach(settings).down();
    }

    @Test
    void kafkaIsAProcessOfItsOwnThatKeepsItsMessagesThroughAKill() throws Exception {
        suite.start("kafka");
        ComponentStatus running = status("kafka");
        assertEquals(ComponentStatus.State.HEALTHY, running.state(), running.toString());
        long pid = running.pid().getAsLong();
        assertNotEquals(ProcessHandle.current().pid(), pid);
        assertEquals(
                String.valueOf(pid),
                Files.readString(state.resolve("run/kafka.pid")).trim());
        String topic = "launcher-test-" + UUID.randomUUID();
        produce(topic, "before the crash");

        suite.kill("kafka");

        assertEquals(ComponentStatus.State.DOWN, status("kafka").state());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertFalse(Files.exists(state.resolve("run/kafka.pid")));

        suite.start("kafka");

        assertEquals(settings.kafkaPort(), suite.kafka().port());
        assertEquals(List.of("before the crash"), consume(topic, 1));
        // a later command, in another JVM, finds the broker through its pid file and stops it
        Suite later = Suite.attach(settings);
        assertEquals(suite.kafka().pid(), later.kafka().pid());
        later.stop("kafka");
        assertFalse(suite.kafka().running());
        assertEquals(ComponentStatus.State.DOWN, status("kafka").state());
    }

    @Test
    void postgresStopsAndStartsOnItsOwnPortKeepingWhatWasCommittedEvenThroughAKill() throws Exception {
        suite.start("postgres");
        assertEquals(ComponentStatus.State.HEALTHY, status("postgres").state());
        execute("household", "create table marker (note text)");
        execute("household", "insert into marker values ('kept')");

        suite.stop("postgres");

        assertEquals(ComponentStatus.State.DOWN, status("postgres").state());
        assertFalse(PostgresServer.acceptsConnections(settings.postgresPort()));

        suite.start("postgres");
        assertEquals(List.of("kept"), notes());
        execute("household", "insert into marker values ('committed before the kill')");

        suite.kill("postgres");

        assertEquals(ComponentStatus.State.DOWN, status("postgres").state());
        // its postmaster.pid names a dead process now: the next start must not be refused for it
        suite.start("postgres");
        assertEquals(List.of("kept", "committed before the kill"), notes());
        for (String database : List.of("household", "indicator", "project_fund", "report")) {
            assertEquals(
                    List.of("1"), query("postgres", "select 1 from pg_database where datname = '" + database + "'"));
        }
    }

    @Test
    void aPortHeldByAnotherProgramStopsTheStartAtOnceNamingThePortAndItsVariable() throws Exception {
        try (ServerSocket other = new ServerSocket()) {
            other.bind(new InetSocketAddress(FreePorts.stable()));
            SuiteSettings clashing = new SuiteSettings(
                    settings.root(),
                    state,
                    settings.logDirectory(),
                    other.getLocalPort(),
                    settings.kafkaPort(),
                    settings.kafkaControllerPort(),
                    settings.servicePorts(),
                    settings.managementPorts(),
                    settings.jvmOptions(),
                    settings.environment(),
                    false);
            Instant started = Instant.now();

            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> Suite.start(clashing));

            assertTrue(
                    refused.getMessage()
                            .contains("port " + other.getLocalPort() + " for PostgreSQL (RURALWATCH_POSTGRES_PORT)"),
                    refused.getMessage());
            assertTrue(Duration.between(started, Instant.now()).toSeconds() < 10, "it does not wait for the port");
            assertTrue(Suite.attach(settings).components().stream().noneMatch(Component::running), "nothing started");
        }
    }

    @Test
    void aPidFileNamingAnotherProgramIsNeitherBelievedNorActedOn() throws Exception {
        Process unrelated = new ProcessBuilder("sleep", "120").start();
        try {
            Files.createDirectories(state.resolve("run"));
            Files.writeString(state.resolve("run/kafka.pid"), unrelated.pid() + "\n");

            assertFalse(suite.kafka().running());
            assertEquals(ComponentStatus.State.DOWN, status("kafka").state());
            suite.kill("kafka");
            suite.down();

            assertTrue(unrelated.isAlive());
            assertFalse(Files.exists(state.resolve("run/kafka.pid")), "a pid file that tells nothing is removed");
        } finally {
            unrelated.destroyForcibly();
        }
    }

    @Test
    void aProcessOfThisSuiteThatNoPidFileNamesIsFoundByItsCommandLineAndStopped() throws Exception {
        // as a crashed run leaves one behind: started, but its pid file never written (the shell waits on its input,
        // which stays open as long as this JVM, with no child of its own to leave behind)
        Process orphan = new ProcessBuilder(List.of(
                        "sh",
                        "-c",
                        "read line",
                        Processes.SUITE_PROPERTY + state.toAbsolutePath().normalize(),
                        Processes.COMPONENT_PROPERTY + "household-service-replica-7"))
                .start();
        Process otherSuites = new ProcessBuilder(List.of(
                        "sh",
                        "-c",
                        "read line",
                        Processes.SUITE_PROPERTY + state.resolve("elsewhere"),
                        Processes.COMPONENT_PROPERTY + "household-service"))
                .start();
        try {
            assertEquals(
                    List.of(orphan.pid()),
                    suite.strays().stream().map(ProcessHandle::pid).toList());

            suite.down();

            assertTrue(orphan.waitFor(10, TimeUnit.SECONDS), "the orphan is stopped");
            assertTrue(otherSuites.isAlive(), "another suite's process is left alone");
        } finally {
            orphan.destroyForcibly();
            otherSuites.destroyForcibly();
        }
    }

    private ComponentStatus status(String name) {
        return suite.status().stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private void produce(String topic, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            producer.send(new ProducerRecord<>(topic, "key", value)).get(30, TimeUnit.SECONDS);
        }
    }

    private List<String> consume(String topic, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "launcher-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plusSeconds(60);
            while (values.size() < expected && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }

    private void execute(String database, String sql) throws SQLException {
        try (Connection c = connect(database);
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private List<String> notes() throws SQLException {
        return query("household", "select note from marker order by ctid");
    }

    private List<String> query(String database, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = connect(database);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(suite.postgres().jdbcUrl(database), PostgresServer.USER, "");
    }
}
