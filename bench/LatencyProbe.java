import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Event-to-result latency of one household: registers a household of one member in household-service, then asks the
 * consuming service every 5 ms until the household shows there. Repeats COUNT times, one every INTERVAL ms, and prints
 * the percentiles. The time counted starts when household-service has answered 201 (the registration is committed) and
 * ends when the consumer's API shows it:
 *   evaluation  indicator-service answers 200 for the household's evaluations;
 *   report      report-service's overview of VILLAGE counts one household more (VILLAGE must be the probe's alone).
 *
 * With TIMELINE, one line per probe is written to that file: the household's id, when the registration was answered
 * and when the result showed, in microseconds since the epoch (the benchmark scripts join it with the services' outbox
 * and inbox rows to say where the time went).
 *
 *   java bench/LatencyProbe.java evaluation|report HOUSEHOLD_URL TARGET_URL TOKEN VILLAGE COUNT INTERVAL_MS [TIMELINE]
 */
public class LatencyProbe {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECKS = "10X98765432";

    public static void main(String[] args) throws Exception {
        boolean report = args[0].equals("report");
        String household = args[1];
        String target = args[2];
        String token = "Bearer " + args[3];
        String village = args[4];
        int count = Integer.parseInt(args[5]);
        long interval = Long.parseLong(args[6]);
        PrintWriter timeline = args.length > 7 ? new PrintWriter(Files.newBufferedWriter(Path.of(args[7]))) : null;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest overview = HttpRequest.newBuilder(
                        URI.create(target + "/api/v1/reports/overview?division=" + village))
                .header("Authorization", token)
                .build();
        long counted = report ? households(http, overview) : 0;
        List<Long> latencies = new ArrayList<>();
        int failures = 0;
        for (int i = 0; i < count; i++) {
            long started = System.nanoTime();
            String body = """
                    {"villageCode":"%s","members":[{"name":"探针%d","idNumber":"%s","relation":"HEAD",
                     "attributes":{"medicalInsurance":"ENROLLED"}}]}""".formatted(village, i, idNumber(village));
            HttpResponse<String> created = http.send(
                    HttpRequest.newBuilder(URI.create(household + "/api/v1/households"))
                            .header("Authorization", token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201) {
                // counted as refused, and said why (a generated ID number may belong to someone registered already)
                System.err.printf("probe %d refused: %d %s%n", i, created.statusCode(), created.body());
                failures++;
                continue;
            }
            String location = created.headers().firstValue("Location").orElseThrow();
            String id = location.substring(location.lastIndexOf('/') + 1);
            long committed = System.nanoTime();
            long committedAt = epochMicros();
            HttpRequest evaluation = HttpRequest.newBuilder(
                            URI.create(target + "/api/v1/households/" + id + "/evaluations"))
                    .header("Authorization", token)
                    .build();
            long expected = ++counted;
            // the probe stands where a caller stands: it sees the result when the API answers it, so it asks every 5 ms
            // (the figures are exact to those 5 ms) rather than listening to a topic a caller cannot reach
            while (report
                    ? households(http, overview) < expected
                    : http.send(evaluation, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                if (System.nanoTime() - committed > Duration.ofMinutes(10).toNanos()) {
                    throw new IllegalStateException("household " + id + " was not evaluated within 10 minutes");
                }
                Thread.sleep(5);
            }
            latencies.add((System.nanoTime() - committed) / 1_000_000);
            if (timeline != null) {
                timeline.printf("%s %d %d%n", id, committedAt, epochMicros());
            }
            long rest = interval - (System.nanoTime() - started) / 1_000_000;
            if (rest > 0) {
                Thread.sleep(rest);
            }
        }
        if (timeline != null) {
            timeline.close();
        }
        Collections.sort(latencies);
        System.out.printf(
                "event to result, one household at a time: %d probes (%d refused), p50 %d ms, p95 %d ms, p99 %d ms, max %d ms%n",
                latencies.size(),
                failures,
                percentile(latencies, 50),
                percentile(latencies, 95),
                percentile(latencies, 99),
                latencies.isEmpty() ? 0 : latencies.getLast());
    }

    private static long epochMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }

    /** The households report-service counts in the probe's village (-1 while it does not know the village yet). */
    private static long households(HttpClient http, HttpRequest overview) throws Exception {
        HttpResponse<String> answer = http.send(overview, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            return -1;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"households\":([0-9]+)").matcher(answer.body());
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /** A valid, most likely unused ID number: a random birth date in 1950–1989 and a random sequence number. */
    private static String idNumber(String village) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        LocalDate born = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(40 * 365));
        String body = village.substring(0, 6) + born.toString().replace("-", "") + "%03d".formatted(random.nextInt(1000));
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return body + CHECKS.charAt(sum % 11);
    }
}
