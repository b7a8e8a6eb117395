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
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop load at a constant rate: one GET due every 1/RATE s for SECONDS s, whether or not earlier answers have come
 * back, and each latency counted from when the request was due (so a stall shows in the figures instead of slowing
 * the load down). At most IN_FLIGHT requests (default 64) are open at once, on as many kept-alive connections; a
 * request due while all are open waits for one, and that wait counts in its latency. WARMUP seconds (default 0) of the
 * same load run first in the same process and are not counted, so the figures are of a warm client too. Prints the
 * percentiles, the rate achieved and the answers other than 200.
 *
 *   java bench/ConstantRateLoad.java URL TOKEN RATE SECONDS [IN_FLIGHT] [WARMUP]
 */
public class ConstantRateLoad {

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        String token = "Bearer " + args[1];
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int inFlight = args.length > 4 ? Integer.parseInt(args[4]) : 64;
        int warmup = args.length > 5 ? Integer.parseInt(args[5]) : 0;
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Authorization", token)
                .timeout(Duration.ofSeconds(30))
                .build();
        if (warmup > 0) {
            new Load(http, request, rate, warmup, inFlight).run();
        }
        Load load = new Load(http, request, rate, seconds, inFlight);
        double elapsed = load.run();
        List<Long> sorted = new ArrayList<>(load.latencies);
        Collections.sort(sorted);
        System.out.printf(
                "%d requests at %d/s for %d s (%.1f requests/s achieved), not 200: %d; latency p50 %.1f ms, p95 %.1f ms,"
                        + " p99 %.1f ms, max %.1f ms%n",
                sorted.size(),
                rate,
                seconds,
                sorted.size() / elapsed,
                load.failed.get(),
                percentile(sorted, 50) / 1000.0,
                percentile(sorted, 95) / 1000.0,
                percentile(sorted, 99) / 1000.0,
                sorted.getLast() / 1000.0);
        if (load.firstFailure.get() != null) {
            System.out.println("first answer other than 200: " + load.firstFailure.get());
        }
    }

    /** One run: the latencies (microseconds) and failures it saw. */
    private static final class Load {
        final HttpClient http;
        final HttpRequest request;
        final int rate;
        final int seconds;
        final Semaphore inFlight;
        final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicReference<String> firstFailure = new AtomicReference<>();

        Load(HttpClient http, HttpRequest request, int rate, int seconds, int inFlight) {
            this.http = http;
            this.request = request;
            this.rate = rate;
            this.seconds = seconds;
            this.inFlight = new Semaphore(inFlight);
        }

        /** Sends the load and waits for every answer; returns the seconds it took. */
        double run() {
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
                inFlight.acquireUninterruptibly();
                pending.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                        .whenComplete((response, error) -> {
                            inFlight.release();
                            latencies.add((System.nanoTime() - due) / 1_000);
                            if (error != null || response.statusCode() != 200) {
                                failed.incrementAndGet();
                                firstFailure.compareAndSet(
                                        null, error != null ? error.toString() : "HTTP " + response.statusCode());
                            }
                        }));
            }
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                    .exceptionally(e -> null)
                    .join();
            return (System.nanoTime() - start) / 1e9;
        }
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
