package cn.ruralwatch.report;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.path.json.JsonPath;
import java.time.Duration;

/** Report jobs as a caller follows them. */
final class Jobs {

    private Jobs() {}

    /** Waits until the job at its address has finished, and checks it finished well (its error shown otherwise). */
    static JsonPath done(String location) {
        JsonPath finished = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> given().get(location)
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath(),
                        job -> !"QUEUED".equals(job.getString("state")) && !"RUNNING".equals(job.getString("state")));
        assertEquals("DONE", finished.getString("state"), finished.prettify());
        return finished;
    }
}
