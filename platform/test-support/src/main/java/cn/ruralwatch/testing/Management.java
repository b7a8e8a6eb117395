package cn.ruralwatch.testing;

import io.quarkus.test.common.http.TestHTTPResourceManager;
import io.restassured.RestAssured;
import java.net.URI;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The management interface of the application under test: health checks and metrics answer there, on a port of
 * their own ({@code quarkus.management.test-port}, a free one in tests), never on the HTTP port.
 */
public final class Management {

    /** A sample: name, labels, value, and an exemplar (the trace of a recorded span) when tracing records. */
    private static final Pattern SAMPLE =
            Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([^}]*)})? (\\S+)(?: # \\{[^}]*} \\S+(?: \\S+)?)?$");

    private Management() {}

    /** Base URL of the management interface, e.g. {@code http://localhost:41237}. */
    public static String url() {
        // the test URL names the management root path as well (http://localhost:41237/q)
        URI root = URI.create(TestHTTPResourceManager.getManagementUri());
        return root.getScheme() + "://" + root.getAuthority();
    }

    /** The Prometheus text of {@code /q/metrics}. */
    public static String metrics() {
        return RestAssured.given()
                .baseUri(url())
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    /**
     * The sum of the samples of a metric whose labels include the given ones (e.g. {@code outcome="COMPLETED"}); 0
     * when there is none.
     */
    public static double sum(String metrics, String name, Map<String, String> labels) {
        double total = 0;
        Matcher sample = SAMPLE.matcher(metrics);
        while (sample.find()) {
            if (!sample.group(1).equals(name)) {
                continue;
            }
            String present = sample.group(3) == null ? "" : sample.group(3);
            if (labels.entrySet().stream()
                    .allMatch(label -> present.contains(label.getKey() + "=\"" + label.getValue() + "\""))) {
                total += Double.parseDouble(sample.group(4));
            }
        }
        return total;
    }

    /** Whether the metric has at least one sample. */
    public static boolean has(String metrics, String name) {
        Matcher sample = SAMPLE.matcher(metrics);
        while (sample.find()) {
            if (sample.group(1).equals(name)) {
                return true;
            }
        }
        return false;
    }
}
