package cn.ruralwatch.launcher;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * Earlier versions of {@code bin/suite} ran one launcher JVM that held Kafka and supervised the rest, recorded in
 * {@code run/launcher.pid}. A suite of that kind still running is stopped before this one takes the state directory
 * over: the launcher when it is alive (it stops what it started), else the services it left behind, recognised by
 * their command line.
 */
final class LegacyLauncher {

    private LegacyLauncher() {}

    static void retire(Path root, Path state) throws IOException {
        Path pidFile = state.resolve("run").resolve("launcher.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Processes.readPid(pidFile).stream()
                .mapToObj(ProcessHandle::of)
                .flatMap(java.util.Optional::stream)
                .filter(p -> Processes.arguments(p).contains(SuiteMain.class.getName())
                        && Processes.arguments(p).contains(state.toString()))
                .findFirst()
                .ifPresent(launcher -> {
                    System.out.println(
                            "Stopping the suite started by an earlier bin/suite (pid " + launcher.pid() + ")...");
                    Processes.terminate(launcher, Duration.ofSeconds(90));
                });
        Path oldState = state.resolve("run").resolve("suite.properties");
        if (Files.exists(oldState)) {
            Properties properties = new Properties();
            try (Reader in = Files.newBufferedReader(oldState)) {
                properties.load(in);
            }
            for (ServiceSpec spec : ServiceSpec.ALL) {
                String pid = properties.getProperty(spec.name() + ".pid");
                String runner = root.resolve(spec.name())
                        .resolve("target/quarkus-app/quarkus-run.jar")
                        .toString();
                if (pid != null) {
                    ProcessHandle.of(Long.parseLong(pid))
                            .filter(p -> List.of(p.info().arguments().orElse(new String[0]))
                                    .contains(runner))
                            .ifPresent(orphan -> Processes.terminate(orphan, Duration.ofSeconds(20)));
                }
            }
            Files.delete(oldState);
        }
        Files.delete(pidFile);
    }
}
