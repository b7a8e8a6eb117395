package cn.ruralwatch.report;

import cn.ruralwatch.testing.SuiteInfrastructure;
import cn.ruralwatch.testing.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.specification.RequestSpecification;

/** One PostgreSQL and one Kafka for every test class of this module, and one application start. */
@WithTestResource(
        value = SuiteInfrastructure.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "report"))
public final class Infrastructure {

    private Infrastructure() {}

    /** A request carrying a token of this role and division. */
    public static RequestSpecification as(String role, String division) {
        return RestAssured.given().header("Authorization", Tokens.bearer(role, division));
    }

    /** Every REST Assured request of the test carries a token of this role and division. */
    public static void authenticateAs(String role, String division) {
        RestAssured.requestSpecification = new RequestSpecBuilder()
                .addHeader("Authorization", Tokens.bearer(role, division))
                .build();
    }
}
