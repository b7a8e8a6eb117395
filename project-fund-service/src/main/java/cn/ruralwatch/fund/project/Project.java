package cn.ruralwatch.fund.project;

import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.ProblemType;
import cn.ruralwatch.problem.Violation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A project 项目 of the county's project pool, from reserve to asset registration. */
@Entity
@Table(name = "project")
public class Project {

    @Id
    public UUID id;

    @Column(name = "county_code", nullable = false)
    public String countyCode;

    /** Where it is carried out: a village, or a township or the county for projects across villages. */
    @Column(name = "division_code", nullable = false)
    public String divisionCode;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "project_type", nullable = false)
    public ProjectType type;

    @Column(name = "project_year", nullable = false)
    public int year;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProjectStage stage;

    public String description;

    @Column(name = "planned_investment", nullable = false)
    public BigDecimal plannedInvestment;

    @Column(name = "progress_percent", nullable = false)
    public int progressPercent;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "performance_targets", nullable = false)
    public List<PerformanceTarget> performanceTargets = new ArrayList<>();

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /**
     * A new project of the reserve 项目库, carried out in a division of its county; 400 when a performance target is
     * named twice.
     */
    public static Project register(ProjectApi.Registration request, Instant now) {
        List<PerformanceTarget> targets = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<ProjectApi.TargetRequest> requested =
                request.performanceTargets() == null ? List.of() : request.performanceTargets();
        for (int i = 0; i < requested.size(); i++) {
            ProjectApi.TargetRequest target = requested.get(i);
            if (!names.add(target.name())) {
                violations.add(Violation.of(
                        "performanceTargets[" + i + "].name", "DUPLICATE", "project.target.duplicate", target.name()));
            }
            targets.add(new PerformanceTarget(target.name(), target.unit(), target.target(), null));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        Project project = new Project();
        project.id = UUID.randomUUID();
        project.countyCode = request.divisionCode().substring(0, 6);
        project.divisionCode = request.divisionCode();
        project.name = request.name().strip();
        project.type = request.projectType();
        project.year = request.year();
        project.stage = ProjectStage.RESERVE;
        project.description = request.description();
        project.plannedInvestment = request.plannedInvestment().setScale(2, RoundingMode.UNNECESSARY);
        project.performanceTargets = targets;
        project.createdAt = now;
        project.updatedAt = now;
        return project;
    }

    /** 409 for a terminated project, which changes no more. */
    public void requireNotTerminated() {
        if (stage == ProjectStage.TERMINATED) {
            throw ProblemException.conflict("project.terminated", id);
        }
    }

    /**
     * 400 unless each household the project is to benefit is named once and is a household of the project's county
     * that the caller may see.
     */
    public void checkBeneficiaries(List<ProjectApi.BeneficiaryRequest> households, ProjectCommand.Directory directory) {
        List<Violation> violations = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < households.size(); i++) {
            UUID household = households.get(i).householdId();
            String field = "households[" + i + "].householdId";
            if (!seen.add(household)) {
                violations.add(Violation.of(field, "DUPLICATE", "project.beneficiary.duplicate", household));
            } else if (directory
                    .visibleVillageOf(household)
                    .filter(village -> village.startsWith(countyCode))
                    .isEmpty()) {
                violations.add(Violation.of(field, "UNKNOWN_HOUSEHOLD", "fund.household.unknown", household));
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
    }

    /** The actions the project's stage allows, in lifecycle order. */
    public List<ProjectAction> allowedActions() {
        return ProjectAction.from(stage);
    }

    /** 409 when the project's stage does not allow {@code action}. */
    public void requireAllows(ProjectAction action) {
        if (!action.allowedFrom(stage)) {
            throw new ProblemException(
                    ProblemType.CONFLICT,
                    "project.step.illegal",
                    List.of(action, stage, allowedActions()),
                    List.of(Violation.of("action", "ILLEGAL_TRANSITION", "project.step.illegal.field", action, stage)));
        }
    }

    public boolean hasTarget(String name) {
        return performanceTargets.stream().anyMatch(target -> target.name().equals(name));
    }

    /**
     * Takes a step the stage allows on the project itself: the progress it reports or completes, the targets'
     * actuals, and the stage it leads to. The money and assets of the step are the service's.
     *
     * @return the stage the project leaves
     */
    public ProjectStage apply(ProjectCommand command, Instant now) {
        requireAllows(command.action());
        switch (command) {
            case ProjectCommand.ReportProgress report -> progressPercent = report.progressPercent();
            case ProjectCommand.Complete complete -> progressPercent = 100;
            default -> {}
        }
        recordActuals(command.step().actuals());
        ProjectStage from = stage;
        stage = command.action().next(from);
        updatedAt = now;
        return from;
    }

    /** The last actual reported for a target wins; targets not reported keep theirs. */
    private void recordActuals(List<ProjectApi.ActualRequest> actuals) {
        if (actuals.isEmpty()) {
            return;
        }
        List<PerformanceTarget> updated = new ArrayList<>();
        for (PerformanceTarget target : performanceTargets) {
            BigDecimal actual = target.actual();
            for (ProjectApi.ActualRequest reported : actuals) {
                if (reported.name().equals(target.name())) {
                    actual = reported.actual();
                }
            }
            updated.add(new PerformanceTarget(target.name(), target.unit(), target.target(), actual));
        }
        performanceTargets = updated;
    }

    /** 绩效目标: what the project promises (e.g. 带动脱贫户 23 户) and, once reported, what it achieved. */
    public record PerformanceTarget(String name, String unit, BigDecimal target, BigDecimal actual) {}
}
