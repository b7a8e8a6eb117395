package cn.ruralwatch.problem;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The HTTP versions the plain (unencrypted) port speaks: HTTP/1.1 only. A request that asks to upgrade to cleartext
 * HTTP/2 ({@code Upgrade: h2c}) is answered in HTTP/1.1, as RFC 9110 §7.8 allows. Java's {@code HttpClient} asks for
 * that upgrade by default, and it misreads a large answer to the upgraded request now and then (a frame header read
 * in the middle of a DATA frame: "Frame type(110) length(7302757) exceeds MAX_FRAME_SIZE"), although every frame the
 * server wrote was well formed; so other government systems calling the API with Java's client would lose some
 * answers (the merged OpenAPI document, long lists, exports). HTTP/2 over TLS, negotiated by ALPN when the port is
 * configured for TLS, is not affected.
 */
@ApplicationScoped
public class HttpProtocols implements HttpServerOptionsCustomizer {

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setHttp2ClearTextEnabled(false);
    }
}
