package cn.ruralwatch.deadletters;

import cn.ruralwatch.access.Roles;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.OASFactory;
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
        secure(operation);
        String suffix = "Of" + camel(service);
        if (id != null && !id.endsWith(suffix)) {
            operation.setOperationId(id + suffix);
        }
    }

    /**
     * The roles of each operation, as {@code @RolesAllowed} on {@link DeadLetterResource} enforces them: declared here
     * because the generated document leaves out the security of operations a resource inherits.
     */
    private static void secure(Operation operation) {
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            return;
        }
        String id = operation.getOperationId() == null ? "" : operation.getOperationId();
        List<String> roles = id.startsWith("list") || id.startsWith("get")
                ? List.of(Roles.OPERATOR, Roles.AUDITOR)
                : List.of(Roles.OPERATOR);
        operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(SCHEME, roles));
    }

    /** The name the suite's documents give the bearer-token scheme. */
    static final String SCHEME = "SecurityScheme";

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
