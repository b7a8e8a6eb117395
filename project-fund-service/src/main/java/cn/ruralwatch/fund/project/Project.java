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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
