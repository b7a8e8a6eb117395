package cn.ruralwatch.launcher;

import cn.ruralwatch.embedded.FreePorts;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A service (or a replica of one): its packaged Quarkus application in a JVM of its own, configured only through
 * environment variables as in containers, its API on one port and its health checks and metrics on another (the
 * management port), healthy when {@code /q/health/ready} answers 200 there.
 */
public final class ServiceComponent extends Component {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    /**
     * Quarkus stops in seconds; a JVM that writes its class archive as it exits ({@link #classArchive}) needs up to
     * about 20 s more when all services stop side by side on two cores.
     */
    private static final Duration STOP_GRACE = Duration.ofSeconds(45);

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

    private final ServiceSpec spec;
    private final Path state;
    private final Path runner;
    private final int port;
    private final int managementPort;
    private final List<String> jvmOptions;
    private final Map<String, String> environment;
    private final boolean detached;
    private final String portRemedy;
    private volatile Instant launchedAt;
    /**
     * The process this JVM launched, while it starts: until the JVM's spawn helper has exec'd the command, the
     * process does not yet show the suite's markers on its command line, so {@link #running()} would not know it.
     */
    private volatile ProcessHandle launched;
    /** When the class archive was last written before the launch (null: there was none). */
    private volatile FileTime archiveWrittenBefore;

    ServiceComponent(
            String name,
            ServiceSpec spec,
            Path state,
            Path runDirectory,
            Path logDirectory,
            Path root,
            int port,
            int managementPort,
            List<String> jvmOptions,
            Map<String, String> environment,
            boolean detached,
            String portRemedy) {
        super(name, runDirectory, logDirectory);
        this.spec = spec;
        this.state = state;
        this.runner = root.resolve(spec.name()).resolve("target/quarkus-app/quarkus-run.jar");
        this.port = port;
        this.managementPort = managementPort;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.environment = Map.copyOf(environment);
        this.detached = detached;
        this.portRemedy = portRemedy;
    }

    public ServiceSpec spec() {
        return spec;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    /** Where its health checks ({@code /q/health/*}) and metrics ({@code /q/metrics}) answer. */
    public String managementUrl() {
        return "http://localhost:" + managementPort;
    }

    public int managementPort() {
        return managementPort;
    }

    /** Its API's URL and its management port, e.g. {@code http://localhost:8081 (management :9081)}. */
    @Override
    public String address() {
        return url() + " (management :" + managementPort + ")";
    }

    @Override
    boolean isOwn(ProcessHandle process) {
        return Processes.isComponent(process, state, name());
    }

    /**
     * The ports the process was started on, from its command line: an adopted process must listen where we look.
     */
    @Override
    boolean runsAsConfigured(ProcessHandle process) {
        List<String> arguments = Processes.arguments(process);
        return arguments.contains("-Dquarkus.http.port=" + port)
                && arguments.contains("-Dquarkus.management.port=" + managementPort);
    }

    @Override
    Optional<String> problem() {
        HttpRequest ready = HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
                .timeout(PROBE_TIMEOUT)
                .build();
        try {
            int status =
                    HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status == 200 ? Optional.empty() : Optional.of("not ready (" + status + ")");
        } catch (HttpTimeoutException slow) {
            return Optional.of("no answer from /q/health/ready within " + PROBE_TIMEOUT.toSeconds() + " s");
        } catch (IOException notListening) {
            return Optional.of("refuses connections");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    /**
     * Starts it unless it runs, and waits until it is ready; returns how long the start took (zero for a process this
     * JVM did not launch).
     */
    @Override
    public Duration start() {
        launch();
        return awaitReady(READY_TIMEOUT);
    }

    /** Starts the process without waiting for it to be ready (several services start side by side). */
    synchronized void launch() {
        stopIfConfiguredOtherwise();
        if (running()) {
            return;
        }
        if (!Files.isRegularFile(runner)) {
            throw new IllegalStateException(
                    "No build of " + spec.name() + " at " + runner + ": build it first (./mvnw package -DskipTests)");
        }
        forgetUnlessRunning();
        FreePorts.requireFree(port, name(), portRemedy);
        FreePorts.requireFree(managementPort, name() + "'s management interface", portRemedy);
        List<String> command = new ArrayList<>(Processes.java(detached));
        command.addAll(jvmOptions);
        command.addAll(classArchive());
        archiveWrittenBefore = lastWritten(archiveFile());
        command.addAll(Processes.markers(state, name()));
        // on the command line rather than in the environment, so that an adopted process shows which port it has
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.management.port=" + managementPort);
        command.add("-jar");
        command.add(runner.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(runner.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(environment);
        Processes.markStart(log(), name());
        try {
            launchedAt = Instant.now();
            launched = builder.start().toHandle();
            writePid(launched.pid());
        } catch (IOException e) {
            throw new UncheckedIOException(name() + " could not be started", e);
        }
    }

    /**
     * The options that make the JVM start from a class data archive of its own in {@code STATE/class-archives}, for
     * {@code bin/suite} (detached) only: a JVM that finds no archive for its JDK and class path, or a stale one, runs
     * as usual and writes one when it stops (a stop after a new build or JDK takes some seconds longer); the next
     * starts map the classes it had loaded instead of loading, verifying and linking them again (about a quarter less
     * CPU to start). Tests start each suite afresh and would pay the write without ever using it. The JVM's notes on
     * the archive (which classes it leaves out, options that differ from the JDK's base archive) stay out of the log.
     * An archive older than the build is deleted first ({@link #forgetStaleArchive}).
     */
    List<String> classArchive() {
        if (!detached || state.toString().contains(File.pathSeparator)) {
            // a path separator in the file name would read as two archives (the services run on this JVM's JDK, 21
            // or later, which creates archives itself)
            return List.of();
        }
        Path directory = archiveFile().getParent();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + directory, e);
        }
        forgetStaleArchive();
        return List.of(
                "-XX:+AutoCreateSharedArchive",
                "-XX:SharedArchiveFile=" + archiveFile(),
                "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off");
    }

    /**
     * Waits until {@code /q/health/ready} answers 200 on the management port; returns how long it took from launch (or zero for a process
     * this JVM did not launch).
     */
    Duration awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        ProcessHandle process = launched;
        while (problem().isPresent()) {
            if (process != null ? !process.isAlive() : !running()) {
                forgetPartialArchive();
                throw failure("exited during start");
            }
            if (Instant.now().isAfter(deadline)) {
                throw failure("is not ready after " + timeout.toSeconds() + " s");
            }
            Processes.sleep(Duration.ofMillis(200));
        }
        return launchedAt == null ? Duration.ZERO : Duration.between(launchedAt, Instant.now());
    }

    private Path archiveFile() {
        return state.resolve("class-archives").resolve(name() + ".jsa");
    }

    /**
     * Deletes the class archive if a jar of the class path it was written for ({@code quarkus-run.jar} and
     * {@code lib/boot}) changed after it: the JDK checks their times, finds the archive stale, and runs without it, but
     * does not write a new one (it does so only for an archive of another JDK), so that every start after a build would
     * load all classes again, and still map the stale archive (about 90 MiB of resident memory per service that serves
     * nothing). The next JVM that stops writes one for the new build.
     */
    void forgetStaleArchive() {
        FileTime written = lastWritten(archiveFile());
        FileTime built = classPathWritten();
        if (written != null && built != null && built.compareTo(written) > 0) {
            deleteArchive("stale");
        }
    }

    /**
     * Deletes the class archive a JVM wrote as it stopped when the service was built again while it ran: it holds the
     * classes of the build that JVM had loaded, yet it is newer than the jars, so that {@link #forgetStaleArchive}
     * would keep it; the JDK finds it stale for the new jars, maps it without using it and writes no other (about 90
     * MiB of resident memory for nothing, and every start loading all classes again until the next build). The next
     * JVM that stops writes one for the build it ran.
     *
     * @param jvmStarted when the stopped JVM started
     */
    void forgetArchiveOfAnEarlierBuild(Instant jvmStarted) {
        FileTime written = lastWritten(archiveFile());
        FileTime built = classPathWritten();
        if (written != null
                && built != null
                && written.toInstant().isAfter(jvmStarted)
                && built.toInstant().isAfter(jvmStarted)) {
            deleteArchive("earlier build's");
        }
    }

    /** When the class path an archive is written for ({@code quarkus-run.jar} and {@code lib/boot}) last changed. */
    private FileTime classPathWritten() {
        List<Path> classPath = new ArrayList<>(List.of(runner));
        try (Stream<Path> boot = Files.list(runner.resolveSibling("lib").resolve("boot"))) {
            boot.forEach(classPath::add);
        } catch (IOException noBootLibraries) {
            // a runner without lib/boot (as in tests): its own time decides
        }
        return classPath.stream()
                .map(ServiceComponent::lastWritten)
                .filter(Objects::nonNull)
                .max(FileTime::compareTo)
                .orElse(null);
    }

    /**
     * Deletes the class archive a JVM that exited during its start wrote as it exited: it holds only the classes
     * loaded until the start failed, and the JVM would take it as valid until the next build, so that every start
     * would load the rest again. The next JVM that stops writes a whole one.
     */
    private void forgetPartialArchive() {
        FileTime now = lastWritten(archiveFile());
        if (now != null && !now.equals(archiveWrittenBefore)) {
            deleteArchive("partial");
        }
    }

    private void deleteArchive(String which) {
        Path archive = archiveFile();
        try {
            Files.deleteIfExists(archive);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the " + which + " class archive " + archive, e);
        }
    }

    private static FileTime lastWritten(Path file) {
        try {
            return Files.exists(file) ? Files.getLastModifiedTime(file) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** SIGTERM (Quarkus shuts down gracefully), then SIGKILL after 45 seconds. */
    @Override
    public void stop() {
        stop(STOP_GRACE);
    }

    /** SIGTERM, then SIGKILL if it has not stopped within the grace period. */
    public synchronized void stop(Duration grace) {
        process().ifPresent(process -> {
            Optional<Instant> started = process.info().startInstant();
            Processes.terminate(process, grace);
            started.ifPresent(this::forgetArchiveOfAnEarlierBuild);
        });
        launchedAt = null;
        launched = null;
        forgetUnlessRunning();
    }

    /** SIGKILL, as {@code kill -9}: no shutdown, no flushing, connections dropped. */
    @Override
    public synchronized void kill() {
        process().ifPresent(Processes::kill);
        launchedAt = null;
        launched = null;
        forgetUnlessRunning();
    }
}
