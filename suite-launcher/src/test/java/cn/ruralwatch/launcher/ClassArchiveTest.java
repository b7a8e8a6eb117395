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

        List<String> strict = new ArrayList<>(List.of("-Xshare:on", "-XX:SharedArchiveFile=" + archive));
        Run second = java(strict, "second");

        assertEquals(0, second.exit(), second.output());
        assertEquals("second", second.output().strip());
    }

    /**
     * A JVM that exits during its start has loaded a part of the classes a service uses, and would write only those:
     * its archive is deleted, so that the next start writes a whole one.
     */
    @Test
    void aServiceThatExitsDuringItsStartLeavesNoArchive() throws Exception {
        Path root = state.resolve("build");
        Path runner = Files.createDirectories(root.resolve("gateway/target/quarkus-app"))
                .resolve("quarkus-run.jar");
        jar(runner, Fails.class);
        Files.createDirectories(state.resolve("logs"));
        ServiceComponent service = new ServiceComponent(
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

        IllegalStateException failed = assertThrows(IllegalStateException.class, service::start);

        assertTrue(failed.getMessage().contains("exited during start"), failed.getMessage());
        assertTrue(Files.isDirectory(state.resolve("class-archives")));
        assertFalse(Files.exists(state.resolve("class-archives/gateway.jsa")));
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
        List<String> command = new ArrayList<>(Processes.java(false));
        command.addAll(options);
        command.addAll(List.of("-cp", jar.toString(), Echo.class.getName(), word));
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
