package cn.ruralwatch.events;

/** CloudEvents {@code type} of every event: versioned nouns in the past tense. */
public final class EventTypes {

    public static final String DIVISION_REGISTERED = "division.registered.v1";
    public static final String DIVISION_RENAMED = "division.renamed.v1";
    public static final String VILLAGE_STATUS_SET = "village.status-set.v1";
    public static final String DIVISION_POPULATION_SET = "division.population-set.v1";
    public static final String HOUSEHOLD_REGISTERED = "household.registered.v1";
    public static final String HOUSEHOLD_CHANGED = "household.changed.v1";
    public static final String MEMBER_ADDED = "member.added.v1";
    public static final String MEMBER_REMOVED = "member.removed.v1";
    public static final String HOUSEHOLD_CATEGORY_CHANGED = "household.category-changed.v1";
    public static final String RISK_ELIMINATED = "risk.eliminated.v1";
    public static final String MONITORING_CASE_OPENED = "monitoring-case.opened.v1";
    public static final String MONITORING_CASE_DECIDED = "monitoring-case.decided.v1";
    public static final String ASSISTANCE_MEASURE_ADDED = "assistance-measure.added.v1";
    public static final String SCREENING_CAMPAIGN_OPENED = "screening-campaign.opened.v1";
    public static final String SCREENING_CAMPAIGN_CLOSED = "screening-campaign.closed.v1";
    public static final String CADRE_REGISTERED = "cadre.registered.v1";
    public static final String CADRE_CHANGED = "cadre.changed.v1";
    public static final String CADRE_ASSIGNED = "cadre.assigned.v1";
    public static final String VISIT_RECORDED = "visit.recorded.v1";
    public static final String VISIT_RULE_SET = "visit-rule.set.v1";
    public static final String WORK_TEAM_FORMED = "work-team.formed.v1";
    public static final String WORK_TEAM_CHANGED = "work-team.changed.v1";
    public static final String WORK_TEAM_MEMBER_JOINED = "work-team.member-joined.v1";
    public static final String WORK_TEAM_MEMBER_ROTATED = "work-team.member-rotated.v1";
    public static final String WORK_TEAM_TRAINED = "work-team.trained.v1";
    public static final String WORK_TEAM_INSPECTED = "work-team.inspected.v1";
    public static final String GUIDANCE_NOTICE_ISSUED = "guidance-notice.issued.v1";
    public static final String RECTIFICATION_REGISTERED = "rectification.registered.v1";
    public static final String RECTIFICATION_CHANGED = "rectification.changed.v1";
    public static final String RECTIFICATION_CLOSED = "rectification.closed.v1";
    public static final String EVALUATION_CHANGED = "evaluation.changed.v1";
    public static final String RISK_DETECTED = "risk.detected.v1";
    public static final String MONITORING_LINE_SET = "monitoring-line.set.v1";
    public static final String STANDARD_STATUS_SET = "standard.status-set.v1";
    public static final String FUND_BATCH_REGISTERED = "fund-batch.registered.v1";
    public static final String PROJECT_CHANGED = "project.changed.v1";
    public static final String DISBURSEMENT_RECORDED = "disbursement.recorded.v1";
    public static final String HOUSEHOLD_BENEFITS_TOTALLED = "household-benefits.totalled.v1";
    public static final String PV_STATION_REGISTERED = "pv-station.registered.v1";
    public static final String PV_OUTPUT_RECORDED = "pv-output.recorded.v1";
    public static final String PV_PLAN_PUBLISHED = "pv-plan.published.v1";
    public static final String AUDIT_RECORDED = "audit.recorded.v1";

    private EventTypes() {}
}
