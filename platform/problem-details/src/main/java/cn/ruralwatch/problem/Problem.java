package cn.ruralwatch.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** RFC 9457 problem details, as every service in the suite answers errors. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 错误响应 (application/problem+json)")
public record Problem(
        @Schema(description = "问题类型 URI", example = "urn:ruralwatch:problem:validation-failed")
        String type,

        @Schema(description = "简短标题", example = "请求数据未通过校验") String title,
        @Schema(description = "HTTP 状态码", example = "400") int status,

        @Schema(description = "具体说明", example = "有 1 个字段未通过校验")
        String detail,

        @Schema(description = "出错的请求路径", example = "/api/v1/households")
        String instance,

        @Schema(description = "请求标识，便于在日志中查找", example = "3f1c0c1e-7d0b-4a37-9d43-0d5f2b0f6a11")
        String requestId,

        @Schema(description = "逐字段的校验错误") List<FieldViolation> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "urn:ruralwatch:problem:";

    /** One failed field of a request. */
    @Schema(name = "FieldViolation")
    public record FieldViolation(
            @Schema(description = "字段路径", example = "members[1].idNumber")
            String field,

            @Schema(description = "机器可读的错误代码", example = "CHECK_DIGIT")
            String code,

            @Schema(description = "错误说明", example = "身份证号校验位不正确")
            String message) {}
}
