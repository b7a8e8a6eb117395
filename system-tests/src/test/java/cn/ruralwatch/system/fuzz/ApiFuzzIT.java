package cn.ruralwatch.system.fuzz;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ruralwatch.embedded.DevIdentityProvider;
import cn.ruralwatch.launcher.ServiceSpec;
import cn.ruralwatch.launcher.Suite;
import cn.ruralwatch.launcher.SuiteSettings;
import cn.ruralwatch.system.OpenApiConformance;
import cn.ruralwatch.system.SystemUnderTest;
import cn.ruralwatch.system.fuzz.ApiModel.Operation;
import cn.ruralwatch.system.fuzz.Variants.Variant;
import cn.ruralwatch.testing.TestIdNumbers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Fuzzes every operation of the merged OpenAPI document through the gateway, as a caller of the role each operation
 * allows: malformed variants of every parameter and body field, and of the body and the request as a whole (see
 * {@link Variants}). Nothing a caller can send may answer 5xx; every 4xx is an {@code application/problem+json} with
 * type, title and status and without a stack trace, class name or SQL; and a phase of requests that must all be refused
 * leaves every row of the four databases as it was.
 *
 * <p>The run is deterministic for a seed ({@code -Druralwatch.fuzz.seed=N}, printed with the summary), so a failure
 * reproduces. {@code -Druralwatch.fuzz.suite-state=.suite} runs it against a suite already started with {@code bin/suite
 * up} instead of starting one.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag(SystemUnderTest.LOCAL_SUITE)
class ApiFuzzIT {

    private static final long SEED = Long.getLong("ruralwatch.fuzz.seed", 20261203L);
    private static final int CONCURRENCY = Integer.getInteger("ruralwatch.fuzz.concurrency", 6);
    private static final String COUNTY = "450422";
    private static final String TOWNSHIP = "450422101";
    private static final String VILLAGE = "450422101201";

    /**
     * Operations the fuzzer leaves alone: the imports take CSV or xlsx files, not JSON (their robustness belongs to the
     * import work), and a rebuild replays every topic into the read models — one is enough, and the end-to-end tests
     * run it.
     */
    private static final Set<String> NOT_FUZZED = Set.of("importHouseholds", "importDivisions", "rebuildReadModels");

    /** Operations whose valid request changes or removes what others need: only variants that must be refused. */
    private static final Set<String> DESTRUCTIVE = Set.of("retireIndicatorStandard", "takeMonthlySnapshot");

    /** Text that must never reach a caller: stack frames, Java class names, SQL and database errors. */
    private static final Pattern LEAK =
            Pattern.compile("(?i)exception|stack ?trace|\\bat [\\w$.]+\\(\\w+\\.java:\\d+\\)"
                    + "|\\b(java|javax|jakarta|org|io|com|cn)\\.[a-z0-9_]+\\.[A-Za-z0-9_.$]+"
                    + "|sqlstate|postgres|hibernate|syntax error at or near|duplicate key value"
                    + "|violates (unique|foreign key|check|not-null) constraint|\\bselect\\b.+\\bfrom\\b"
                    + "|(?-i:\\bERROR: )");

    /**
     * Answers the suite cannot shape, all before any of its handlers runs: Vert.x refuses what its HTTP decoder cannot
     * parse (a control character in a header, a space in the request target) with an empty 400, and Quarkus a request
     * target that is not a URI (java.net.URI: a malformed percent escape). Such requests are still refused; only their
     * answers have no problem body.
     */
    private static final Set<String> BARE_400_ALLOWED =
            Set.of("bad-escape", "control-character-in-header", "space-in-target");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static Suite suite;
    private static String gateway;
    private static Map<String, String> serviceUrls;
    private static DevIdentityProvider identity;
    private static Function<String, Connection> databases;
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    private static ApiModel model;
    private static Variants variants;
    private static RawHttp http;
    private static OpenApiConformance conformance;

    @BeforeAll
    static void startSuite() throws Exception {
        String attached = System.getProperty("ruralwatch.fuzz.suite-state");
        if (attached != null && !attached.isBlank()) {
            attach(Path.of(attached));
        } else {
            Path root = Path.of(System.getProperty("ruralwatch.root", "..")).toAbsolutePath();
            Path logs = Path.of(System.getProperty("ruralwatch.logs", "target/suite-logs"));
            // far above what the run sends, so that no 429 hides an answer
            suite = Suite.start(SuiteSettings.ephemeral(root, logs.resolve("fuzz"))
                    .withEnvironment(Map.of(
                            "RURALWATCH_GATEWAY_RATE_LIMIT_REQUESTS_PER_SECOND", "100000",
                            "RURALWATCH_GATEWAY_RATE_LIMIT_BURST", "100000")));
            gateway = suite.gatewayUrl();
            identity = suite.identity();
            serviceUrls = new LinkedHashMap<>();
            suite.services().forEach(s -> serviceUrls.put(s.spec().name(), s.url()));
            databases = database -> connect(suite.postgres().jdbcUrl(database));
        }
        http = new RawHttp(gateway);
        model = new ApiModel(fetchOpenApi());
        conformance = OpenApiConformance.of(gateway);
        variants = new Variants(MAPPER, seed(), SEED, ApiFuzzIT::token);
    }

    /** A suite started by {@code bin/suite up}: its addresses and keys from the state folder. */
    private static void attach(Path state) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(state.resolve("run/suite.properties"))) {
            properties.load(in);
        }
        gateway = properties.getProperty("gateway.url");
        identity = DevIdentityProvider.inDirectory(state.resolve("keys"), DevIdentityProvider.ISSUER);
        serviceUrls = new LinkedHashMap<>();
        for (ServiceSpec spec : ServiceSpec.ALL) {
            serviceUrls.put(spec.name(), properties.getProperty(spec.name() + ".url"));
        }
        String port = properties.getProperty("postgres.port");
        databases = database -> connect("jdbc:postgresql://localhost:" + port + "/" + database);
    }

    /** Every answer to the fuzzed requests matched the merged OpenAPI document: its status declared, its body typed. */
    @AfterAll
    static void stopSuite() {
        try {
            if (conformance != null) {
                conformance.assertConformance();
            }
        } finally {
            if (suite != null) {
                suite.close();
            }
        }
    }

    @Test
    @Order(1)
    void malformedRequestsAreRefusedWithProblemsAndChangeNothing() throws Exception {
        List<Variant> refused = new ArrayList<>();
        for (Operation operation : fuzzed()) {
            variants.of(operation, DESTRUCTIVE.contains(operation.id())).stream()
                    .filter(Variant::mustReject)
                    .forEach(refused::add);
        }
        DatabaseChecksums checksums = new DatabaseChecksums(databases, databaseNames());
        Map<String, String> before = quiet(checksums);
        Run run = run("must be refused", refused);
        Map<String, String> after = checksums.take();

        run.print();
        List<String> changed = DatabaseChecksums.differences(before, after);
        assertTrue(
                run.failures().isEmpty() && changed.isEmpty(),
                run.failureReport() + "\nrows changed by requests that were all refused: " + changed.size() + "\n"
                        + String.join("\n", changed));
    }

    @Test
    @Order(2)
    void noInputFailsTheServer() throws Exception {
        List<Variant> all = new ArrayList<>();
        for (Operation operation : fuzzed()) {
            variants.of(operation, DESTRUCTIVE.contains(operation.id())).stream()
                    .filter(v -> !v.mustReject())
                    .forEach(all::add);
        }
        Run run = run("may be accepted", all);
        run.print();
        assertTrue(run.failures().isEmpty(), run.failureReport());
    }

    @Test
    @Order(3)
    void httpLimitsAreProblemsAtTheGatewayAndAtEachService() throws Exception {
        List<String> failures = new ArrayList<>();
        // a path each one serves, so that the body is the only thing wrong
        Map<String, String> posts = Map.of(
                "household-service", "/api/v1/households",
                "indicator-service", "/api/v1/standard-parameters",
                "project-fund-service", "/api/v1/fund-batches",
                "report-service", "/api/v1/reports/work-reports",
                "gateway", "/api/v1/households");
        for (Map.Entry<String, String> service : serviceUrls.entrySet()) {
            RawHttp direct = new RawHttp(service.getValue());
            String post = posts.get(service.getKey());
            String token = "Bearer " + token("county-admin");
            List<Map.Entry<RawHttp.Request, Integer>> limits = List.of(
                    Map.entry(
                            new RawHttp.Request(
                                    "GET",
                                    "/api/v1/households?division=" + "4".repeat(10_000),
                                    RawHttp.headers("Authorization", token),
                                    null),
                            414),
                    Map.entry(
                            new RawHttp.Request(
                                    "GET",
                                    "/api/v1/households",
                                    RawHttp.headers("Authorization", token, "X-Fuzz", "h".repeat(40_000)),
                                    null),
                            431),
                    Map.entry(
                            new RawHttp.Request(
                                    "POST",
                                    post,
                                    RawHttp.headers("Authorization", token, "Content-Type", "application/json"),
                                    ("{\"villageCode\":\"" + "9".repeat(1_200_000) + "\"}")
                                            .getBytes(StandardCharsets.UTF_8)),
                            413),
                    Map.entry(
                            new RawHttp.Request(
                                    "POST",
                                    post,
                                    RawHttp.headers(
                                            "Authorization",
                                            token,
                                            "Content-Type",
                                            "application/json",
                                            "Transfer-Encoding",
                                            "chunked"),
                                    chunked("{\"villageCode\":\"" + "9".repeat(1_200_000) + "\"}")),
                            413));
            for (Map.Entry<RawHttp.Request, Integer> limit : limits) {
                RawHttp.Response response = direct.send(limit.getKey());
                String problem = problemFailure(response);
                if (response.status() != limit.getValue() || problem != null) {
                    failures.add(service.getKey() + " " + limit.getKey().method() + " "
                            + RawHttp.abbreviate(limit.getKey().target(), 80) + " (" + limit.getValue()
                            + " expected) → "
                            + response.status() + " "
                            + (problem == null ? "" : problem) + " " + RawHttp.abbreviate(response.text(), 300));
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    // ---------------------------------------------------------------- running

    private record Result(Variant variant, int status, String failure) {}

    private record Run(String phase, List<Result> results, Duration took) {

        List<Result> failures() {
            return results.stream().filter(r -> r.failure() != null).toList();
        }

        String failureReport() {
            List<Result> failures = failures();
            return failures.size() + " of " + results.size() + " requests failed (seed " + SEED + "):\n"
                    + failures.stream()
                            .limit(60)
                            .map(r -> r.variant().operation().id() + " ["
                                    + r.variant().target() + " "
                                    + r.variant().kind() + "] " + r.failure() + "\n    "
                                    + r.variant().request().describe())
                            .collect(Collectors.joining("\n"));
        }

        /** Every failure, for a look beyond the first ones in the assertion message. */
        void writeFailures() throws IOException {
            Path report = Path.of("target", "fuzz-failures-" + phase.replace(' ', '-') + ".txt");
            Files.createDirectories(report.getParent());
            Files.writeString(
                    report,
                    failures().stream()
                            .map(r -> r.variant().operation().id() + "\t"
                                    + r.variant().target() + "\t"
                                    + r.variant().kind() + "\t" + r.status() + "\t" + r.failure() + "\t"
                                    + r.variant().request().describe())
                            .collect(Collectors.joining("\n")));
        }

        void print() throws IOException {
            writeFailures();
            Map<String, Map<Integer, Integer>> byOperation = new TreeMap<>();
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (Result result : results) {
                byOperation
                        .computeIfAbsent(result.variant().operation().id(), k -> new TreeMap<>())
                        .merge(result.status(), 1, Integer::sum);
                statuses.merge(result.status(), 1, Integer::sum);
            }
            StringBuilder summary = new StringBuilder();
            summary.append("Fuzz phase '")
                    .append(phase)
                    .append("': ")
                    .append(results.size())
                    .append(" requests to ")
                    .append(byOperation.size())
                    .append(" operations in ")
                    .append(took.toMillis())
                    .append(" ms, seed ")
                    .append(SEED)
                    .append(", statuses ")
                    .append(histogram(statuses))
                    .append(", failures ")
                    .append(failures().size())
                    .append('\n');
            byOperation.forEach((operation, counts) -> summary.append(String.format(
                    "  %-36s %5d  %s%n",
                    operation,
                    counts.values().stream().mapToInt(Integer::intValue).sum(),
                    histogram(counts))));
            System.out.print(summary);
        }

        private static String histogram(Map<Integer, Integer> counts) {
            return counts.entrySet().stream()
                    .map(e -> e.getKey() + "×" + e.getValue())
                    .collect(Collectors.joining(" "));
        }
    }

    private static Run run(String phase, List<Variant> requests) throws Exception {
        long started = System.nanoTime();
        List<Result> results = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY)) {
            List<Future<?>> sent = new ArrayList<>();
            for (Variant variant : requests) {
                sent.add(pool.submit(() -> {
                    results.add(send(variant));
                    return null;
                }));
            }
            for (Future<?> future : sent) {
                future.get();
            }
        }
        return new Run(phase, results, Duration.ofNanos(System.nanoTime() - started));
    }

    private static Result send(Variant variant) {
        RawHttp.Response response;
        try {
            response = http.send(variant.request());
        } catch (IOException e) {
            return new Result(variant, 0, "no answer: " + e);
        }
        int status = response.status();
        if (status == 0) {
            return new Result(variant, 0, "connection closed without an answer");
        }
        conformance.check(
                variant.request().method(),
                variant.request().target().split("[?#]", 2)[0],
                status,
                response.header("content-type"),
                name -> response.header(name) != null,
                response.text());
        if (status >= 500) {
            return new Result(variant, status, "answered " + status + ": " + RawHttp.abbreviate(response.text(), 400));
        }
        if (variant.mustReject() && status < 400) {
            return new Result(variant, status, "accepted (" + status + ") though the input breaks the contract");
        }
        if (status == 400 && BARE_400_ALLOWED.contains(variant.kind()) && response.body().length == 0) {
            return new Result(variant, status, null);
        }
        String problem = status >= 400 ? problemFailure(response) : null;
        if (problem == null && variant.mustReject()) {
            problem = namesTheField(variant.expected(), response);
        }
        return new Result(variant, status, problem);
    }

    /** Why a refusal does not name the field at fault as it should, or null when it does. */
    private static String namesTheField(Variants.Expected expected, RawHttp.Response response) {
        if (expected == null) {
            return null;
        }
        if (response.status() != 400) {
            return "answered " + response.status() + ", not 400 naming " + expected;
        }
        try {
            for (JsonNode error : MAPPER.readTree(response.body()).path("errors")) {
                if (error.path("field").asText().equals(expected.field())
                        && (expected.code() == null
                                || error.path("code").asText().equals(expected.code()))
                        && !error.path("message").asText().isBlank()) {
                    return null;
                }
            }
        } catch (IOException e) {
            return "problem body is not JSON";
        }
        return "the problem does not name " + expected + ": " + RawHttp.abbreviate(response.text(), 300);
    }

    /** Why the answer is not a proper problem, or null when it is one. */
    private static String problemFailure(RawHttp.Response response) {
        String contentType = response.header("content-type");
        if (contentType == null || !contentType.startsWith("application/problem+json")) {
            return "content type " + contentType + ", not application/problem+json";
        }
        JsonNode problem;
        try {
            problem = MAPPER.readTree(response.body());
        } catch (IOException e) {
            return "problem body is not JSON";
        }
        if (!problem.path("type").isTextual()
                || !problem.path("title").isTextual()
                || problem.path("status").asInt() != response.status()) {
            return "problem without type, title or the right status: " + RawHttp.abbreviate(response.text(), 300);
        }
        var leak = LEAK.matcher(response.text());
        if (leak.find()) {
            return "problem shows '" + leak.group() + "': " + RawHttp.abbreviate(response.text(), 300);
        }
        return null;
    }

    // ---------------------------------------------------------------- setup

    private static List<Operation> fuzzed() {
        return model.operations().stream()
                .filter(o -> !NOT_FUZZED.contains(o.id()))
                .toList();
    }

    private static JsonNode fetchOpenApi() throws IOException {
        RawHttp.Response response = http.send(new RawHttp.Request(
                "GET", "/q/openapi?format=json", RawHttp.headers("Accept", "application/json"), null));
        assertEquals(200, response.status(), "merged OpenAPI document");
        return MAPPER.readTree(response.body());
    }

    private static String token(String role) {
        return TOKENS.computeIfAbsent(role, r -> identity.token("fuzz-" + r, r, COUNTY, Duration.ofHours(2)));
    }

    /** A county, township and village, a household, and one of each resource the paths name, through the API. */
    private static Variants.Seed seed() throws Exception {
        post("/api/v1/divisions", "{\"code\":\"%s\",\"name\":\"横县\",\"level\":\"COUNTY\"}".formatted(COUNTY));
        post(
                "/api/v1/divisions",
                "{\"code\":\"%s\",\"name\":\"同心镇\",\"level\":\"TOWNSHIP\",\"parentCode\":\"%s\"}"
                        .formatted(TOWNSHIP, COUNTY));
        post(
                "/api/v1/divisions",
                "{\"code\":\"%s\",\"name\":\"沙村\",\"level\":\"VILLAGE\",\"parentCode\":\"%s\"}"
                        .formatted(VILLAGE, TOWNSHIP));
        // a birth date of its own, so that a run against a running suite does not meet the people of the last run
        String birth = java.time.LocalDate.of(1950, 1, 1)
                .plusDays(System.currentTimeMillis() / 1000 % 18_000)
                .format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
        String household = id(post("/api/v1/households", """
                {"villageCode":"%s","members":[
                  {"name":"韦某强","idNumber":"%s","relation":"HEAD"},
                  {"name":"黄某梅","idNumber":"%s","relation":"SPOUSE"}],
                 "incomes":[{"year":2025,"wage":36000,"transfer":3200,"productionCosts":2500}]}""".formatted(
                        VILLAGE, TestIdNumbers.next(birth, true), TestIdNumbers.next(birth, false))));
        JsonNode members =
                MAPPER.readTree(get("/api/v1/households/" + household).body()).path("members");
        String member =
                members.path(1).path("id").asText(members.path(0).path("id").asText());
        // project-fund-service learns the county from household-events
        String batch = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(ApiFuzzIT::fundBatch, created -> created != null);
        String project = id(postOnceKnown(
                "/api/v1/projects",
                "{\"divisionCode\":\"%s\",\"name\":\"沙村百香果种植基地\",\"projectType\":\"INDUSTRY\",\"year\":2025,\"plannedInvestment\":365500}"
                        .formatted(VILLAGE)));
        String station = id(postOnceKnown(
                "/api/v1/pv-stations",
                "{\"villageCode\":\"%s\",\"name\":\"沙村村级光伏电站\",\"capacityKw\":300,\"connectedOn\":\"2019-06-30\"}"
                        .formatted(VILLAGE)));
        String clue = id(post(
                "/api/v1/warning-clues",
                "{\"source\":\"CADRE_VISIT\",\"householdId\":\"%s\",\"riskTypes\":[\"ILLNESS\"],\"description\":\"入户走访发现大病\",\"reportedOn\":\"%s\"}"
                        .formatted(household, Variants.today())));
        String monitoringCase = id(post(
                "/api/v1/households/" + household + "/identification-cases",
                "{\"category\":\"SUDDEN_HARDSHIP\",\"riskTypes\":[\"ILLNESS\"],\"reason\":\"大病\"}"));
        return new Variants.Seed(
                COUNTY, TOWNSHIP, VILLAGE, household, member, batch, project, station, clue, monitoringCase);
    }

    private static RawHttp.Response post(String path, String json) throws IOException {
        RawHttp.Response response = send("POST", path, json);
        assertTrue(
                response.status() == 201 || response.status() == 409 || response.status() == 200,
                "seeding " + path + " answered " + response.status() + " " + response.text());
        return response;
    }

    /** A POST that names divisions project-fund-service learns from household-events: retried until it knows them. */
    private static RawHttp.Response postOnceKnown(String path, String json) {
        RawHttp.Response response = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> send("POST", path, json), answer -> answer.status() != 400);
        assertEquals(201, response.status(), "seeding " + path + " answered " + response.text());
        return response;
    }

    /**
     * The county's fund batch of the seeding: registered now, or the one registered before (409); null while
     * project-fund-service does not know the county yet.
     */
    private static String fundBatch() throws IOException {
        RawHttp.Response created = send(
                "POST",
                "/api/v1/fund-batches",
                "{\"countyCode\":\"%s\",\"sourceLevel\":\"CENTRAL\",\"year\":2025,\"batchNumber\":7,\"amount\":3650000}"
                        .formatted(COUNTY));
        if (created.status() == 201) {
            return id(created);
        }
        if (created.status() == 409) {
            return MAPPER.readTree(get("/api/v1/fund-batches?county=" + COUNTY + "&year=2025")
                            .body())
                    .path("items")
                    .path(0)
                    .path("id")
                    .asText();
        }
        return null;
    }

    private static RawHttp.Response get(String path) throws IOException {
        return http.send(new RawHttp.Request(
                "GET", path, RawHttp.headers("Authorization", "Bearer " + token("county-admin")), null));
    }

    private static RawHttp.Response send(String method, String path, String json) throws IOException {
        return http.send(new RawHttp.Request(
                method,
                path,
                RawHttp.headers("Authorization", "Bearer " + token("county-admin"), "Content-Type", "application/json"),
                json.getBytes(StandardCharsets.UTF_8)));
    }

    /** The id at the end of the {@code Location} of a 201, or a made-up one when the resource was not created. */
    private static String id(RawHttp.Response response) {
        String location = response.header("location");
        return location == null
                ? UUID.nameUUIDFromBytes(response.body()).toString()
                : location.substring(location.lastIndexOf('/') + 1);
    }

    /** Waits until the databases stop changing (events of the seeding applied everywhere), and returns their digests. */
    private static Map<String, String> quiet(DatabaseChecksums checksums) throws Exception {
        AtomicReference<Map<String, String>> previous = new AtomicReference<>(checksums.take());
        return await("the databases stop changing after the seeding")
                .atMost(Duration.ofSeconds(90))
                .pollDelay(Duration.ofMillis(1500))
                .pollInterval(Duration.ofMillis(1500))
                .until(checksums::take, current -> current.equals(previous.getAndSet(current)));
    }

    private static List<String> databaseNames() {
        return ServiceSpec.ALL.stream()
                .filter(ServiceSpec::hasDatabase)
                .map(ServiceSpec::database)
                .toList();
    }

    private static Connection connect(String jdbcUrl) {
        try {
            return DriverManager.getConnection(jdbcUrl, "postgres", "");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] chunked(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        int chunk = 64 * 1024;
        for (int offset = 0; offset < bytes.length; offset += chunk) {
            int length = Math.min(chunk, bytes.length - offset);
            out.append(Integer.toHexString(length))
                    .append("\r\n")
                    .append(new String(bytes, offset, length, StandardCharsets.ISO_8859_1))
                    .append("\r\n");
        }
        out.append("0\r\n\r\n");
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
