package cn.ruralwatch.household.monitoring;

import cn.ruralwatch.problem.ProblemException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An identification (识别) or risk-elimination (风险消除) case and the review steps recorded on it. The steps must be
 * walked in order; a failed step ends the case; the county decision ends it either way.
 */
@Entity
@Table(name = "monitoring_case")
public class MonitoringCase {

    @Id
    public UUID id;

    @Column(name = "household_id", nullable = false)
    public UUID householdId;

    @Column(name = "village_code", nullable = false)
    public String villageCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseStatus status = CaseStatus.OPEN;

    @Enumerated(EnumType.STRING)
    @Column(name = "next_step")
    public ReviewStep nextStep = ReviewStep.HOME_VERIFICATION;

    /** The proposed 监测对象类别 (identification). */
    @Enumerated(EnumType.STRING)
    public cn.ruralwatch.household.household.MonitoringCategory category;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "risk_types", nullable = false)
    public List<String> riskTypes = new ArrayList<>();

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "opened_by", nullable = false)
    public String openedBy;

    @Column(nullable = false)
    public LocalDate deadline;

    @Column(name = "decided_at")
    public Instant decidedAt;

    public String reason;

    @Version
    public long version;

    @ElementCollection
    @CollectionTable(name = "case_step", joinColumns = @JoinColumn(name = "case_id"))
    @OrderColumn(name = "position")
    public List<CaseStep> steps = new ArrayList<>();

    /**
     * Records the next step. Answers 409 when the case is decided or the step is not the next one: the path cannot be
     * skipped, repeated or walked backwards.
     */
    public void record(CaseStep step) {
        requireNext(step.step);
        steps.add(step);
        if (step.outcome == StepOutcome.FAILED) {
            status = CaseStatus.REJECTED;
            nextStep = null;
            decidedAt = step.recordedAt;
        } else if (step.step == ReviewStep.COUNTY_DECISION) {
            status = CaseStatus.APPROVED;
            nextStep = null;
            decidedAt = step.recordedAt;
        } else {
            nextStep = step.step.next();
        }
    }

    /** Answers 409 unless the case is open and the step is its next one. */
    public void requireNext(ReviewStep step) {
        if (status != CaseStatus.OPEN) {
            throw ProblemException.conflict("monitoring.case.closed", id, status);
        }
        if (step != nextStep) {
            throw ProblemException.conflict("monitoring.case.step-order", step, nextStep);
        }
    }

    public void withdraw(Instant at, String why) {
        if (status != CaseStatus.OPEN) {
            throw ProblemException.conflict("monitoring.case.closed", id, status);
        }
        status = CaseStatus.WITHDRAWN;
        nextStep = null;
        decidedAt = at;
        reason = why;
    }

    public boolean overdue(LocalDate today) {
        return status == CaseStatus.OPEN && today.isAfter(deadline);
    }

    /** The step that failed, if the case was rejected. */
    public ReviewStep failedStep() {
        return steps.stream()
                .filter(s -> s.outcome == StepOutcome.FAILED)
                .map(s -> s.step)
                .findFirst()
                .orElse(null);
    }
}
