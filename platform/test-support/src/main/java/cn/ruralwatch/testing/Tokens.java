package cn.ruralwatch.testing;

import cn.ruralwatch.embedded.DevIdentityProvider;
import java.time.Duration;

/**
 * Bearer tokens for tests, signed by the identity the service under test trusts. Tests put them on their requests
 * themselves: a {@code @QuarkusTest} body sees REST Assured through the application's class loader.
 */
public final class Tokens {

    private Tokens() {}

    /** {@code Authorization} header value for a role within a division. */
    public static String bearer(DevIdentityProvider identity, String role, String division) {
        return "Bearer " + identity.token("test-" + role, role, division, Duration.ofHours(1));
    }

    /** {@link #bearer(DevIdentityProvider, String, String)} with the test resource's identity. */
    public static String bearer(String role, String division) {
        return bearer(SuiteInfrastructure.identity(), role, division);
    }
}
