import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Disbursement load: in a county whose village {@code COUNTY101201} project-fund-service knows (the script registers
 * it), sets up one fund batch and PROJECTS projects walked to implementation, each with a budget of BUDGET yuan; then CLIENTS clients send REQUESTS
 * disbursements in all, each to a random project for a random 100–5,000 yuan, so that together they ask for more than
 * the budgets hold and the last requests for each project are refused. Prints the outcome counts, the throughput, the
 * latency percentiles and, per line, what the clients were told was paid, for the script to compare with the database.
 *
 *   java bench/DisbursementLoad.java FUND_URL TOKEN COUNTY REQUESTS CLIENTS PROJECTS BUDGET
 */
public class DisbursementLoad {

    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    private static HttpClient http;
    private static String token;

    public static void main(String[] args) throws Exception {
        String fund = args[0];
        token = "Bearer " + args[1];
        String county = args[2];
        int requests = Integer.parseInt(args[3]);
        int clients = Integer.parseInt(args[4]);
        int projectCount = Integer.parseInt(args[5]);
        long budget = Long.parseLong(args[6]);
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String township = county + "101";
        String village = township + "201";
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

        HttpResponse<String> registered = post(fund + "/api/v1/fund-batches", "{\"countyCode\":\"" + county
                + "\",\"sourceLevel\":\"CENTRAL\",\"year\":" + today.substring(0, 4) + ",\"batchNumber\":1,"
                + "\"amount\":" + budget * projectCount + "}");
        if (registered.statusCode() != 201) {
            throw new IllegalStateException("the fund batch was refused: " + registered.body());
        }
        String batch = id(registered.body());
        List<String> projects = new ArrayList<>();
        for (int p = 0; p < projectCount; p++) {
            HttpResponse<String> created = post(fund + "/api/v1/projects", "{\"divisionCode\":\"" + village
                    + "\",\"name\":\"压测项目 " + p + "\",\"projectType\":\"INDUSTRY\",\"year\":" + today.substring(0, 4)
                    + ",\"plannedInvestment\":" + budget + "}");
            String id = id(created.body());
            String etag = created.headers().firstValue("ETag").orElseThrow();
            for (String step : List.of(
                    "\"action\":\"APPLY\"",
                    "\"action\":\"REVIEW\"",
                    "\"action\":\"APPROVE\",\"documentNumber\":\"压测\",\"budget\":[{\"batchId\":\"" + batch
                            + "\",\"amount\":" + budget + "}]",
                    "\"action\":\"START\"")) {
                HttpResponse<String> taken = send(HttpRequest.newBuilder(URI.create(fund + "/api/v1/projects/" + id + "/steps"))
                        .header("If-Match", etag)
                        .POST(HttpRequest.BodyPublishers.ofString("{" + step + ",\"performedOn\":\"" + today + "\"}")));
                if (taken.statusCode() != 200) {
                    throw new IllegalStateException(step + ": " + taken.statusCode() + " " + taken.body());
                }
                etag = taken.headers().firstValue("ETag").orElseThrow();
            }
            projects.add(id);
        }

        String paidBatch = batch;
        AtomicInteger next = new AtomicInteger();
        AtomicInteger paid = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        long[] paidCents = new long[projectCount];
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>(requests));
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            running.add(pool.submit(() -> {
                while (next.getAndIncrement() < requests) {
                    int p = ThreadLocalRandom.current().nextInt(projectCount);
                    long cents = ThreadLocalRandom.current().nextLong(100, 5001) * 100;
                    long sent = System.nanoTime();
                    HttpResponse<String> response = send(HttpRequest.newBuilder(
                                    URI.create(fund + "/api/v1/projects/" + projects.get(p) + "/disbursements"))
                            .POST(HttpRequest.BodyPublishers.ofString("{\"batchId\":\"" + paidBatch + "\",\"amount\":"
                                    + cents / 100 + ",\"paidOn\":\"" + today + "\",\"payee\":\"压测收款人\"}")));
                    latencies.add((System.nanoTime() - sent) / 1_000);
                    switch (response.statusCode()) {
                        case 201 -> {
                            paid.incrementAndGet();
                            synchronized (paidCents) {
                                paidCents[p] += cents;
                            }
                        }
                        case 409 -> refused.incrementAndGet();
                        default -> other.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf(
                "%d requests from %d clients in %.1f s = %.0f requests/s: %d paid (201), %d refused over budget (409), %d other%n",
                requests, clients, seconds, requests / seconds, paid.get(), refused.get(), other.get());
        System.out.printf(
                "latency: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), sorted.getLast() / 1000.0);
        for (int p = 0; p < projectCount; p++) {
            System.out.printf("paid %s %d.%02d%n", projects.get(p), paidCents[p] / 100, paidCents[p] % 100);
        }
    }

    private static double percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1000.0;
    }

    private static String id(String body) {
        Matcher m = ID.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no id in " + body);
        }
        return m.group(1);
    }

    private static HttpResponse<String> post(String url, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(
                request.header("Authorization", token)
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
