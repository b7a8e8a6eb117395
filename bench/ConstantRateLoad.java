import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop load at a constant rate: one GET every 1/RATE s for SECONDS s, whether or not earlier answers have come
 * back, and each latency counted from when the request was due (so a stall shows in the figures instead of slowing
 * the load down). Prints the percentiles, the rate achieved and the answers other than 200.
 *
 *   java bench/ConstantRateLoad.java URL TOKEN RATE SECONDS
 */
public class ConstantRateLoad {

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        String token = "Bearer " + args[1];
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Authorization", token)
                .timeout(Duration.ofSeconds(30))
                .build();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger failed = new AtomicInteger();
        List<CompletableFuture<?>> pending = new ArrayList<>();
        long period = 1_000_000_000L / rate;
        long start = System.nanoTime();
        int total = rate * seconds;
        for (int i = 0; i < total; i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            pending.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> {
                        latencies.add((System.nanoTime() - due) / 1_000);
                        if (error != null || response.statusCode() != 200) {
                            failed.incrementAndGet();
                        }
                    }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        double elapsed = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf(
                "%d requests at %d/s for %d s (%.1f requests/s achieved), not 200: %d; latency p50 %.1f ms, p95 %.1f ms,"
                        + " p99 %.1f ms, max %.1f ms%n",
                sorted.size(),
                rate,
                seconds,
                sorted.size() / elapsed,
                failed.get(),
                percentile(sorted, 50) / 1000.0,
                percentile(sorted, 95) / 1000.0,
                percentile(sorted, 99) / 1000.0,
                sorted.getLast() / 1000.0);
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
