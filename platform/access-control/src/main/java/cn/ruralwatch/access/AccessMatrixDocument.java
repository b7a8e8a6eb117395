package cn.ruralwatch.access;

import cn.ruralwatch.problem.ProblemResponses;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;

/**
 * Writes {@link AccessMatrix} into the OpenAPI document: each operation's {@code security} names the roles that may
 * call it, and its 401 and 403 answers are declared.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class AccessMatrixDocument implements OASFilter {

    /** The name the suite's documents give the bearer-token scheme. */
    public static final String SCHEME = "SecurityScheme";

    @Override
    public Operation filterOperation(Operation operation) {
        secure(operation, operation.getOperationId());
        return operation;
    }

    /** Declares the roles of the operation the matrix knows as {@code operationId}, and its 401 and 403 answers. */
    public static void secure(Operation operation, String operationId) {
        if (operationId == null) {
            return;
        }
        AccessMatrix.rolesOf(operationId).ifPresent(roles -> {
            operation.setSecurity(new ArrayList<>(
                    List.of(OASFactory.createSecurityRequirement().addScheme(SCHEME, roles))));
            ProblemResponses.declare(operation, "401", "未认证：缺少令牌，或令牌无效、已过期");
            ProblemResponses.declare(operation, "403", "无权：本人角色不能办理此操作");
        });
    }
}
