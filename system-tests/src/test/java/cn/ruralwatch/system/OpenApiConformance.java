package cn.ruralwatch.system;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi31;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks every response a test receives through the gateway against the merged OpenAPI document the gateway publishes:
 * the operation exists, the status is declared, the body's media type is declared and the body matches its schema
 * (JSON Schema 2020-12 with the OpenAPI 3.1 dialect of networknt's validator, {@code $ref}s resolved in the document),
 * required headers are present, and the headers a client relies on ({@code ETag}, {@code Location},
 * {@code Retry-After}, {@code Content-Disposition}) are declared where they are sent.
 *
 * <p>Violations are collected rather than thrown, so that one run names all of them; {@link #assertConformance()}
 * fails with the list.
 */
public final class OpenApiConformance implements Filter {

    private static final String DOCUMENT_URI = "https://gateway.ruralwatch.invalid/openapi.json";
    private static final Set<String> DECLARED_HEADERS =
            Set.of("etag", "location", "retry-after", "content-disposition");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String documentText;
    private final JsonNode document;
    private final List<Route> routes = new ArrayList<>();
    /** The whole document as one schema resource, read once: each response schema is a sub-schema of it. */
    private final JsonSchema root;

    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();
    private final Set<String> violations = new TreeSet<>();
    private final AtomicInteger checked = new AtomicInteger();

    OpenApiConformance(String documentText) {
        this.documentText = documentText;
        try {
            this.document = JSON.readTree(documentText);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(
                SpecVersion.VersionFlag.V202012, builder -> builder.metaSchema(OpenApi31.getInstance())
                        .defaultMetaSchemaIri(OpenApi31.getInstance().getIri())
                        .schemaLoaders(loaders -> loaders.schemas(Map.of(DOCUMENT_URI, documentText))));
        // asking the factory for "document#pointer" reads and parses the whole document again for every pointer
        // (megabytes each, hundreds of response schemas): the document is read once and the pointers resolved in it
        this.root = factory.getSchema(
                SchemaLocation.of(DOCUMENT_URI),
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            routes.add(new Route(path.getKey(), template(path.getKey()), path.getValue()));
        }
        // literal segments win over parameters: /households/search before /households/{id}
        routes.sort((a, b) -> Long.compare(parameters(a.path()), parameters(b.path())));
    }

    /** The merged document as the gateway at {@code gatewayUrl} serves it. */
    public static OpenApiConformance of(String gatewayUrl) {
        // a service answers its first request for its document slowly on a busy machine, and the gateway gives up
        // on it after its upstream timeout (502): asked again until the document comes
        HttpResponse<String> response = await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(2))
                .until(
                        () -> HttpClient.newHttpClient()
                                .send(
                                        HttpRequest.newBuilder(URI.create(gatewayUrl + "/q/openapi?format=json"))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString()),
                        answer -> answer.statusCode() == 200);
        return new OpenApiConformance(response.body());
    }

    @Override
    public Response filter(
            FilterableRequestSpecification request, FilterableResponseSpecification spec, FilterContext context) {
        Response response = context.next(request, spec);
        check(
                request.getMethod(),
                URI.create(request.getURI()).getRawPath(),
                response.statusCode(),
                response.contentType(),
                response.headers()::hasHeaderWithName,
                response.asString());
        return response;
    }

    /**
     * Checks one answer, however it was received: {@code hasHeader} says whether the answer carries a header (by
     * name, in any case). Paths outside {@code /api/} and CORS preflights (OPTIONS, the browser's question to the
     * gateway, not an operation of the API) are not checked.
     */
    public void check(
            String method, String path, int status, String contentType, Predicate<String> hasHeader, String body) {
        if (path.startsWith("/api/") && !method.equalsIgnoreCase("OPTIONS")) {
            checkOperation(method.toLowerCase(Locale.ROOT), path, status, contentType, hasHeader, body);
        }
    }

    /** Fails naming every response that did not match the document; also when nothing at all was checked. */
    public void assertConformance() {
        if (checked.get() == 0) {
            throw new AssertionError("No response was checked against the OpenAPI document");
        }
        synchronized (violations) {
            if (!violations.isEmpty()) {
                throw new AssertionError(violations.size() + " of the responses checked (" + checked.get()
                        + ") do not match the merged OpenAPI document:\n  "
                        + String.join("\n  ", violations));
            }
        }
    }

    int checked() {
        return checked.get();
    }

    /** Writes the document as checked, for the contract tools CI runs on it (lint, client generation). */
    void save(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, documentText);
    }

    private void checkOperation(
            String method, String path, int status, String responseType, Predicate<String> hasHeader, String body) {
        checked.incrementAndGet();
        // the services take /households/ for /households
        String routed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        Route route = routes.stream()
                .filter(r -> r.pattern().matcher(routed).matches() && r.item().has(method))
                .findFirst()
                .orElse(null);
        if (route == null) {
            // a route the suite does not serve: the gateway's 404/405 problem is the right answer; a path with an empty
            // segment (a parameter left empty, "/divisions//village-status") may also be refused as malformed (400)
            if (status != 404 && status != 405 && !(status == 400 && routed.contains("//"))) {
                violation(
                        method.toUpperCase(Locale.ROOT) + " " + path,
                        "no operation in the document, but answered " + status);
            }
            return;
        }
        String operation = route.item().path(method).path("operationId").asText(method + " " + route.path());
        String pointer = "/paths/" + escape(route.path()) + "/" + method + "/responses/";
        JsonNode responses = route.item().path(method).path("responses");
        String key = String.valueOf(status);
        if (!responses.has(key)) {
            key = status / 100 + "XX";
        }
        if (!responses.has(key)) {
            key = "default";
        }
        if (!responses.has(key)) {
            violation(operation, "status " + status + " is not declared");
            return;
        }
        JsonNode declared = responses.path(key);
        String responsePointer = pointer + escape(key);
        checkHeaders(operation, status, declared, hasHeader);
        if (body == null || body.isEmpty()) {
            return;
        }
        String contentType =
                responseType == null ? "" : responseType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        JsonNode content = declared.path("content");
        if (!content.has(contentType)) {
            violation(
                    operation,
                    status + " answered " + contentType + ", the document declares "
                            + fieldNames(content).stream().collect(Collectors.joining(", ", "[", "]")));
            return;
        }
        if (!contentType.endsWith("json") || !content.path(contentType).has("schema")) {
            return;
        }
        JsonSchema schema = schema(responsePointer + "/content/" + escape(contentType) + "/schema");
        Set<ValidationMessage> errors = schema.validate(body, InputFormat.JSON);
        for (ValidationMessage error : errors) {
            violation(operation, status + " " + contentType + ": " + error.getMessage());
        }
    }

    /** The schema at {@code pointer} in the document, built on first use and shared by the threads that validate. */
    private JsonSchema schema(String pointer) {
        JsonSchema cached = schemas.get(pointer);
        if (cached != null) {
            return cached;
        }
        synchronized (root) {
            return schemas.computeIfAbsent(pointer, p -> {
                JsonSchema built = root.getSubSchema(
                        SchemaLocation.of(DOCUMENT_URI + "#" + p).getFragment());
                built.initializeValidators();
                return built;
            });
        }
    }

    private void checkHeaders(String operation, int status, JsonNode declared, Predicate<String> hasHeader) {
        JsonNode headers = declared.path("headers");
        Set<String> declaredNames = fieldNames(headers).stream()
                .map(name -> name.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        Iterator<Map.Entry<String, JsonNode>> each = headers.fields();
        while (each.hasNext()) {
            Map.Entry<String, JsonNode> header = each.next();
            if (header.getValue().path("required").asBoolean(false) && !hasHeader.test(header.getKey())) {
                violation(operation, status + " lacks the required header " + header.getKey());
            }
        }
        for (String name : DECLARED_HEADERS) {
            if (hasHeader.test(name) && !declaredNames.contains(name)) {
                violation(operation, status + " sends " + name + ", which the document does not declare");
            }
        }
    }

    private void violation(String operation, String what) {
        synchronized (violations) {
            violations.add(operation + ": " + what);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Pattern template(String path) {
        StringBuilder regex = new StringBuilder();
        for (String part : path.split("(?=\\{)|(?<=\\})")) {
            regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }

    private static long parameters(String path) {
        return path.chars().filter(c -> c == '{').count();
    }

    /** JSON Pointer escaping (RFC 6901) of one reference token, percent-encoded for use in a URI fragment. */
    private static String escape(String token) {
        String escaped = token.replace("~", "~0").replace("/", "~1");
        return escaped.replace("{", "%7B").replace("}", "%7D");
    }

    private record Route(String path, Pattern pattern, JsonNode item) {
        Route {
            if (METHODS.stream().noneMatch(item::has)) {
                throw new IllegalArgumentException("path item without operations: " + path);
            }
        }
    }
}
