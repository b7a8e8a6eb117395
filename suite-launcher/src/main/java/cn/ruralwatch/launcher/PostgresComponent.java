package cn.ruralwatch.launcher;

import cn.ruralwatch.embedded.FreePorts;
import cn.ruralwatch.embedded.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * PostgreSQL: its own server process (started through {@code pg_ctl}), one database per service, data in
 * {@code data/postgres} kept across stop and start. {@code run/postgres.pid} repeats the pid of the cluster's own
 * {@code postmaster.pid}, which is the one believed.
 */
public final class PostgresComponent extends Component {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final int port;
    private final Path dataDirectory;
    private final boolean fsync;
    private final List<String> databases;

    PostgresComponent(
            Path runDirectory, Path logDirectory, int port, Path dataDirectory, boolean fsync, List<String> databases) {
        super("postgres", runDirectory, logDirectory);
        this.port = port;
        this.dataDirectory = dataDirectory.toAbsolutePath().normalize();
        this.fsync = fsync;
        this.databases = List.copyOf(databases);
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return PostgresServer.jdbcUrl(port, database);
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public String address() {
        return "localhost:" + port;
    }

    @Override
    public Optional<ProcessHandle> process() {
        return PostgresServer.postmaster(dataDirectory);
    }

    @Override
    boolean isOwn(ProcessHandle process) {
        return process().map(postmaster -> postmaster.pid() == process.pid()).orElse(false);
    }

    /** The server's port, from the fourth line of its {@code postmaster.pid}. */
    @Override
    boolean runsAsConfigured(ProcessHandle process) {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
            return lines.size() > 3 && lines.get(3).trim().equals(String.valueOf(port));
        } catch (IOException unreadable) {
            return false;
        }
    }

    @Override
    Optional<String> problem() {
        return PostgresServer.acceptsConnections(port) ? Optional.empty() : Optional.of("accepts no connections");
    }

    @Override
    public synchronized Duration start() {
        Instant started = Instant.now();
        stopIfConfiguredOtherwise();
        if (running()) {
            awaitConnections();
            ensureDatabases();
            writePid(pid().orElseThrow());
            return Duration.ZERO;
        }
        forgetUnlessRunning();
        FreePorts.requireFree(port, "PostgreSQL", "set RURALWATCH_POSTGRES_PORT to a free port");
        Processes.markStart(log(), name());
        try {
            // never stopped with the JVM that starts it: stop() and kill() find it by its data directory, and the
            // suite stops it when it stops everything
            PostgresServer.start(new PostgresServer.Options(port, dataDirectory, fsync, log(), false));
        } catch (RuntimeException e) {
            throw failure("did not start (" + e.getMessage() + ")");
        }
        ensureDatabases();
        writePid(pid().orElseThrow(() -> failure("started, but no server runs on " + dataDirectory)));
        return Duration.between(started, Instant.now());
    }

    private void awaitConnections() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (problem().isPresent()) {
            if (!running()) {
                throw failure("exited");
            }
            if (Instant.now().isAfter(deadline)) {
                throw failure("runs but accepts no connections after " + START_TIMEOUT.toSeconds() + " s");
            }
            Processes.sleep(Duration.ofMillis(200));
        }
    }

    private void ensureDatabases() {
        databases.forEach(database -> PostgresServer.ensureDatabase(port, database));
    }

    /** A fast shutdown: clients are disconnected, everything committed stays. */
    @Override
    public synchronized void stop() {
        PostgresServer.stop(dataDirectory, STOP_TIMEOUT);
        forgetUnlessRunning();
    }

    @Override
    public synchronized void kill() {
        PostgresServer.kill(dataDirectory);
        forgetUnlessRunning();
    }
}
