package cn.ruralwatch.access;

import cn.ruralwatch.problem.ProblemType;
import cn.ruralwatch.problem.VertxProblems;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** 401 for a missing, invalid or expired token; 403 for a role without the permission — as problems. */
public class AuthProblemMappers {

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException exception, HttpServerRequest request) {
        return unauthenticated(request);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException exception, HttpServerRequest request) {
        return unauthenticated(request);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException exception, HttpServerRequest request) {
        var problem = VertxProblems.problem(request, ProblemType.FORBIDDEN, "problem.forbidden.detail");
        return Response.status(problem.status())
                .type(problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }

    private static Response unauthenticated(HttpServerRequest request) {
        var problem = VertxProblems.problem(request, ProblemType.UNAUTHORIZED, "problem.unauthorized.detail");
        return Response.status(problem.status())
                .type(problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(problem)
                .build();
    }
}
