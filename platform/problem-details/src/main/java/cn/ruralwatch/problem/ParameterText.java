package cn.ruralwatch.problem;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Path and query parameters are text, and only text PostgreSQL can store goes further: a NUL, a lone UTF-16
 * surrogate, or the replacement character that stands for bytes which were not UTF-8, answers 400 naming the
 * parameter before any resource sees it. (JSON bodies are checked as they are read, see {@link RequestJson}.)
 */
public class ParameterText {

    @ServerRequestFilter
    public void check(UriInfo uri) {
        List<Violation> violations = new ArrayList<>();
        check(uri.getPathParameters(), violations);
        check(uri.getQueryParameters(), violations);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
    }

    private static void check(MultivaluedMap<String, String> parameters, List<Violation> violations) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = StrictJsonParser.printable(parameter.getKey());
            Violation invalidName = violation(name, parameter.getKey());
            if (invalidName != null) {
                violations.add(invalidName);
                continue;
            }
            for (String value : parameter.getValue()) {
                Violation invalid = violation(name, value);
                if (invalid != null) {
                    violations.add(invalid);
                    break;
                }
            }
        }
    }

    private static Violation violation(String field, String text) {
        return StorableText.violation(field, text, true);
    }
}
