package cn.ruralwatch.problem;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Every error answer of every operation is a problem ({@code application/problem+json}, RFC 9457): an endpoint declares
 * an error status and what it means, and this filter gives it the {@link Problem} body, so that no endpoint has to
 * repeat it.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponses implements OASFilter {

    private static final String SCHEMA = "#/components/schemas/Problem";

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
            operation.getResponses().getAPIResponses().forEach((status, response) -> {
                if (isError(status) && !hasBody(response)) {
                    response.setContent(problem());
                }
            });
        }
        // what the parameters themselves can meet: an id that names nothing (or is no id at all: JAX-RS answers 404
        // for a path parameter it cannot convert), a query value that is malformed or missing, a stale or missing
        // If-Match (http-conventions EntityTags)
        if (hasParameter(operation, Parameter.In.PATH)) {
            declare(operation, "404", "路径中的编号不存在（或格式不对），或不在本人辖区内");
        }
        if (hasParameter(operation, Parameter.In.QUERY)) {
            declare(operation, "400", "查询参数不合法或缺少必填参数（errors 列出每个参数及原因）");
        }
        if (namesAResourceInTheQuery(operation)) {
            declare(operation, "404", "查询参数所指的区划、指标体系、指标或编号（农户、排查、案件等）不存在，或不在本人辖区内");
        }
        if (hasHeader(operation, "If-Match")) {
            declare(operation, "412", "If-Match 中的版本已不是当前版本：先重新读取，再基于最新版本修改");
            declare(operation, "428", "缺少 If-Match：修改前先读取资源，把其 ETag 放入 If-Match");
        }
        // a body can be unreadable, too large or of a media type the operation does not take
        if (operation.getRequestBody() != null) {
            declare(operation, "400", "请求体不是有效的 JSON，或字段未通过校验（errors 列出每个字段及原因）");
            declare(operation, "413", "请求体超过该接口允许的大小");
            declare(operation, "415", "请求体的媒体类型（Content-Type）不是该接口接受的类型");
        }
        // any request line, header or parameter can be unreadable (a NUL, bytes that are not UTF-8)
        declare(operation, "400", "请求不合法：请求行、参数或请求头无法解析，或未通过校验（errors 列出每项及原因）");
        // any operation may meet these: the gateway's limit per client, and a database or a service briefly away
        declare(operation, "429", "请求过于频繁：网关按客户端（令牌）限流，按 Retry-After 秒数等待后重试");
        declare(operation, "503", "暂时不可用：数据库不可达或连接池已满，按 Retry-After 秒数等待后重试，请求未被执行");
        retryAfter(operation.getResponses().getAPIResponse("429"));
        retryAfter(operation.getResponses().getAPIResponse("503"));
        return operation;
    }

    /**
     * An operation whose body refers to records by id (a household, a member, a project: a property that is a UUID, or
     * a list of them) may be sent an id that names nothing the caller may see: 404. Only the whole document resolves the
     * body's schema, so this is done once every operation has been filtered.
     */
    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Map<String, Schema> schemas =
                openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null
                        ? Map.of()
                        : openAPI.getComponents().getSchemas();
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations()
                .values()
                .forEach(operation -> {
                    if (operation.getRequestBody() != null
                            && operation.getRequestBody().getContent() != null
                            && operation.getRequestBody().getContent().getMediaTypes() != null
                            && operation.getRequestBody().getContent().getMediaTypes().values().stream()
                                    .anyMatch(media -> refersById(resolve(media.getSchema(), schemas), schemas))) {
                        declare(operation, "404", "请求体中的编号（农户、成员、项目等）所指的记录不存在，或不在本人辖区内");
                    }
                }));
    }

    /** A schema with a property that is an id, or a list of ids. */
    private static boolean refersById(Schema schema, Map<String, Schema> schemas) {
        if (schema == null || schema.getProperties() == null) {
            return false;
        }
        return schema.getProperties().values().stream().anyMatch(property -> {
            Schema resolved = resolve(property, schemas);
            Schema items = resolved == null ? null : resolve(resolved.getItems(), schemas);
            return isId(property) || isId(resolved) || isId(items);
        });
    }

    /** An id: a UUID, given as such or as the UUID component. */
    private static boolean isId(Schema schema) {
        return schema != null
                && ("uuid".equals(schema.getFormat())
                        || String.valueOf(schema.getRef()).endsWith("/UUID"));
    }

    /** The component a schema refers to, or the schema itself. */
    private static Schema resolve(Schema schema, Map<String, Schema> schemas) {
        if (schema == null || schema.getRef() == null || !schema.getRef().startsWith(COMPONENTS)) {
            return schema;
        }
        Schema component = schemas.get(schema.getRef().substring(COMPONENTS.length()));
        return component == null ? schema : component;
    }

    private static final String COMPONENTS = "#/components/schemas/";

    /** The {@code Retry-After} header (seconds) of a 429 or 503 answer. */
    private static void retryAfter(APIResponse response) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey(RETRY_AFTER)) {
            response.addHeader(
                    RETRY_AFTER,
                    OASFactory.createHeader()
                            .description("重试前等待的秒数")
                            .schema(OASFactory.createSchema()
                                    .addType(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.INTEGER)
                                    .minimum(java.math.BigDecimal.ONE)));
        }
    }

    private static final String RETRY_AFTER = "Retry-After";

    /**
     * Declares an error answer with a problem body; one the operation declares already keeps its description and
     * gets the body if it has none.
     */
    public static void declare(Operation operation, String status, String description) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponse declared = operation.getResponses().getAPIResponse(status);
        if (declared == null) {
            operation
                    .getResponses()
                    .addAPIResponse(
                            status,
                            OASFactory.createAPIResponse()
                                    .description(description)
                                    .content(problem()));
        } else if (!hasBody(declared)) {
            declared.setContent(problem());
        }
    }

    private static boolean hasParameter(Operation operation, Parameter.In in) {
        return operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(parameter -> parameter.getIn() == in);
    }

    /**
     * The query parameters that name a record by its code across the suite: a division (区划代码) the caller's region
     * may not cover or that does not exist, an indicator standard and one of its indicators. Each service answers 404
     * for a code that names nothing it may show.
     */
    static final Set<String> CODES_IN_THE_QUERY = Set.of("division", "county", "region", "standard", "indicator");

    /** A query parameter that is an id (a UUID) or a code of {@link #CODES_IN_THE_QUERY}: it may name nothing. */
    private static boolean namesAResourceInTheQuery(Operation operation) {
        return operation.getParameters() != null
                && operation.getParameters().stream()
                        .anyMatch(parameter -> parameter.getIn() == Parameter.In.QUERY
                                && (CODES_IN_THE_QUERY.contains(parameter.getName()) || isId(parameter.getSchema())));
    }

    private static boolean hasHeader(Operation operation, String name) {
        return operation.getParameters() != null
                && operation.getParameters().stream()
                        .anyMatch(parameter ->
                                parameter.getIn() == Parameter.In.HEADER && name.equalsIgnoreCase(parameter.getName()));
    }

    private static boolean hasBody(APIResponse response) {
        return response.getContent() != null
                && response.getContent().getMediaTypes() != null
                && !response.getContent().getMediaTypes().isEmpty();
    }

    private static Content problem() {
        return OASFactory.createContent()
                .addMediaType(
                        Problem.MEDIA_TYPE,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(SCHEMA)));
    }

    private static boolean isError(String status) {
        return status.length() == 3 && (status.charAt(0) == '4' || status.charAt(0) == '5');
    }
}
