package cn.ruralwatch.access;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who may do what: every operation of the suite, by its operation id, and the roles that may call it. This table is
 * the only place where roles are granted: {@link AccessMatrixFilter} enforces it on every request, {@link
 * AccessMatrixDocument} writes it into each operation's {@code security} in the OpenAPI documents, and {@code
 * docs/security.md} describes it. An operation without a row here is refused to every caller.
 *
 * <p>Where a role's data ends (the caller's division) is decided by each service where it queries ({@link
 * CallerScope}); this table only says which kinds of caller may ask at all.
 */
public final class AccessMatrix {

    /** Reads the data of the caller's region (查阅). */
    private static final List<String> EVERY_DATA_ROLE =
            List.of(Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CLERK, Roles.AUDITOR, Roles.INTEGRATION);

    /** Registers households and does the monitoring and assistance work: officials and other government systems. */
    private static final List<String> OFFICIALS_AND_SYSTEMS =
            List.of(Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CLERK, Roles.INTEGRATION);

    /** Decisions and records only an official of the county, a township or a village makes. */
    private static final List<String> OFFICIALS =
            List.of(Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CLERK);

    /** The county's own decisions: divisions, standards, funds, templates. */
    private static final List<String> COUNTY = List.of(Roles.COUNTY_ADMIN);

    /** Decisions of the county or a township. */
    private static final List<String> COUNTY_AND_TOWNSHIP = List.of(Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER);

    /** Running the deployment. */
    private static final List<String> OPERATIONS = List.of(Roles.OPERATOR);

    /** Looking into the deployment's parked events. */
    private static final List<String> OPERATIONS_AND_AUDIT = List.of(Roles.AUDITOR, Roles.OPERATOR);

    /** Cancelling a job: who may start it, and operations. */
    private static final List<String> JOB_OWNERS_AND_OPERATIONS =
            List.of(Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CLERK, Roles.INTEGRATION, Roles.OPERATOR);

    /** Following report jobs. */
    private static final List<String> EVERY_ROLE = List.of(
            Roles.COUNTY_ADMIN,
            Roles.TOWNSHIP_OFFICER,
            Roles.VILLAGE_CLERK,
            Roles.AUDITOR,
            Roles.INTEGRATION,
            Roles.OPERATOR);

    /** Cancelling an evaluation job. */
    private static final List<String> COUNTY_TOWNSHIP_AND_OPERATIONS =
            List.of(Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER, Roles.OPERATOR);

    /** Microcredit loans: the county, a township or the bank's system. */
    private static final List<String> COUNTY_TOWNSHIP_AND_SYSTEMS =
            List.of(Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER, Roles.INTEGRATION);

    /** Share requirements and benefit rules: the county or the provincial system. */
    private static final List<String> COUNTY_AND_SYSTEMS = List.of(Roles.COUNTY_ADMIN, Roles.INTEGRATION);

    /** The audit log. */
    private static final List<String> AUDIT = List.of(Roles.AUDITOR);

    /** Reconciling the reports. */
    private static final List<String> COUNTY_TOWNSHIP_AND_AUDIT =
            List.of(Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER, Roles.AUDITOR);

    /** Work report templates. */
    private static final List<String> OFFICIALS_AND_AUDIT =
            List.of(Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CLERK, Roles.AUDITOR);

    private static final Map<String, List<String>> ROLES_BY_OPERATION = new Rows()
            .allow(
                    EVERY_DATA_ROLE,
                    // household-service
                    "checkEliminationCriteria",
                    "countHouseholds",
                    "downloadHouseholdImportErrors",
                    "findHouseholdByIdNumber",
                    "getCadre",
                    "getGuidanceNotice",
                    "getRectification",
                    "getRectificationSummary",
                    "getWorkTeam",
                    "getWorkTeamInspection",
                    "getWorkTeamTraining",
                    "getDivision",
                    "getHousehold",
                    "getHouseholdCadres",
                    "getHouseholdImport",
                    "getHouseholdRevision",
                    "getMonitoringCase",
                    "getScreeningCampaign",
                    "getScreeningCampaignResults",
                    "getScreeningStatistics",
                    "getVisitRule",
                    "getWarningClue",
                    "householdImportTemplate",
                    "listAssistanceMeasures",
                    "listAssistanceVisits",
                    "listCadreVisits",
                    "listCadres",
                    "listCadresMissingVisits",
                    "listGuidanceNotices",
                    "listOverdueRectifications",
                    "listRectifications",
                    "listVillagesWithoutWorkTeam",
                    "listWorkTeamInspections",
                    "listWorkTeamTrainings",
                    "listWorkTeams",
                    "listDivisionChildren",
                    "listDivisionPopulation",
                    "listDivisionRevisions",
                    "listHouseholdImportErrors",
                    "listHouseholdImports",
                    "listHouseholdRevisions",
                    "listHouseholds",
                    "listHouseholdsWithoutCadre",
                    "listMonitoringCases",
                    "listOverdueVisits",
                    "listScreeningCampaigns",
                    "listWarningClues",
                    "searchHouseholds",
                    // indicator-service
                    "countEvaluations",
                    "evaluateDivision",
                    "exportFailingHouseholds",
                    "getEvaluationJob",
                    "getFigureCheck",
                    "getHouseholdEvaluations",
                    "getIndicatorRates",
                    "getIndicatorStandard",
                    "getIndicatorStandardVersion",
                    "getVillageFacts",
                    "listEvaluationJobs",
                    "listFailingHouseholds",
                    "listFigureChecks",
                    "listIndicatorResultChanges",
                    "listIndicatorStandardVersions",
                    "listIndicatorStandards",
                    "listPopulationBaseDifferences",
                    "listStandardParameters",
                    "listVillageFactsHistory",
                    // project-fund-service
                    "getBenefitRule",
                    "getBenefitRuleInForce",
                    "getDisbursement",
                    "getFundBatch",
                    "getFundUsage",
                    "getHouseholdBenefit",
                    "getIndustryDriver",
                    "getIndustryDriverSummary",
                    "getMicrocreditLoan",
                    "getProject",
                    "getProjectAsset",
                    "getPvDistributionPlan",
                    "getPvRevenueSummary",
                    "getPvStation",
                    "listAssetRevenues",
                    "listBenefitRules",
                    "listDisbursements",
                    "listFundBatches",
                    "listHouseholdBenefitTotals",
                    "listHouseholdBenefits",
                    "listIndustryDrivers",
                    "listMicrocreditLoans",
                    "listProjectAssets",
                    "listProjectBeneficiaries",
                    "listProjectSteps",
                    "listProjects",
                    "listPvDistributionPlans",
                    "listPvMonthlyOutputs",
                    "listPvStations",
                    "listShareRequirements",
                    // report-service
                    "downloadReportJobFile",
                    "exportBreakdown",
                    "exportMonthlyReport",
                    "exportMonthlySeries",
                    "exportReportHouseholds",
                    "getBreakdown",
                    "getHouseholdDossier",
                    "getMonthlyReport",
                    "getMonthlySeries",
                    "getNaturalChanges",
                    "getOverview",
                    "listReportHouseholds",
                    "queueReportHouseholdsExport")
            .allow(
                    OFFICIALS_AND_SYSTEMS,
                    // household-service
                    "addAssistanceMeasure",
                    "addAssistanceVisit",
                    "addPastMonitoringEpisode",
                    "assignCadre",
                    "changeHead",
                    "changeMembers",
                    "closeScreeningCampaign",
                    "createScreeningCampaign",
                    "deactivateCadre",
                    "getCaseNotice",
                    "importHouseholds",
                    "mergeHousehold",
                    "openEliminationCase",
                    "openIdentificationCase",
                    "putHouseholdIncome",
                    "recordCaseStep",
                    "registerCadre",
                    "registerHousehold",
                    "reportWarningClue",
                    "splitHousehold",
                    "updateCadre",
                    "updateHousehold",
                    "updateMember",
                    // project-fund-service
                    "grantHouseholdBenefit")
            .allow(
                    OFFICIALS,
                    // household-service
                    "closeRectification",
                    "triageWarningClue",
                    "updateRectification",
                    "withdrawCase",
                    // indicator-service
                    "checkDeclaredFigures",
                    "putVillageFacts",
                    // project-fund-service
                    "createPvDistributionPlan",
                    "recordAssetRevenue",
                    "registerIndustryDriver",
                    "recordPvMonthlyOutput",
                    "registerProject",
                    "replacePvDistributionPlan",
                    "setIndustryDriverHouseholds",
                    "setProjectBeneficiaries",
                    "takeProjectStep",
                    // report-service
                    "createWorkReport")
            .allow(
                    COUNTY,
                    // household-service
                    "registerDivision",
                    "renameDivision",
                    "setVillageStatus",
                    // indicator-service
                    "retireIndicatorStandard",
                    "saveIndicatorStandard",
                    "setStandardParameter",
                    // project-fund-service
                    "recordDisbursement",
                    "registerFundBatch",
                    // report-service
                    "saveWorkReportTemplate",
                    "takeMonthlySnapshot")
            .allow(
                    COUNTY_AND_TOWNSHIP,
                    // household-service
                    "importDivisions",
                    "addWorkTeamMember",
                    "formWorkTeam",
                    "inspectWorkTeam",
                    "issueGuidanceNotice",
                    "recordWorkTeamTraining",
                    "registerRectification",
                    "rotateWorkTeamMember",
                    "setDivisionPopulation",
                    "setVisitRule",
                    "updateWorkTeam",
                    // indicator-service
                    "checkIndicatorStandard",
                    "createEvaluationJob",
                    // project-fund-service
                    "disposeProjectAsset",
                    "publishPvDistributionPlan",
                    "registerPvStation")
            .allow(
                    OPERATIONS,
                    // platform/dead-letters
                    "discardDeadLetter",
                    "redriveDeadLetter",
                    "redriveDeadLetters",
                    // household-service
                    "getStateRepublicationJob",
                    "republishHouseholdStates",
                    // report-service
                    "rebuildReadModels")
            .allow(
                    OPERATIONS_AND_AUDIT,
                    // platform/dead-letters
                    "getDeadLetter",
                    "listDeadLetters")
            .allow(
                    JOB_OWNERS_AND_OPERATIONS,
                    // household-service
                    "cancelHouseholdImport",
                    // report-service
                    "cancelReportJob")
            .allow(
                    EVERY_ROLE,
                    // household-service: who the caller is (no personal data of others)
                    "getCaller",
                    // gateway: the code tables, the words of every coded value (no data)
                    "listCodeTables",
                    "getCodeTable",
                    // report-service
                    "getReportJob",
                    "listReportJobs")
            .allow(
                    COUNTY_TOWNSHIP_AND_SYSTEMS,
                    // project-fund-service
                    "recordMicrocreditLoan",
                    "repayMicrocreditLoan")
            .allow(
                    OFFICIALS_AND_AUDIT,
                    // report-service
                    "getWorkReportTemplate",
                    "listWorkReportTemplates")
            .allow(
                    COUNTY_TOWNSHIP_AND_OPERATIONS,
                    // indicator-service
                    "cancelEvaluationJob")
            .allow(
                    COUNTY_AND_SYSTEMS,
                    // project-fund-service
                    "setBenefitRule",
                    "setShareRequirement")
            .allow(
                    AUDIT,
                    // report-service
                    "listAuditEntries")
            .allow(
                    COUNTY_TOWNSHIP_AND_AUDIT,
                    // report-service
                    "reconcileReports")
            .rows;

    private AccessMatrix() {}

    /** The roles that may call the operation, in the order of {@link Roles}; empty if the operation has no row. */
    public static Optional<List<String>> rolesOf(String operationId) {
        return Optional.ofNullable(ROLES_BY_OPERATION.get(operationId));
    }

    /** Whether a caller holding these roles may call the operation; never for an operation without a row. */
    public static boolean allows(String operationId, Set<String> callerRoles) {
        List<String> allowed = ROLES_BY_OPERATION.get(operationId);
        return allowed != null && allowed.stream().anyMatch(callerRoles::contains);
    }

    /** Every operation the table names. */
    public static Set<String> operations() {
        return Collections.unmodifiableSet(ROLES_BY_OPERATION.keySet());
    }

    private static final class Rows {

        private final Map<String, List<String>> rows = new LinkedHashMap<>();

        Rows allow(List<String> roles, String... operationIds) {
            for (String operationId : operationIds) {
                if (rows.put(operationId, roles) != null) {
                    throw new IllegalStateException("two rows for " + operationId);
                }
            }
            return this;
        }
    }
}
