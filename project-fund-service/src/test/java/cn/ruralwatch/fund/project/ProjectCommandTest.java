package cn.ruralwatch.fund.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.ProblemType;
import cn.ruralwatch.problem.Violation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProjectCommandTest {

    static final LocalDate TODAY = LocalDate.of(2023, 6, 1);
    static final UUID HOUSEHOLD = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final UUID ELSEWHERE = UUID.fromString("00000000-0000-0000-0000-000000000002");
    static final UUID BATCH = UUID.fromString("00000000-0000-0000-0000-0000000000b1");

    /** A household of the county, one of another county; the divisions of the county that exist. */
    static final ProjectCommand.Directory DIRECTORY = new ProjectCommand.Directory() {
        final Map<UUID, String> villages = Map.of(HOUSEHOLD, "450422101201", ELSEWHERE, "450423101201");

        @Override
        public Optional<String> visibleVillageOf(UUID household) {
            return Optional.ofNullable(villages.get(household));
        }

        @Override
        public boolean knownDivision(String code) {
            return code.equals("450422") || code.equals("450422101") || code.equals("450422101201");
        }
    };

    static Project project(ProjectStage stage) {
        Project project = new Project();
        project.id = UUID.fromString("00000000-0000-0000-0000-00000000000f");
        project.countyCode = "450422";
        project.stage = stage;
        project.performanceTargets = List.of(new Project.PerformanceTarget("带动脱贫户", "户", BigDecimal.TEN, null));
        return project;
    }

    static ProjectApi.StepRequest request(ProjectAction action) {
        return new ProjectApi.StepRequest(action, TODAY, null, null, null, null, null, null, null);
    }

    static ProjectApi.StepRequest withNote(ProjectAction action, String note) {
        return new ProjectApi.StepRequest(action, TODAY, note, null, null, null, null, null, null);
    }

    static ProjectApi.StepRequest withBudget(ProjectAction action, String document, ProjectApi.BudgetRequest... lines) {
        return new ProjectApi.StepRequest(action, TODAY, "调整", document, null, List.of(lines), null, null, null);
    }

    static ProjectApi.StepRequest withProgress(ProjectAction action, Integer percent) {
        return new ProjectApi.StepRequest(action, TODAY, null, null, null, null, percent, null, null);
    }

    static ProjectApi.StepRequest withAssets(ProjectAction action, ProjectApi.AssetRequest... assets) {
        return new ProjectApi.StepRequest(action, TODAY, null, null, null, null, null, null, List.of(assets));
    }

    static ProjectApi.BudgetRequest line(UUID batch, String amount) {
        return new ProjectApi.BudgetRequest(batch, new BigDecimal(amount));
    }

    static ProjectApi.AssetRequest asset(AssetClass assetClass, OwnerType owner, String division, UUID household) {
        return new ProjectApi.AssetRequest("凤阁村屯级道路", assetClass, owner, division, household, new BigDecimal("100"));
    }

    static List<Violation> violations(ProjectApi.StepRequest request, Project project) {
        ProblemException problem = assertThrows(
                ProblemException.class, () -> ProjectCommand.read(request).checked(project, TODAY, DIRECTORY));
        assertEquals(ProblemType.VALIDATION_FAILED, problem.type());
        return problem.violations();
    }

    static List<String> codes(List<Violation> violations) {
        return violations.stream().map(v -> v.field() + ":" + v.code()).toList();
    }

    static ProjectCommand checked(ProjectApi.StepRequest request, Project project) {
        return ProjectCommand.read(request).checked(project, TODAY, DIRECTORY);
    }

    @Test
    void eachActionIsReadIntoItsOwnCommand() {
        assertInstanceOf(
                ProjectCommand.Apply.class,
                ProjectCommand.read(request(ProjectAction.APPLY)).command());
        assertInstanceOf(
                ProjectCommand.Review.class,
                ProjectCommand.read(request(ProjectAction.REVIEW)).command());
        assertInstanceOf(
                ProjectCommand.Return.class,
                ProjectCommand.read(request(ProjectAction.RETURN)).command());
        assertInstanceOf(
                ProjectCommand.Approve.class,
                ProjectCommand.read(request(ProjectAction.APPROVE)).command());
        assertInstanceOf(
                ProjectCommand.Start.class,
                ProjectCommand.read(request(ProjectAction.START)).command());
        assertInstanceOf(
                ProjectCommand.ReportProgress.class,
                ProjectCommand.read(request(ProjectAction.REPORT_PROGRESS)).command());
        assertInstanceOf(
                ProjectCommand.Complete.class,
                ProjectCommand.read(request(ProjectAction.COMPLETE)).command());
        assertInstanceOf(
                ProjectCommand.Accept.class,
                ProjectCommand.read(request(ProjectAction.ACCEPT)).command());
        assertInstanceOf(
                ProjectCommand.RegisterAssets.class,
                ProjectCommand.read(request(ProjectAction.REGISTER_ASSETS)).command());
        assertInstanceOf(
                ProjectCommand.Adjust.class,
                ProjectCommand.read(request(ProjectAction.ADJUST)).command());
        assertInstanceOf(
                ProjectCommand.Terminate.class,
                ProjectCommand.read(request(ProjectAction.TERMINATE)).command());
        for (ProjectAction action : ProjectAction.values()) {
            assertSame(action, ProjectCommand.read(request(action)).command().action());
        }
    }

    @Test
    void aStepTakenTomorrowIsRefused() {
        var request = new ProjectApi.StepRequest(
                ProjectAction.APPLY, TODAY.plusDays(1), null, null, null, null, null, null, null);
        assertEquals(List.of("performedOn:FUTURE"), codes(violations(request, project(ProjectStage.RESERVE))));
        assertInstanceOf(
                ProjectCommand.Apply.class, checked(request(ProjectAction.APPLY), project(ProjectStage.RESERVE)));
    }

    @Test
    void returnAdjustAndTerminateNeedTheReason() {
        assertEquals(
                List.of("note:REQUIRED"),
                codes(violations(withNote(ProjectAction.RETURN, " "), project(ProjectStage.APPLIED))));
        assertEquals(
                List.of("note:REQUIRED"),
                codes(violations(request(ProjectAction.TERMINATE), project(ProjectStage.RESERVE))));
        ProjectCommand command = checked(withNote(ProjectAction.RETURN, "材料不全"), project(ProjectStage.APPLIED));
        assertEquals("材料不全", command.step().note());
        var adjust = new ProjectApi.StepRequest(
                ProjectAction.ADJUST, TODAY, null, null, null, List.of(line(BATCH, "1")), null, null, null);
        assertEquals(List.of("note:REQUIRED"), codes(violations(adjust, project(ProjectStage.APPROVED))));
    }

    @Test
    void anApprovalNeedsTheDocumentAndABudgetNamingEachBatchOnce() {
        assertEquals(
                List.of("documentNumber:REQUIRED", "budget:REQUIRED"),
                codes(violations(request(ProjectAction.APPROVE), project(ProjectStage.REVIEWED))));
        assertEquals(
                List.of("budget[2].batchId:DUPLICATE"),
                codes(violations(
                        withBudget(
                                ProjectAction.APPROVE,
                                "藤乡振发〔2023〕12号",
                                line(BATCH, "1.00"),
                                line(UUID.randomUUID(), "2.00"),
                                line(BATCH, "3.00")),
                        project(ProjectStage.REVIEWED))));
        var approve = (ProjectCommand.Approve) checked(
                withBudget(ProjectAction.APPROVE, "藤乡振发〔2023〕12号", line(BATCH, "1.00")),
                project(ProjectStage.REVIEWED));
        assertEquals(1, approve.budget().size());
    }

    @Test
    void onlyApprovalAndAdjustmentTakeABudget() {
        assertEquals(
                List.of("budget:NOT_ALLOWED"),
                codes(violations(
                        withBudget(ProjectAction.START, null, line(BATCH, "1")), project(ProjectStage.APPROVED))));
    }

    @Test
    void progressIsRequiredForAReportAndNeverGoesBack() {
        Project project = project(ProjectStage.IMPLEMENTING);
        project.progressPercent = 40;
        assertEquals(
                List.of("progressPercent:REQUIRED"),
                codes(violations(withProgress(ProjectAction.REPORT_PROGRESS, null), project)));
        List<Violation> backwards = violations(withProgress(ProjectAction.REPORT_PROGRESS, 30), project);
        assertEquals(List.of("progressPercent:BACKWARDS"), codes(backwards));
        assertEquals(List.of(30, 40), backwards.getFirst().args());
        assertEquals(
                List.of("progressPercent:NOT_ALLOWED"),
                codes(violations(withProgress(ProjectAction.COMPLETE, 100), project)));
        var report = (ProjectCommand.ReportProgress) checked(withProgress(ProjectAction.REPORT_PROGRESS, 40), project);
        assertEquals(40, report.progressPercent());
    }

    @Test
    void assetsAreRequiredToRegisterAndOwnedAsTheirClassSays() {
        Project project = project(ProjectStage.ACCEPTED);
        assertEquals(List.of("assets:REQUIRED"), codes(violations(request(ProjectAction.REGISTER_ASSETS), project)));
        assertEquals(
                List.of(
                        "assets[0].ownerHouseholdId:REQUIRED",
                        "assets[0].assetClass:OWNER_MISMATCH",
                        "assets[1].ownerHouseholdId:UNKNOWN_HOUSEHOLD",
                        "assets[2].ownerDivisionCode:OWNER_DIVISION",
                        "assets[2].ownerHouseholdId:NOT_ALLOWED",
                        "assets[3].ownerDivisionCode:UNKNOWN_DIVISION",
                        "assets[4].ownerDivisionCode:UNKNOWN_DIVISION"),
                codes(violations(
                        withAssets(
                                ProjectAction.REGISTER_ASSETS,
                                asset(AssetClass.OPERATING, OwnerType.HOUSEHOLD, null, null),
                                asset(AssetClass.HOUSEHOLD, OwnerType.HOUSEHOLD, null, ELSEWHERE),
                                asset(AssetClass.PUBLIC_WELFARE, OwnerType.TOWNSHIP, "450422101201", HOUSEHOLD),
                                asset(AssetClass.PUBLIC_WELFARE, OwnerType.VILLAGE_COLLECTIVE, "450423101201", null),
                                asset(AssetClass.PUBLIC_WELFARE, OwnerType.VILLAGE_COLLECTIVE, "450422101299", null)),
                        project)));
        var register = (ProjectCommand.RegisterAssets) checked(
                withAssets(
                        ProjectAction.REGISTER_ASSETS,
                        asset(AssetClass.HOUSEHOLD, OwnerType.HOUSEHOLD, null, HOUSEHOLD),
                        asset(AssetClass.PUBLIC_WELFARE, OwnerType.VILLAGE_COLLECTIVE, "450422101201", null),
                        asset(AssetClass.OPERATING, OwnerType.TOWNSHIP, "450422101", null),
                        asset(AssetClass.OPERATING, OwnerType.COUNTY, "450422", null)),
                project);
        assertEquals(4, register.assets().size());
        assertEquals(
                List.of("assets:NOT_ALLOWED"),
                codes(violations(
                        withAssets(ProjectAction.ACCEPT, asset(AssetClass.OPERATING, OwnerType.COUNTY, "450422", null)),
                        project(ProjectStage.COMPLETED))));
    }

    @Test
    void actualsNameTheProjectsTargets() {
        var request = new ProjectApi.StepRequest(
                ProjectAction.ACCEPT,
                TODAY,
                null,
                null,
                null,
                null,
                null,
                List.of(
                        new ProjectApi.ActualRequest("带动脱贫户", BigDecimal.ONE),
                        new ProjectApi.ActualRequest("道路里程", BigDecimal.ONE)),
                null);
        assertEquals(
                List.of("actuals[1].name:UNKNOWN_TARGET"), codes(violations(request, project(ProjectStage.COMPLETED))));
    }

    @Test
    void violationsComeInTheOrderOfTheFields() {
        var request = new ProjectApi.StepRequest(
                ProjectAction.REPORT_PROGRESS,
                TODAY.plusDays(2),
                null,
                null,
                null,
                List.of(line(BATCH, "1")),
                null,
                List.of(new ProjectApi.ActualRequest("没有的指标", BigDecimal.ONE)),
                List.of(asset(AssetClass.OPERATING, OwnerType.COUNTY, "450422", null)));
        assertEquals(
                List.of(
                        "performedOn:FUTURE",
                        "budget:NOT_ALLOWED",
                        "progressPercent:REQUIRED",
                        "assets:NOT_ALLOWED",
                        "actuals[0].name:UNKNOWN_TARGET"),
                codes(violations(request, project(ProjectStage.IMPLEMENTING))));
    }
}
