package cn.ruralwatch.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ruralwatch.embedded.DevIdentityProvider;
import com.sun.net.httpserver.HttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevIssuerMainTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path keys;

    private HttpServer server;
    private String url;

    @BeforeEach
    void start() throws Exception {
        server = DevIssuerMain.start(0, keys);
        url = "http://localhost:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aTokenItIssuesVerifiesAgainstTheKeySetItServes() throws Exception {
        HttpResponse<String> token =
                get("/token?role=township-officer&division=450422101&subject=%E9%9F%A6%E6%9F%90&hours=2");
        assertEquals(200, token.statusCode());
        HttpResponse<String> jwks = get("/jwks");
        assertEquals(200, jwks.statusCode());
        assertTrue(jwks.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));

        JwtConsumer consumer = new JwtConsumerBuilder()
                .setExpectedIssuer(DevIdentityProvider.ISSUER)
                .setExpectedAudience(DevIdentityProvider.AUDIENCE)
                .setRequireExpirationTime()
                .setVerificationKeyResolver(
                        new JwksVerificationKeyResolver(new JsonWebKeySet(jwks.body()).getJsonWebKeys()))
                .build();
        JwtClaims claims = consumer.processToClaims(token.body().strip());
        assertEquals("韦某", claims.getSubject());
        assertEquals(List.of("township-officer"), claims.getStringListClaimValue("groups"));
        assertEquals("450422101", claims.getStringClaimValue("division"));
        long lifetime =
                claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue();
        assertEquals(2 * 3600, lifetime, 60);
        assertEquals(
                DevIdentityProvider.KEY_ID,
                new JsonWebKeySet(jwks.body()).getJsonWebKeys().getFirst().getKeyId());
    }

    @Test
    void theKeysOutliveARestart() throws Exception {
        String before = get("/jwks").body();
        server.stop(0);
        server = DevIssuerMain.start(0, keys);
        url = "http://localhost:" + server.getAddress().getPort();
        assertEquals(before, get("/jwks").body());
        assertEquals(200, get("/health").statusCode());
    }

    @Test
    void badRequestsAnswerProblems() throws Exception {
        for (String bad : List.of(
                "/token?division=450422",
                "/token?role=county-admin",
                "/token?role=root&division=450422",
                "/token?role=county-admin&division=4504221",
                "/token?role=county-admin&division=450422&hours=0",
                "/token?role=county-admin&division=450422&hours=9999999999",
                "/token?role=county-admin&division=450422&hours=x",
                "/token?role=county-admin&division=45%E4",
                "/nothing-here")) {
            HttpResponse<String> response = get(bad);
            assertTrue(
                    response.statusCode() == 400 || response.statusCode() == 404, bad + " → " + response.statusCode());
            assertTrue(
                    response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"),
                    bad);
            assertTrue(response.body().contains("\"status\":" + response.statusCode()), bad + " → " + response.body());
        }
        HttpResponse<String> post = HTTP.send(
                HttpRequest.newBuilder(URI.create(url + "/token"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
