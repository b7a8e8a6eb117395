package cn.ruralwatch.fund.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.ProblemType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The project's stage machine. */
class ProjectTest {

    static final Instant NOW = Instant.parse("2023-06-01T02:00:00Z");

    static ProjectCommand.Step step() {
        return new ProjectCommand.Step(LocalDate.of(2023, 6, 1), "说明", "文号", null, null);
    }

    static Project at(ProjectStage stage) {
        Project project = ProjectCommandTest.project(stage);
        project.performanceTargets = List.of(
                new Project.PerformanceTarget("带动脱贫户", "户", BigDecimal.TEN, null),
                new Project.PerformanceTarget("道路里程", "公里", BigDecimal.ONE, BigDecimal.ZERO));
        return project;
    }

    @Test
    void walksFromTheReserveToRegisteredAssets() {
        Project project = at(ProjectStage.RESERVE);
        List<ProjectCommand> steps = List.of(
                new ProjectCommand.Apply(step()),
                new ProjectCommand.Review(step()),
                new ProjectCommand.Approve(step(), List.of()),
                new ProjectCommand.Start(step()),
                new ProjectCommand.ReportProgress(step(), 60),
                new ProjectCommand.Adjust(step(), List.of()),
                new ProjectCommand.Complete(step()),
                new ProjectCommand.Accept(step()),
                new ProjectCommand.RegisterAssets(step(), List.of()));
        List<ProjectStage> left = steps.stream().map(c -> project.apply(c, NOW)).toList();
        assertEquals(
                List.of(
                        ProjectStage.RESERVE,
                        ProjectStage.APPLIED,
                        ProjectStage.REVIEWED,
                        ProjectStage.APPROVED,
                        ProjectStage.IMPLEMENTING,
                        ProjectStage.IMPLEMENTING,
                        ProjectStage.IMPLEMENTING,
                        ProjectStage.COMPLETED,
                        ProjectStage.ACCEPTED),
                left);
        assertEquals(ProjectStage.ASSETS_REGISTERED, project.stage);
        assertEquals(List.of(), project.allowedActions());
        assertEquals(NOW, project.updatedAt);
    }

    @Test
    void aReturnedProjectGoesBackToTheReserve() {
        Project project = at(ProjectStage.REVIEWED);
        assertEquals(ProjectStage.REVIEWED, project.apply(new ProjectCommand.Return(step()), NOW));
        assertEquals(ProjectStage.RESERVE, project.stage);
    }

    @Test
    void progressIsReportedAndCompletionMakesItWhole() {
        Project project = at(ProjectStage.IMPLEMENTING);
        project.apply(new ProjectCommand.ReportProgress(step(), 60), NOW);
        assertEquals(60, project.progressPercent);
        assertEquals(ProjectStage.IMPLEMENTING, project.stage);
        project.apply(new ProjectCommand.Complete(step()), NOW);
        assertEquals(100, project.progressPercent);
    }

    @Test
    void anIllegalStepIsAConflictNamingWhatIsAllowed() {
        Project project = at(ProjectStage.APPLIED);
        ProblemException problem =
                assertThrows(ProblemException.class, () -> project.apply(new ProjectCommand.Start(step()), NOW));
        assertEquals(ProblemType.CONFLICT, problem.type());
        assertEquals("project.step.illegal", problem.detailKey());
        assertEquals(
                List.of(
                        ProjectAction.START,
                        ProjectStage.APPLIED,
                        List.of(ProjectAction.REVIEW, ProjectAction.RETURN, ProjectAction.TERMINATE)),
                problem.detailArgs());
        assertEquals("ILLEGAL_TRANSITION", problem.violations().getFirst().code());
        assertEquals(ProjectStage.APPLIED, project.stage);
    }

    @Test
    void aTerminatedProjectTakesNoStep() {
        Project project = at(ProjectStage.IMPLEMENTING);
        project.apply(new ProjectCommand.Terminate(step()), NOW);
        assertEquals(ProjectStage.TERMINATED, project.stage);
        for (ProjectAction action : ProjectAction.values()) {
            assertThrows(ProblemException.class, () -> project.requireAllows(action));
        }
        assertFalse(at(ProjectStage.COMPLETED).allowedActions().contains(ProjectAction.TERMINATE));
    }

    @Test
    void reportedActualsReplaceTheTargetsOwn() {
        Project project = at(ProjectStage.COMPLETED);
        var step = new ProjectCommand.Step(
                LocalDate.of(2023, 6, 1),
                null,
                null,
                null,
                List.of(
                        new ProjectApi.ActualRequest("带动脱贫户", new BigDecimal("8")),
                        new ProjectApi.ActualRequest("带动脱贫户", new BigDecimal("9"))));
        project.apply(new ProjectCommand.Accept(step), NOW);
        assertEquals(new BigDecimal("9"), project.performanceTargets.get(0).actual());
        assertEquals(BigDecimal.ZERO, project.performanceTargets.get(1).actual());
        assertTrue(project.hasTarget("道路里程"));
        assertFalse(project.hasTarget("没有的指标"));
    }

    static ProjectApi.Registration registration(ProjectApi.TargetRequest... targets) {
        return new ProjectApi.Registration(
                "450422101201",
                " 凤阁村百香果种植基地 ",
                ProjectType.INDUSTRY,
                2023,
                new BigDecimal("365500"),
                "屯级道路硬化",
                targets.length == 0 ? null : List.of(targets));
    }

    @Test
    void aRegisteredProjectStartsInTheReserveOfItsCounty() {
        Project project =
                Project.register(registration(new ProjectApi.TargetRequest("带动脱贫户", "户", new BigDecimal("23"))), NOW);
        assertEquals(ProjectStage.RESERVE, project.stage);
        assertEquals("450422", project.countyCode);
        assertEquals("凤阁村百香果种植基地", project.name);
        assertEquals(new BigDecimal("365500.00"), project.plannedInvestment);
        assertEquals(
                List.of(new Project.PerformanceTarget("带动脱贫户", "户", new BigDecimal("23"), null)),
                project.performanceTargets);
        assertEquals(NOW, project.createdAt);
        assertEquals(List.of(ProjectAction.APPLY, ProjectAction.TERMINATE), project.allowedActions());
        assertEquals(List.of(), Project.register(registration(), NOW).performanceTargets);
    }

    @Test
    void aTargetNamedTwiceIsRefused() {
        ProblemException problem = assertThrows(
                ProblemException.class,
                () -> Project.register(
                        registration(
                                new ProjectApi.TargetRequest("带动脱贫户", "户", BigDecimal.ONE),
                                new ProjectApi.TargetRequest("道路里程", "公里", BigDecimal.ONE),
                                new ProjectApi.TargetRequest("带动脱贫户", "人", BigDecimal.TEN)),
                        NOW));
        assertEquals(ProblemType.VALIDATION_FAILED, problem.type());
        assertEquals(
                "performanceTargets[2].name", problem.violations().getFirst().field());
        assertEquals("DUPLICATE", problem.violations().getFirst().code());
    }

    @Test
    void aTerminatedProjectTakesNoMoreBeneficiaries() {
        at(ProjectStage.IMPLEMENTING).requireNotTerminated();
        ProblemException problem = assertThrows(
                ProblemException.class, () -> at(ProjectStage.TERMINATED).requireNotTerminated());
        assertEquals("project.terminated", problem.detailKey());
    }

    @Test
    void beneficiariesAreHouseholdsOfTheCountyEachNamedOnce() {
        Project project = at(ProjectStage.IMPLEMENTING);
        project.checkBeneficiaries(
                List.of(new ProjectApi.BeneficiaryRequest(ProjectCommandTest.HOUSEHOLD, ProjectApi.Linkage.DIVIDEND)),
                ProjectCommandTest.DIRECTORY);
        ProblemException problem = assertThrows(
                ProblemException.class,
                () -> project.checkBeneficiaries(
                        List.of(
                                new ProjectApi.BeneficiaryRequest(
                                        ProjectCommandTest.HOUSEHOLD, ProjectApi.Linkage.DIVIDEND),
                                new ProjectApi.BeneficiaryRequest(
                                        ProjectCommandTest.ELSEWHERE, ProjectApi.Linkage.EMPLOYMENT),
                                new ProjectApi.BeneficiaryRequest(
                                        ProjectCommandTest.HOUSEHOLD, ProjectApi.Linkage.TRAINING)),
                        ProjectCommandTest.DIRECTORY));
        assertEquals(
                List.of("households[1].householdId:UNKNOWN_HOUSEHOLD", "households[2].householdId:DUPLICATE"),
                ProjectCommandTest.codes(problem.violations()));
    }
}
