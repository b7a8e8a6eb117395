package cn.ruralwatch.gateway;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Decides which service answers a path. */
public final class RouteTable {

    /** One pattern of one service. */
    record Route(String service, String pattern, String[] segments, int literals) {

        static Route of(String service, String pattern) {
            String[] segments = split(pattern);
            for (int i = 0; i < segments.length; i++) {
                if (segments[i].equals("**") && i != segments.length - 1) {
                    throw new IllegalArgumentException("'**' must end the pattern: " + pattern);
                }
            }
            int literals = 0;
            for (String segment : segments) {
                if (!segment.equals("*") && !segment.equals("**")) {
                    literals++;
                }
            }
            return new Route(service, pattern, segments, literals);
        }

        boolean matches(String[] path) {
            for (int i = 0; i < segments.length; i++) {
                if (segments[i].equals("**")) {
                    return true;
                }
                if (i >= path.length) {
                    return false;
                }
                if (!segments[i].equals("*") && !segments[i].equals(path[i])) {
                    return false;
                }
            }
            return path.length == segments.length;
        }
    }

    private final List<Route> routes;

    private RouteTable(List<Route> routes) {
        this.routes = routes;
    }

    /** Routes of every service; a pattern claimed by two services is a configuration error. */
    public static RouteTable of(Map<String, List<String>> patternsByService) {
        List<Route> routes = new ArrayList<>();
        patternsByService.forEach((service, patterns) -> patterns.forEach(p -> routes.add(Route.of(service, p))));
        for (int i = 0; i < routes.size(); i++) {
            for (int j = i + 1; j < routes.size(); j++) {
                if (routes.get(i).pattern().equals(routes.get(j).pattern())) {
                    throw new IllegalArgumentException("Route " + routes.get(i).pattern() + " is claimed by both "
                            + routes.get(i).service() + " and " + routes.get(j).service());
                }
            }
        }
        // most literal segments first, then longest, so a specific route beats a wildcard one
        routes.sort(Comparator.comparingInt(Route::literals)
                .thenComparingInt(r -> r.segments().length)
                .reversed());
        return new RouteTable(List.copyOf(routes));
    }

    /** The service answering a path, if any. */
    public Optional<String> serviceFor(String path) {
        String[] segments = split(path);
        for (Route route : routes) {
            if (route.matches(segments)) {
                return Optional.of(route.service());
            }
        }
        return Optional.empty();
    }

    /** Turns an OpenAPI path template into a concrete path for routing: {@code {id}} becomes a segment. */
    public Optional<String> serviceForTemplate(String template) {
        return serviceFor(template.replaceAll("\\{[^/]+}", "x"));
    }

    private static String[] split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/");
    }
}
