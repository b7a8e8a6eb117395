package cn.ruralwatch.deadletters;

import cn.ruralwatch.access.AccessMatrixDocument;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Locale;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;

/**
 * Every consuming service serves the same dead-letter operations under its own path; in the suite's merged document
 * an operation id must name one operation, so each gets its service's name: {@code listDeadLetters} of
 * {@code /api/v1/dead-letters/report-service} becomes {@code listDeadLettersOfReportService}.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class DeadLetterOperationIds implements OASFilter {

    static final String BASE = "/api/v1/dead-letters/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith(BASE)) {
                String service = path.substring(BASE.length()).split("/", 2)[0];
                for (Operation operation : item.getOperations().values()) {
                    name(operation, service);
                }
            }
        });
    }

    private static void name(Operation operation, String service) {
        String id = operation.getOperationId();
        // the matrix knows the operation by the id it is declared with, before it gets its service's name
        AccessMatrixDocument.secure(operation, id);
        String suffix = "Of" + camel(service);
        if (id != null && !id.endsWith(suffix)) {
            operation.setOperationId(id + suffix);
        }
    }

    private static String camel(String service) {
        StringBuilder name = new StringBuilder();
        for (String part : service.split("-")) {
            if (!part.isEmpty()) {
                name.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
            }
        }
        return name.toString();
    }
}
