package cn.ruralwatch.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class data archive each service JVM of {@code bin/suite} starts from: written by the first JVM that stops, used
 * by the next, and never asked of a suite that tests start (which would write it and never use it).
 */
class ClassArchiveTest {

    @TempDir
    Path state;

    @Test
    void aDetachedServiceHasAnArchiveOfItsOwnInTheStateDirectory() {
        List<String> options = service("report-service", state, true).classArchive();

        assertEquals(
                List.of(
                        "-XX:+AutoCreateSharedArchive",
                        "-XX:SharedArchiveFile=" + state.resolve("class-archives/report-service.jsa"),
                        "-Xlog:cds=off",
                        "-Xlog:cds+dynamic=off"),
                options);
        assertTrue(Files.isDirectory(state.resolve("class-archives")));
    }

    @Test
    void aSuiteOfTestsAndAStatePathThatReadsAsTwoArchivesGetNone() throws IOException {
        assertEquals(List.of(), service("report-service", state, false).classArchive());
        assertFalse(Files.exists(state.resolve("class-archives")));
        Path twoPaths = Files.createDirectories(state.resolve("a:b"));
        assertEquals(List.of(), service("report-service", twoPaths, true).classArchive());
    }

    /**
     * The options as the launcher gives them, on this JDK: the first JVM writes the archive at its exit and says
     * nothing about it; the next one maps it — with {@code -Xshare:on} a JVM that cannot map the archive does not
     * start at all.
     */
    @Test
    void theFirstJvmWritesTheArchiveAndTheNextStartsFromIt() throws Exception {
        List<String> options = service("gateway", state, true).classArchive();
        Path archive = state.resolve("class-archives/gateway.jsa");

        Run first = java(options, "first");

        assertEquals(0, first.exit(), first.output());
        assertEquals("first", first.output().strip());
        assertTrue(Files.size(archive) > 0);

        Run second = java(strict(archive), "second");

        assertEquals(0, second.exit(), second.output());
        assertEquals("second", second.output().strip());
    }

    /**
     * The JDK takes an archive whose jars changed since it was written as stale and runs without it, but writes no new
     * one: the launcher deletes it before the next start when the runner or a jar of {@code lib/boot} is newer, so that
     * the next JVM writes one for the new build, and keeps it otherwise.
     */
    @Test
    void anArchiveOlderThanTheBuildIsDeletedAndTheNextJvmWritesOneForTheNewBuild() throws Exception {
        Path runner = runner(Echo.class);
        Path bootJar = Files.createDirectories(runner.resolveSibling("lib").resolve("boot"))
                .resolve("boot.jar");
        jar(bootJar, Fails.class);
        ServiceComponent service = built();
        Path archive = state.resolve("class-archives/gateway.jsa");
        FileTime past = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
        Files.setLastModifiedTime(runner, past);
        Files.setLastModifiedTime(bootJar, past);

        Run first = java(service.classArchive(), runner, "first");
        assertEquals(0, first.exit(), first.output());
        assertTrue(Files.size(archive) > 0);
        FileTime written = Files.getLastModifiedTime(archive);

        service.classArchive();
        assertEquals(written, Files.getLastModifiedTime(archive), "an archive newer than the build is kept");
        assertEquals(0, java(strict(archive), runner, "mapped").exit());

        jar(runner, Echo.class);
        Files.setLastModifiedTime(runner, FileTime.from(written.toInstant().plusSeconds(60)));
        Run stale = java(strict(archive), runner, "stale");
        assertTrue(stale.exit() != 0, "the JDK refuses an archive of another build: " + stale.output());

        List<String> options = service.classArchive();
        assertFalse(Files.exists(archive));
        Run rebuilt = java(options, runner, "rebuilt");
        assertEquals(0, rebuilt.exit(), rebuilt.output());
        Run next = java(strict(archive), runner, "next");
        assertEquals(0, next.exit(), next.output());
        assertEquals("next", next.output().strip());

        Files.setLastModifiedTime(
                bootJar,
                FileTime.from(Files.getLastModifiedTime(archive).toInstant().plusSeconds(60)));
        service.classArchive();
        assertFalse(Files.exists(archive), "a newer jar of lib/boot makes it stale too");
    }

    /**
     * The service is built again while its JVM runs; the JVM writes its archive as it stops, newer than the new jars but
     * of the classes it had loaded (the JDK would refuse it for the new build, see above, and write no other): the
     * launcher deletes it once the JVM has gone. An archive written by a JVM that started after the build is kept, and
     * one the stopped JVM did not write (it started from it) is left to the check before the next start.
     */
    @Test
    void theArchiveAJvmWroteAfterARebuildDuringItsRunIsDeletedAsItStops() throws Exception {
        Path runner = runner(Echo.class);
        ServiceComponent service = built();
        Path archive = state.resolve("class-archives/gateway.jsa");
        Run stopped = java(service.classArchive(), runner, "stopped");
        assertEquals(0, stopped.exit(), stopped.output());
        Instant written = Files.getLastModifiedTime(archive).toInstant();
        Instant built = written.minus(Duration.ofMinutes(5));
        Files.setLastModifiedTime(runner, FileTime.from(built));

        service.forgetArchiveOfAnEarlierBuild(built.plus(Duration.ofMinutes(1)));
        assertTrue(Files.exists(archive), "written by a JVM that started after the build");

        Files.setLastModifiedTime(archive, FileTime.from(built.minus(Duration.ofMinutes(2))));
        service.forgetArchiveOfAnEarlierBuild(built.minus(Duration.ofMinutes(1)));
        assertTrue(Files.exists(archive), "written before the JVM started, which started from it");

        Files.setLastModifiedTime(archive, FileTime.from(written));
        service.forgetArchiveOfAnEarlierBuild(built.minus(Duration.ofMinutes(1)));
        assertFalse(Files.exists(archive), "written by a JVM that had started before the build");
    }

    /**
     * A JVM that exits during its start has loaded a part of the classes a service uses, and would write only those:
     * its archive is deleted, so that the next start writes a whole one.
     */
    @Test
    void aServiceThatExitsDuringItsStartLeavesNoArchive() throws Exception {
        Path runner = runner(Fails.class);
        ServiceComponent service = built();

        IllegalStateException failed = assertThrows(IllegalStateException.class, service::start);

        assertTrue(failed.getMessage().contains("exited during start"), failed.getMessage());
        assertTrue(Files.isDirectory(state.resolve("class-archives")));
        assertFalse(Files.exists(state.resolve("class-archives/gateway.jsa")));
    }

    /** The gateway's runner jar of a build under {@code STATE/build}, holding the class given. */
    private Path runner(Class<?> main) throws IOException {
        Path runner = Files.createDirectories(state.resolve("build/gateway/target/quarkus-app"))
                .resolve("quarkus-run.jar");
        jar(runner, main);
        return runner;
    }

    /** The gateway of the build under {@code STATE/build}, as {@code bin/suite} starts it. */
    private ServiceComponent built() throws IOException {
        Path root = state.resolve("build");
        Files.createDirectories(state.resolve("logs"));
        return new ServiceComponent(
                "gateway",
                ServiceSpec.GATEWAY,
                state,
                state.resolve("run"),
                state.resolve("logs"),
                root,
                freePort(),
                freePort(),
                List.of(),
                Map.of(),
                true,
                "");
    }

    /** A JVM given these options does not start unless it maps the archive. */
    private static List<String> strict(Path archive) {
        return List.of("-Xshare:on", "-XX:SharedArchiveFile=" + archive);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static ServiceComponent service(String name, Path state, boolean detached) {
        return new ServiceComponent(
                name,
                ServiceSpec.GATEWAY,
                state,
                state.resolve("run"),
                state.resolve("logs"),
                Path.of("no-services-built-here"),
                0,
                0,
                SuiteSettings.DEFAULT_JVM_OPTIONS,
                Map.of(),
                detached,
                "");
    }

    private record Run(int exit, String output) {}

    /**
     * Runs {@link Echo} in a JVM of this JDK with the options, from a jar as a service's classes come (an archive
     * cannot be written for classes from a directory).
     */
    private Run java(List<String> options, String word) throws Exception {
        Path jar = state.resolve("echo.jar");
        if (!Files.exists(jar)) {
            jar(jar, Echo.class);
        }
        return java(options, jar, word);
    }

    /** Runs the jar's main class ({@link Echo}) in a JVM of this JDK with the options, as a service is run. */
    private static Run java(List<String> options, Path jar, String word) throws Exception {
        List<String> command = new ArrayList<>(Processes.java(false));
        command.addAll(options);
        command.addAll(List.of("-jar", jar.toString(), word));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the JVM did not exit");
        return new Run(
                process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** A jar of one class, which its manifest names as the one to run. */
    private static void jar(Path jar, Class<?> main) throws IOException {
        String entry = main.getName().replace('.', '/') + ".class";
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, main.getName());
        try (InputStream compiled = main.getClassLoader().getResourceAsStream(entry);
                JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new JarEntry(entry));
            compiled.transferTo(out);
            out.closeEntry();
        }
    }

    /** A program that loads a few classes and fails, as a service whose start fails. */
    public static final class Fails {
        public static void main(String[] args) {
            System.err.println(String.join(" ", List.of("the", "start", "failed")));
            System.exit(1);
        }
    }

    /** A program that loads a few classes and prints its argument. */
    public static final class Echo {
        public static void main(String[] args) {
            System.out.println(String.join(" ", List.of(args)));
        }
    }
}
