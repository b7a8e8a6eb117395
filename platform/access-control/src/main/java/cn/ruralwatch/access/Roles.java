package cn.ruralwatch.access;

import java.util.Set;

/**
 * The roles of the suite, carried in the token's {@code groups} claim. What each may do is the {@link AccessMatrix},
 * described in {@code docs/security.md}.
 */
public final class Roles {

    /** 县级管理员: manages the division tree, funds, and everything in the county. */
    public static final String COUNTY_ADMIN = "county-admin";
    /** 乡镇干部: registers and follows households of the township. */
    public static final String TOWNSHIP_OFFICER = "township-officer";
    /** 村级信息员: keeps the village's household data current. */
    public static final String VILLAGE_CLERK = "village-clerk";
    /** 审计: reads everything in scope, changes nothing, reads the audit log. */
    public static final String AUDITOR = "auditor";
    /** 其他政府系统: machine clients (medical insurance, civil affairs, education…). */
    public static final String INTEGRATION = "integration";
    /**
     * 运维: runs the deployment — re-drives or discards dead letters, rebuilds read models. Sees no household data
     * through these operations and changes none by hand.
     */
    public static final String OPERATOR = "operator";

    /** The roles that work with the county's data ({@link #OPERATOR} runs the deployment instead). */
    public static final Set<String> ALL = Set.of(COUNTY_ADMIN, TOWNSHIP_OFFICER, VILLAGE_CLERK, AUDITOR, INTEGRATION);

    private Roles() {}
}
