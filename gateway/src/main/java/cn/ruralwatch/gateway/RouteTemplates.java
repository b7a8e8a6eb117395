package cn.ruralwatch.gateway;

import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.regex.Pattern;

/**
 * The gateway forwards paths it does not parse, so its request metrics would carry every household's id in the
 * {@code uri} label (one series per household). The label is written as a route template instead: a UUID becomes
 * {@code {id}}, a number or a division code {@code {code}}, a standard's code (NATIONAL_HOUSEHOLD_2021) {@code {code}}:
 * {@code /api/v1/households/{id}/evaluations}, {@code /api/v1/divisions/{code}/children}.
 */
@Singleton
public class RouteTemplates {

    private static final Pattern UUID =
            Pattern.compile("/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?=/|$)");
    private static final Pattern NUMBER = Pattern.compile("/[0-9]+(?=/|$)");
    private static final Pattern CODE = Pattern.compile("/[A-Z][A-Z0-9_]*[0-9_][A-Z0-9_]*(?=/|$)");
    private static final Pattern QUERY = Pattern.compile("[?#].*$");

    /** The uri label of a request as its route's template. */
    public static String template(String uri) {
        if (uri == null) {
            return null;
        }
        String path = QUERY.matcher(uri).replaceFirst("");
        path = UUID.matcher(path).replaceAll("/{id}");
        path = NUMBER.matcher(path).replaceAll("/{code}");
        return CODE.matcher(path).replaceAll("/{code}");
    }

    @Produces
    @Singleton
    MeterFilter uriAsTemplate() {
        return MeterFilter.replaceTagValues("uri", RouteTemplates::template);
    }
}
