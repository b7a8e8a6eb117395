package cn.ruralwatch.testing;

import cn.ruralwatch.embedded.DevIdentityProvider;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;

/**
 * Bearer tokens for tests, signed by the identity the service under test trusts.
 *
 * <p>A default caller set with {@link #authenticateAs} takes effect when set in {@code @BeforeEach}; a test that
 * switches callers puts the token on each request with {@link #as} instead (and clears the default).
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

    /** A request carrying a token of this role and division. */
    public static RequestSpecification as(String role, String division) {
        return RestAssured.given().header("Authorization", bearer(role, division));
    }

    /** Every REST Assured request of the test carries a token of this role and division. */
    public static void authenticateAs(String role, String division) {
        RestAssured.requestSpecification = new RequestSpecBuilder()
                .addHeader("Authorization", bearer(role, division))
                .build();
    }
}
