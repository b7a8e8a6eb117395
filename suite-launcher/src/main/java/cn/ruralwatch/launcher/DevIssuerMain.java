package cn.ruralwatch.launcher;

import cn.ruralwatch.embedded.DevIdentityProvider;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.Use;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.lang.JoseException;

/**
 * The development token issuer of the container deployment ({@code docker-compose.dev.yml}): the same issuer as
 * {@code bin/suite token} ({@link DevIdentityProvider}, its key pair generated at the first start in {@code --keys}),
 * served over HTTP so that the services can fetch its public key and a developer can ask for a token.
 *
 * <ul>
 *   <li>{@code GET /jwks}: the public key as a JSON Web Key Set, for {@code MP_JWT_VERIFY_PUBLICKEY_LOCATION};
 *   <li>{@code GET /token?role=ROLE&division=CODE[&subject=NAME][&hours=N]}: a signed token as text;
 *   <li>{@code GET /health}: 200 once the keys are loaded.
 * </ul>
 *
 * <p>Anyone who reaches it gets a token for any role: it is for development only, and the services refuse its issuer
 * in the prod profile ({@code DevIssuerGuard}).
 *
 * <p>Arguments: {@code [--port N] [--keys DIR]} (default 8080 and {@code /var/lib/dev-issuer}).
 */
public final class DevIssuerMain {

    private static final int MAX_HOURS = 24 * 7;

    private final DevIdentityProvider identity;
    private final String jwks;

    private DevIssuerMain(DevIdentityProvider identity, String jwks) {
        this.identity = identity;
        this.jwks = jwks;
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(option(args, "--port", "8080"));
        Path keys = Path.of(option(args, "--keys", "/var/lib/dev-issuer"));
        HttpServer server = start(port, keys);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(1)));
        System.out.println("Development token issuer " + DevIdentityProvider.ISSUER + " on port " + port + " (keys in "
                + keys + "): GET /jwks, GET /token?role=ROLE&division=CODE");
    }

    /** Serves the issuer whose keys are in {@code keys} (generated there first if missing) on {@code port} (0: any). */
    static HttpServer start(int port, Path keys) throws IOException {
        DevIdentityProvider identity = DevIdentityProvider.inDirectory(keys, DevIdentityProvider.ISSUER);
        DevIssuerMain issuer = new DevIssuerMain(identity, jwks(identity.publicKeyFile()));
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 50);
        server.createContext("/", issuer::handle);
        server.setExecutor(
                Executors.newFixedThreadPool(2, Thread.ofPlatform().daemon().factory()));
        server.start();
        return server;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!"GET".equals(exchange.getRequestMethod())) {
                problem(exchange, 405, "方法不允许", "只支持 GET");
                return;
            }
            switch (path) {
                case "/jwks" -> send(exchange, 200, "application/json", jwks);
                case "/health" -> send(exchange, 200, "application/json", "{\"status\":\"UP\"}");
                case "/token" -> token(exchange);
                default -> problem(exchange, 404, "未找到", "没有这个地址：" + path + "（可用 /jwks、/token、/health）");
            }
        }
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String role = query.get("role");
        String division = query.get("division");
        if (role == null || division == null) {
            problem(exchange, 400, "参数缺失", "需要 role 和 division，例如 /token?role=county-admin&division=450422");
            return;
        }
        if (!DevTokenMain.ROLES.contains(role)) {
            problem(
                    exchange,
                    400,
                    "角色无效",
                    "未知角色 " + role + "；可用角色："
                            + String.join(
                                    "、", DevTokenMain.ROLES.stream().sorted().toList()));
            return;
        }
        if (!DevTokenMain.DIVISION.matcher(division).matches()) {
            problem(exchange, 400, "区划代码无效", "division 须为 2、4、6、9 或 12 位区划代码：" + division);
            return;
        }
        String subject = query.getOrDefault("subject", "dev-" + role);
        if (subject.isBlank() || subject.length() > 100) {
            problem(exchange, 400, "用户名无效", "subject 须为 1 至 100 个字符");
            return;
        }
        int hours;
        try {
            hours = Integer.parseInt(query.getOrDefault("hours", "8"));
        } catch (NumberFormatException notANumber) {
            hours = 0;
        }
        if (hours < 1 || hours > MAX_HOURS) {
            problem(exchange, 400, "有效期无效", "hours 须为 1 至 " + MAX_HOURS + " 的整数");
            return;
        }
        send(exchange, 200, "text/plain", identity.token(subject, role, division, Duration.ofHours(hours)) + "\n");
    }

    /** The query's parameters, each name once (the first value counts); a malformed escape makes the value null. */
    private static Map<String, String> query(String raw) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            try {
                parameters.putIfAbsent(
                        URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException malformed) {
                parameters.putIfAbsent(name, "");
            }
        }
        return parameters;
    }

    private static void problem(HttpExchange exchange, int status, String title, String detail) throws IOException {
        String body = "{\"type\":\"about:blank\",\"title\":\"" + json(title) + "\",\"status\":" + status
                + ",\"detail\":\"" + json(detail) + "\"}";
        send(exchange, status, "application/problem+json", body);
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=UTF-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** The public key of the PEM file as a JWKS with the key id the tokens carry. */
    static String jwks(Path publicKeyFile) {
        try {
            String pem = Files.readString(publicKeyFile, StandardCharsets.US_ASCII);
            byte[] der = Base64.getDecoder()
                    .decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
            PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
            PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(key);
            jwk.setKeyId(DevIdentityProvider.KEY_ID);
            jwk.setUse(Use.SIGNATURE);
            jwk.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
            return new JsonWebKeySet(jwk).toJson();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the development public key " + publicKeyFile, e);
        } catch (GeneralSecurityException | JoseException e) {
            throw new IllegalStateException("Not an RSA public key: " + publicKeyFile, e);
        }
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
