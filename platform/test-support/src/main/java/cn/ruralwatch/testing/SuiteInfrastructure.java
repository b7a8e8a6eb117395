package cn.ruralwatch.testing;

import cn.ruralwatch.embedded.DevIdentityProvider;
import cn.ruralwatch.embedded.KafkaBroker;
import cn.ruralwatch.embedded.PostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts, once per test JVM, a real PostgreSQL server and a real KRaft Kafka broker on free ports, creates the
 * service's database and points the application at both. The service's own Flyway migrations then run against it.
 *
 * <p>Init arg {@code database}: the database of the service under test.
 */
public class SuiteInfrastructure implements QuarkusTestResourceLifecycleManager {

    /** Issuer of the tokens tests mint; services under test trust only it. */
    public static final String TEST_ISSUER = "urn:ruralwatch:test-issuer";

    private static PostgresServer postgres;
    private static KafkaBroker kafka;
    private static DevIdentityProvider identity;
    private String database = "app";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        startOnce();
        postgres.ensureDatabase(database);
        return Map.of(
                "quarkus.datasource.jdbc.url",
                postgres.jdbcUrl(database),
                "quarkus.datasource.username",
                PostgresServer.USER,
                "quarkus.datasource.password",
                "",
                "kafka.bootstrap.servers",
                kafka.bootstrapServers());
    }

    @Override
    public void stop() {
        // shared by every test class of the JVM; stopped by the shutdown hook
    }

    private static synchronized void startOnce() {
        if (postgres == null) {
            // the key pair the services' test profile trusts (access-control: %test.mp.jwt.verify.*)
            identity = DevIdentityProvider.fromClasspath("test-tokens/private.pem", TEST_ISSUER);
            postgres = PostgresServer.start(0, null);
            kafka = KafkaBroker.start(0, null);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                kafka.close();
                postgres.close();
            }));
        }
    }

    /** The broker, for tests that take Kafka away and bring it back. */
    public static KafkaBroker kafka() {
        return kafka;
    }

    public static PostgresServer postgres() {
        return postgres;
    }

    /** Signs tokens the service under test accepts. */
    public static DevIdentityProvider identity() {
        return identity;
    }
}
