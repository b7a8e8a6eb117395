package cn.ruralwatch.access;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Enforces {@link AccessMatrix} on every REST operation: the caller must be authenticated (401 otherwise) and hold
 * one of the roles the matrix grants the operation (403 otherwise). The operation is named by its OpenAPI operation id,
 * so the document and the check cannot disagree; an operation that has no id or no row is refused to everyone. An
 * endpoint open to all declares {@code @PermitAll}.
 */
public class AccessMatrixFilter {

    private static final Logger LOG = Logger.getLogger(AccessMatrixFilter.class);

    private final Map<Method, Optional<String>> operationIds = new ConcurrentHashMap<>();

    @Inject
    CurrentIdentityAssociation identities;

    @ServerRequestFilter
    public Uni<Void> authorize(ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null
                || method.isAnnotationPresent(PermitAll.class)
                || resource.getResourceClass().isAnnotationPresent(PermitAll.class)) {
            return Uni.createFrom().voidItem();
        }
        Optional<String> operationId = operationIds.computeIfAbsent(method, AccessMatrixFilter::operationId);
        return identities.getDeferredIdentity().map(identity -> {
            if (identity.isAnonymous()) {
                throw new UnauthorizedException();
            }
            if (operationId.isEmpty() || !AccessMatrix.allows(operationId.get(), identity.getRoles())) {
                throw new ForbiddenException();
            }
            return null;
        });
    }

    private static Optional<String> operationId(Method method) {
        Operation operation = method.getAnnotation(Operation.class);
        if (operation == null || operation.operationId().isEmpty()) {
            LOG.errorf(
                    "%s.%s has no operation id and is refused to every caller",
                    method.getDeclaringClass().getName(), method.getName());
            return Optional.empty();
        }
        if (AccessMatrix.rolesOf(operation.operationId()).isEmpty()) {
            LOG.errorf(
                    "operation %s has no row in the access matrix and is refused to every caller",
                    operation.operationId());
        }
        return Optional.of(operation.operationId());
    }
}
