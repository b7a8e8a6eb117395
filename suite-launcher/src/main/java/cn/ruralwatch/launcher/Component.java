package cn.ruralwatch.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One process of the suite — PostgreSQL, Kafka or a service — with its pid file ({@code run/NAME.pid}) and its log
 * ({@code logs/NAME.log}). Whatever started it (this JVM, an earlier {@code bin/suite} command, a run that crashed),
 * it is found through its pid file and recognised by its command line.
 */
public abstract sealed class Component permits PostgresComponent, KafkaComponent, ServiceComponent {

    private final String name;
    private final Path pidFile;
    private final Path log;

    Component(String name, Path runDirectory, Path logDirectory) {
        this.name = name;
        this.pidFile = runDirectory.resolve(name + ".pid");
        this.log = logDirectory.resolve(name + ".log");
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    public Path pidFile() {
        return pidFile;
    }

    /** Where clients reach it: {@code localhost:PORT} or a URL. */
    public abstract String address();

    /** Whether the process is this component (and not, say, an unrelated process that got a recycled pid). */
    abstract boolean isOwn(ProcessHandle process);

    /**
     * Whether the process (this component's) runs as the settings say, on the same ports: one that does not is stopped
     * before the component is started again.
     */
    abstract boolean runsAsConfigured(ProcessHandle process);

    /** The component's process, when it runs. */
    public Optional<ProcessHandle> process() {
        OptionalLong pid = Processes.readPid(pidFile);
        if (pid.isEmpty()) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid.getAsLong()).filter(ProcessHandle::isAlive).filter(this::isOwn);
    }

    public OptionalLong pid() {
        return process().map(p -> OptionalLong.of(p.pid())).orElse(OptionalLong.empty());
    }

    public boolean running() {
        return process().isPresent();
    }

    /** Whether it runs and answers as it should, probed once now. */
    public boolean healthy() {
        return running() && problem().isEmpty();
    }

    /**
     * One probe of the component's own interface (a query, a broker request, the readiness check): what is wrong, or
     * nothing when it answers as it should.
     */
    abstract Optional<String> problem();

    public ComponentStatus status() {
        Optional<ProcessHandle> process = process();
        if (process.isEmpty()) {
            return new ComponentStatus(
                    name, ComponentStatus.State.DOWN, OptionalLong.empty(), address(), "not running");
        }
        Optional<String> problem = problem();
        return new ComponentStatus(
                name,
                problem.isEmpty() ? ComponentStatus.State.HEALTHY : ComponentStatus.State.UNHEALTHY,
                OptionalLong.of(process.get().pid()),
                address(),
                problem.orElse("healthy"));
    }

    /** Starts it unless it runs, and waits until it answers; returns how long the start took (zero if it ran). */
    public abstract Duration start();

    /** Stops it cleanly and waits until its process has gone; nothing happens when it does not run. */
    public abstract void stop();

    /** Kills it as a crash would (SIGKILL, no shutdown) and waits until its process has gone. */
    public abstract void kill();

    /** Stops it and starts it again; returns how long the start took. */
    public Duration restart() {
        stop();
        return start();
    }

    /** Stops the component if it runs otherwise than the settings say (started with other ports). */
    void stopIfConfiguredOtherwise() {
        if (process().map(p -> !runsAsConfigured(p)).orElse(false)) {
            stop();
        }
    }

    void writePid(long pid) {
        Processes.writePid(pidFile, pid);
    }

    /**
     * Removes the pid file unless the process it names still runs as this component: a file naming a dead process,
     * or one the system has given to another program since, tells nothing.
     */
    void forgetUnlessRunning() {
        if (running()) {
            return;
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove " + pidFile, e);
        }
    }

    /** Why a start failed: the end of the log. */
    IllegalStateException failure(String what) {
        String tail = Processes.tail(log, 30);
        return new IllegalStateException(name + " " + what + "; see " + log
                + (tail.isEmpty() ? "" : "\n--- last lines of the log ---\n" + tail));
    }

    @Override
    public String toString() {
        return name;
    }
}
