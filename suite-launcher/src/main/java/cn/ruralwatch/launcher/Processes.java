package cn.ruralwatch.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * The processes of a suite: each carries its suite's state directory and its component's name on its command line
 * ({@code -Druralwatch.suite=…}, {@code -Druralwatch.component=…}), so that a pid file is believed only when the
 * process it names is really that component, and orphans of a crashed run are found without touching anything else.
 */
final class Processes {

    static final String SUITE_PROPERTY = "-Druralwatch.suite=";
    static final String COMPONENT_PROPERTY = "-Druralwatch.component=";

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private Processes() {}

    /** The two markers of a component of the suite whose state lives in {@code state}. */
    static List<String> markers(Path state, String component) {
        return List.of(SUITE_PROPERTY + state, COMPONENT_PROPERTY + component);
    }

    /**
     * The command that starts a JVM. Detached (for {@code bin/suite}), it runs in a session of its own, so that a
     * Ctrl-C in the terminal that started it, or the end of that terminal, does not reach it.
     */
    static List<String> java(boolean detached) {
        List<String> command = new ArrayList<>();
        if (detached && Files.isExecutable(SETSID)) {
            // the child of a JVM is no process group leader, so setsid execs in place: the pid stays the JVM's
            command.add(SETSID.toString());
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return command;
    }

    /**
     * The process's arguments (without the program). Read from {@code /proc} where there is one: the JDK gives none for
     * a command line longer than 4096 bytes (a JVM with a long class path).
     */
    static List<String> arguments(ProcessHandle process) {
        Path cmdline = Path.of("/proc", String.valueOf(process.pid()), "cmdline");
        if (Files.isDirectory(cmdline.getParent())) {
            try {
                String[] all = new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).split("\0");
                return all.length < 2 ? List.of() : List.of(all).subList(1, all.length);
            } catch (IOException gone) {
                return List.of();
            }
        }
        return List.of(process.info().arguments().orElse(new String[0]));
    }

    /** Whether the process is the named component of this suite. */
    static boolean isComponent(ProcessHandle process, Path state, String component) {
        return arguments(process).containsAll(markers(state, component));
    }

    /** The component a process of this suite runs, if it is one. */
    static Optional<String> componentOf(ProcessHandle process, Path state) {
        List<String> arguments = arguments(process);
        if (!arguments.contains(SUITE_PROPERTY + state)) {
            return Optional.empty();
        }
        return arguments.stream()
                .filter(a -> a.startsWith(COMPONENT_PROPERTY))
                .map(a -> a.substring(COMPONENT_PROPERTY.length()))
                .findFirst();
    }

    /** Every process of this suite that runs now (a component, a replica or an orphan), whatever the pid files say. */
    static List<ProcessHandle> ofSuite(Path state) {
        return ProcessHandle.allProcesses()
                .filter(p -> componentOf(p, state).isPresent())
                .toList();
    }

    /** The pid in a pid file, if the file holds one. */
    static OptionalLong readPid(Path pidFile) {
        try {
            String text = Files.readString(pidFile, StandardCharsets.US_ASCII).trim();
            return text.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(text));
        } catch (IOException | NumberFormatException none) {
            return OptionalLong.empty();
        }
    }

    static void writePid(Path pidFile, long pid) {
        try {
            Files.createDirectories(pidFile.getParent());
            Path temporary = pidFile.resolveSibling(pidFile.getFileName() + ".tmp");
            Files.writeString(temporary, pid + "\n", StandardCharsets.US_ASCII);
            Files.move(temporary, pidFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + pidFile, e);
        }
    }

    /** Waits until the process has exited; a zombie counts as exited. */
    static boolean awaitExit(ProcessHandle process, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (process.isAlive()) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            sleep(Duration.ofMillis(50));
        }
        return true;
    }

    /** SIGTERM, then SIGKILL if the process has not exited within the grace period. */
    static void terminate(ProcessHandle process, Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!awaitExit(process, grace)) {
            kill(process);
        }
    }

    /** SIGKILL, as a crash: waits until the process has gone. */
    static void kill(ProcessHandle process) {
        process.destroyForcibly();
        if (!awaitExit(process, Duration.ofSeconds(10))) {
            throw new IllegalStateException("Process " + process.pid() + " did not exit after SIGKILL");
        }
    }

    static void sleep(Duration duration) {
        try {
            TimeUnit.MILLISECONDS.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** The last lines of a log, to say why something did not start. */
    static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException unreadable) {
            return "";
        }
    }

    /** A line in the component's log before each start, so that one start's output is told from the next one's. */
    static void markStart(Path log, String component) {
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(
                    log,
                    "---- " + Instant.now() + " starting " + component + " ----\n",
                    StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + log, e);
        }
    }
}
