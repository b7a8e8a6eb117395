package cn.ruralwatch.testing;

import cn.ruralwatch.embedded.DevIdentityProvider;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import java.time.Duration;

/** Bearer tokens for tests, signed by the identity the service under test trusts. */
public final class Tokens {

    private Tokens() {}

    /** {@code Authorization} header value for a role within a division. */
    public static String bearer(DevIdentityProvider identity, String role, String division) {
        return "Bearer " + identity.token("test-" + role, role, division, Duration.ofHours(1));
    }

    /** Makes every REST Assured request of the test carry a token of this role and division. */
    public static void authenticateAs(DevIdentityProvider identity, String role, String division) {
        RestAssured.requestSpecification = new RequestSpecBuilder()
                .addHeader("Authorization", bearer(identity, role, division))
                .build();
    }

    /** {@link #authenticateAs(DevIdentityProvider, String, String)} with the test resource's identity. */
    public static void authenticateAs(String role, String division) {
        authenticateAs(SuiteInfrastructure.identity(), role, division);
    }
}
