package cn.ruralwatch.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Declares the headers a client builds on, following the suite's HTTP conventions (platform http-conventions):
 *
 * <ul>
 *   <li>{@code ETag}: a resource that is changed under optimistic concurrency (an operation on it takes
 *       {@code If-Match}) carries its version in every success answer about it — reading it, changing it, an action on
 *       it, and creating it (a {@code POST} on its collection); a resource created with a {@code 201} carries its
 *       version when it is read, too;
 *   <li>{@code Location}: a {@code 201 Created} names the new resource, a {@code 202 Accepted} the job that does the
 *       work, and a repeated submission of such a job ({@code 200}) the job submitted first;
 *   <li>{@code Content-Disposition}: a download (a binary body) names its file.
 * </ul>
 *
 * The headers are components ({@code #/components/headers/ETag}, {@code .../Location}) referred to from each answer.
 * The gateway's own answers, to a request line or headers too long (414, 431) and for a service it cannot reach (502),
 * are declared on every operation.
 */
final class ResponseHeaders {

    static final String ETAG = "ETag";
    static final String LOCATION = "Location";
    static final String CONTENT_DISPOSITION = "Content-Disposition";
    private static final String PROBLEM = "#/components/schemas/Problem";

    private ResponseHeaders() {}

    static void apply(ObjectNode merged, ObjectNode components) {
        ObjectNode headers =
                components.has("headers") ? (ObjectNode) components.get("headers") : components.putObject("headers");
        headers.putObject(ETAG)
                .put("description", "资源版本（强校验值）。修改该资源时放入 If-Match；版本已变则 412")
                .putObject("schema")
                .put("type", "string")
                .putArray("examples")
                .add("\"3\"");
        headers.putObject(LOCATION)
                .put("description", "新建资源（201）或受理作业（202）的地址")
                .putObject("schema")
                .put("type", "string")
                .put("format", "uri-reference")
                .putArray("examples")
                .add("/api/v1/households/0190f6a2-5a8e-7c41-9d3b-2f6f1c0a4e11");

        headers.putObject(CONTENT_DISPOSITION)
                .put("description", "下载文件的文件名（attachment; filename*=UTF-8''…，RFC 6266）")
                .putObject("schema")
                .put("type", "string")
                .putArray("examples")
                .add("attachment; filename*=UTF-8''%E5%90%8C%E5%BF%83%E9%95%87.docx");

        // a resource is versioned when an operation on it, or an action on it (POST /projects/{id}/steps), takes
        // If-Match; a resource created with a 201 answers with its version when read, too (/fund-batches/{id} of
        // POST /fund-batches)
        Set<String> versioned = new HashSet<>();
        Set<String> created = new HashSet<>();
        merged.path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(operation -> {
                    for (JsonNode parameter : operation.getValue().path("parameters")) {
                        if ("header".equals(parameter.path("in").asText())
                                && "If-Match"
                                        .equalsIgnoreCase(parameter.path("name").asText())) {
                            versioned.add(path.getKey());
                            versioned.add(resourceOf(path.getKey()));
                        }
                    }
                    if ("post".equals(operation.getKey())
                            && operation.getValue().path("responses").has("201")) {
                        created.add(path.getKey());
                    }
                }));
        merged.path("paths").properties().forEach(path -> {
            String member = path.getKey();
            int last = member.lastIndexOf('/');
            if (member.endsWith("}")
                    && member.indexOf('{', last) == last + 1
                    && created.contains(member.substring(0, last))) {
                versioned.add(member);
            }
        });

        for (Map.Entry<String, JsonNode> path : merged.path("paths").properties()) {
            boolean resourceVersioned = versioned.contains(path.getKey());
            for (Iterator<Map.Entry<String, JsonNode>> operations =
                            path.getValue().fields();
                    operations.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = operations.next();
                String method = entry.getKey();
                JsonNode responses = entry.getValue().path("responses");
                boolean accepted = responses.has("202");
                for (Map.Entry<String, JsonNode> response : responses.properties()) {
                    String status = response.getKey();
                    if (!(response.getValue() instanceof ObjectNode answer) || !status.startsWith("2")) {
                        continue;
                    }
                    // a created resource answers with its version (where it has none, the header is absent)
                    if (resourceVersioned || ("post".equals(method) && status.equals("201"))) {
                        declare(answer, ETAG);
                    }
                    if (isFile(answer)) {
                        declare(answer, CONTENT_DISPOSITION);
                    }
                    if ("post".equals(method)
                            && (status.equals("201") || status.equals("202") || (status.equals("200") && accepted))) {
                        declare(answer, LOCATION);
                    }
                }
                if (entry.getValue() instanceof ObjectNode operation) {
                    gatewayAnswers(operation);
                }
            }
        }
    }

    /** The resource an action path acts on: {@code /projects/{id}} for {@code /projects/{id}/steps}. */
    private static String resourceOf(String path) {
        int lastParameter = path.lastIndexOf('}');
        return lastParameter < 0 ? path : path.substring(0, lastParameter + 1);
    }

    /** An answer whose body is a file (a binary schema, not JSON): a download, named in Content-Disposition. */
    private static boolean isFile(JsonNode response) {
        for (Map.Entry<String, JsonNode> media : response.path("content").properties()) {
            if (!media.getKey().contains("json")
                    && "binary"
                            .equals(media.getValue()
                                    .path("schema")
                                    .path("format")
                                    .asText())) {
                return true;
            }
        }
        return false;
    }

    private static void declare(ObjectNode response, String header) {
        ObjectNode headers =
                response.has("headers") ? (ObjectNode) response.get("headers") : response.putObject("headers");
        if (!headers.has(header)) {
            headers.putObject(header).put("$ref", "#/components/headers/" + header);
        }
    }

    /** What the gateway itself may answer to any request: a request line or headers too long, a service away. */
    private static void gatewayAnswers(ObjectNode operation) {
        ObjectNode responses =
                operation.has("responses") ? (ObjectNode) operation.get("responses") : operation.putObject("responses");
        problem(responses, "414", "请求地址（含查询参数）过长");
        problem(responses, "431", "请求头过大");
        problem(responses, "502", "网关连不上办理该请求的服务，或服务未在时限内答复。超时的修改可能已经执行：重试前先查询结果");
    }

    private static void problem(ObjectNode responses, String status, String description) {
        if (!responses.has(status)) {
            ObjectNode answer = responses.putObject(status);
            answer.put("description", description);
            answer.putObject("content")
                    .putObject("application/problem+json")
                    .putObject("schema")
                    .put("$ref", PROBLEM);
        }
    }
}
