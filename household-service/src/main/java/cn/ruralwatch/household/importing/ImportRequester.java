package cn.ruralwatch.household.importing;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;

/**
 * Who submitted an import: the claims of their token the suite reads and their roles. The job runs in the background
 * as them, so that it sees the region they see, and the history and audit trail name them.
 */
record ImportRequester(Map<String, Object> claims, List<String> roles) {

    /** The claims kept: identity, region and client; never the token itself. */
    private static final List<String> KEPT =
            List.of("iss", "sub", "upn", "preferred_username", "division", "azp", "client_id");

    static ImportRequester of(SecurityIdentity identity) {
        Map<String, Object> claims = new LinkedHashMap<>();
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            for (String name : KEPT) {
                Object value = token.getClaim(name);
                if (value != null) {
                    claims.put(name, value.toString().replace("\"", ""));
                }
            }
            claims.put("groups", List.copyOf(token.getGroups()));
        }
        return new ImportRequester(claims, identity.getRoles().stream().sorted().toList());
    }

    /** The requester as the identity of the job's work. */
    SecurityIdentity identity() {
        JwtClaims jwt = new JwtClaims();
        claims.forEach(jwt::setClaim);
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new DefaultJWTCallerPrincipal(jwt))
                .addRoles(Set.copyOf(roles))
                .build();
    }
}
