package cn.ruralwatch.launcher;

import java.util.List;

/**
 * A service of the suite as the launcher starts it.
 *
 * @param name module name, e.g. {@code household-service}
 * @param database its PostgreSQL database, or null (gateway)
 * @param gatewayKey its key in the gateway's {@code ruralwatch.gateway.services} map, or null (gateway)
 */
public record ServiceSpec(String name, String database, String gatewayKey) {

    public static final ServiceSpec HOUSEHOLD = new ServiceSpec("household-service", "household", "household");
    public static final ServiceSpec INDICATOR = new ServiceSpec("indicator-service", "indicator", "indicator");
    public static final ServiceSpec PROJECT_FUND = new ServiceSpec("project-fund-service", "project_fund", "fund");
    public static final ServiceSpec REPORT = new ServiceSpec("report-service", "report", "report");
    public static final ServiceSpec GATEWAY = new ServiceSpec("gateway", null, null);

    /** In start order: the gateway last. */
    public static final List<ServiceSpec> ALL = List.of(HOUSEHOLD, INDICATOR, PROJECT_FUND, REPORT, GATEWAY);

    public boolean hasDatabase() {
        return database != null;
    }
}
