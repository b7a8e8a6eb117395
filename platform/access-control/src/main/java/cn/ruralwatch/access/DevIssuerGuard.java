package cn.ruralwatch.access;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses to start in the production profile when tokens of the local development issuer would be accepted: a key
 * that {@code bin/suite} generates on a developer's machine must never open a production system.
 */
@ApplicationScoped
public class DevIssuerGuard {

    /** Issuer of the tokens {@code bin/suite token} mints. */
    public static final String DEV_ISSUER = "urn:ruralwatch:dev-issuer";

    @ConfigProperty(name = "mp.jwt.verify.issuer")
    Optional<String> issuer;

    void check(@Observes StartupEvent startup) {
        check(ConfigUtils.getProfiles(), issuer.orElse(null));
    }

    /** Throws when {@code profiles} include {@code prod} and {@code issuer} is the development issuer. */
    public static void check(List<String> profiles, String issuer) {
        if (profiles.contains("prod") && DEV_ISSUER.equals(issuer)) {
            throw new IllegalStateException("The development token issuer " + DEV_ISSUER
                    + " cannot be trusted in the prod profile: configure the province's OIDC issuer"
                    + " (MP_JWT_VERIFY_ISSUER, MP_JWT_VERIFY_PUBLICKEY_LOCATION), or run locally with bin/suite");
        }
    }
}
