package cn.ruralwatch.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.smallrye.openapi.runtime.io.Format;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The gateway's own OpenAPI document: the operations it answers itself (the code tables, {@code
 * META-INF/openapi.yaml}), completed like every service's document by the suite's filters (access matrix, problem
 * answers). The suite's merged document takes it in with the services' documents.
 */
@ApplicationScoped
public class GatewayDocument {

    @Inject
    OpenApiDocumentService documents;

    @Inject
    ObjectMapper mapper;

    private volatile JsonNode document;

    /** The document, read once: it is built with the gateway and does not change while it runs. */
    JsonNode get() {
        JsonNode current = document;
        if (current == null) {
            try {
                current = mapper.readTree(documents.getDocument(Format.JSON));
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
            document = current;
        }
        return current;
    }
}
