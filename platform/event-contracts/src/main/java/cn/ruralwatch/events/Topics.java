package cn.ruralwatch.events;

/** Kafka topics of the suite: one per producing service, keyed by aggregate id. */
public final class Topics {

    /** Divisions and households, published by household-service, keyed by division code or household id. */
    public static final String HOUSEHOLD_EVENTS = "household-events";
    /** Evaluation results (keyed by household id) and monitoring lines (keyed by region:year), published by indicator-service. */
    public static final String INDICATOR_EVENTS = "indicator-events";
    /** Funds, projects and benefits, published by project-fund-service, keyed by their id. */
    public static final String FUND_EVENTS = "fund-events";
    /**
     * Warning clues (预警线索) that other government systems (medical insurance, civil affairs, education, housing, water,
     * emergency management, human resources) send to household-service, keyed by their own reference.
     */
    public static final String CLUE_INTAKE = "clue-intake";
    /** The CloudEvents type of the clues on {@link #CLUE_INTAKE}. */
    public static final String CLUE_REPORTED = "warning-clue.reported.v1";

    /** Audit entries of every service (changes, full reads of personal numbers), keyed by entity id. */
    public static final String AUDIT_EVENTS = "audit-events";

    private Topics() {}
}
