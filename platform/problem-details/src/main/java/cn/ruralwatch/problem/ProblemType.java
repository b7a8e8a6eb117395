package cn.ruralwatch.problem;

/**
 * The kinds of problem the suite answers. Each has a status, a stable slug used in the problem's {@code type} URI and
 * message keys for its localized title.
 */
public enum ProblemType {
    VALIDATION_FAILED(400, "validation-failed"),
    MALFORMED_JSON(400, "malformed-json"),
    BAD_REQUEST(400, "bad-request"),
    UNAUTHORIZED(401, "unauthorized"),
    FORBIDDEN(403, "forbidden"),
    NOT_FOUND(404, "not-found"),
    ROUTE_NOT_FOUND(404, "route-not-found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable"),
    CONFLICT(409, "conflict"),
    PRECONDITION_FAILED(412, "precondition-failed"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large"),
    URI_TOO_LONG(414, "uri-too-long"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type"),
    UNPROCESSABLE(422, "unprocessable"),
    PRECONDITION_REQUIRED(428, "precondition-required"),
    TOO_MANY_REQUESTS(429, "too-many-requests"),
    HEADERS_TOO_LARGE(431, "headers-too-large"),
    INTERNAL_ERROR(500, "internal-error"),
    BAD_GATEWAY(502, "bad-gateway"),
    SERVICE_UNAVAILABLE(503, "service-unavailable");

    private final int status;
    private final String slug;

    ProblemType(int status, String slug) {
        this.status = status;
        this.slug = slug;
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String uri() {
        return Problem.TYPE_PREFIX + slug;
    }

    /** Message key of the localized title. */
    public String titleKey() {
        return "problem." + slug + ".title";
    }

    /** The type that best describes a bare HTTP status raised by the framework. */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status && type != ROUTE_NOT_FOUND && type != MALFORMED_JSON && type != BAD_REQUEST) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL_ERROR : BAD_REQUEST;
    }
}
