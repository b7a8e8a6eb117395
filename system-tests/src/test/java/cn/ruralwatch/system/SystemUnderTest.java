package cn.ruralwatch.system;

import cn.ruralwatch.launcher.Suite;
import cn.ruralwatch.launcher.SuiteSettings;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What a system test drives.
 *
 * <p>By default the suite it starts itself on this machine ({@link Suite}: the packaged services as processes, on an
 * embedded PostgreSQL and Kafka whose rows and topics the tests read, and which they stop, kill and start again).
 *
 * <p>With {@code -Druralwatch.target=GATEWAY_URL} a deployment that already runs elsewhere — the containers of
 * {@code bin/containers test} — reached only as its callers reach it: through the gateway, with tokens from its
 * development issuer ({@code -Druralwatch.target.issuer=URL}, {@code GET /token?role&division}). Tests that need more
 * than that carry the tag {@value #LOCAL_SUITE}; the system-tests module leaves them out of such a run.
 */
public final class SystemUnderTest implements AutoCloseable {

    /** Tag of the tests that need the suite's processes, databases or topics at hand. */
    public static final String LOCAL_SUITE = "local-suite";

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Suite suite;
    private final String gatewayUrl;
    private final String issuerUrl;

    private SystemUnderTest(Suite suite, String gatewayUrl, String issuerUrl) {
        this.suite = suite;
        this.gatewayUrl = gatewayUrl;
        this.issuerUrl = issuerUrl;
    }

    /**
     * The deployment {@code ruralwatch.target} names, or a suite started here with the ephemeral settings, logs in
     * {@code logs} and {@code environment} for every service (ignored by a deployment, which has its own).
     */
    static SystemUnderTest start(Path logs, Map<String, String> environment) throws Exception {
        String target = System.getProperty("ruralwatch.target", "");
        if (!target.isBlank()) {
            String issuer = System.getProperty("ruralwatch.target.issuer", "");
            if (issuer.isBlank()) {
                throw new IllegalStateException("-Druralwatch.target needs -Druralwatch.target.issuer: the URL of the"
                        + " deployment's development token issuer (bin/containers test sets both)");
            }
            return new SystemUnderTest(null, stripSlash(target), stripSlash(issuer));
        }
        Path root = Path.of(System.getProperty("ruralwatch.root", "..")).toAbsolutePath();
        Suite suite = Suite.start(SuiteSettings.ephemeral(root, logs).withEnvironment(environment));
        return new SystemUnderTest(suite, suite.gatewayUrl(), null);
    }

    /** Whether this is a deployment reached through its gateway only. */
    boolean external() {
        return suite == null;
    }

    /** The suite started here; a test that asks for it in an external run lacks the {@value #LOCAL_SUITE} tag. */
    Suite suite() {
        if (suite == null) {
            throw new IllegalStateException("this test needs the suite's processes, databases or topics: tag it "
                    + LOCAL_SUITE + ", which an external run (-Druralwatch.target) leaves out");
        }
        return suite;
    }

    String gatewayUrl() {
        return gatewayUrl;
    }

    /** A token the services accept: signed here with the suite's key, or issued by the deployment's issuer. */
    String token(String subject, String role, String division, Duration validity) {
        if (suite != null) {
            return suite.identity().token(subject, role, division, validity);
        }
        String query = "role=" + encode(role) + "&division=" + encode(division) + "&subject=" + encode(subject)
                + "&hours=" + Math.max(1, validity.toHours());
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuerUrl + "/token?" + query))
                .timeout(Duration.ofSeconds(10))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("The development issuer " + issuerUrl + " refused a token for " + role
                        + " in " + division + ": " + response.statusCode() + " " + response.body());
            }
            return response.body().strip();
        } catch (IOException e) {
            throw new IllegalStateException("The development issuer " + issuerUrl + " does not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking " + issuerUrl + " for a token", e);
        }
    }

    @Override
    public void close() {
        if (suite != null) {
            suite.close();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
