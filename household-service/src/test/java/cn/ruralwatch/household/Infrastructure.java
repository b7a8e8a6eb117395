package cn.ruralwatch.household;

import cn.ruralwatch.testing.SuiteInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** One PostgreSQL and one Kafka for every test class of this module, and one application start. */
@WithTestResource(
        value = SuiteInfrastructure.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "household"))
public final class Infrastructure {

    private Infrastructure() {}
}
