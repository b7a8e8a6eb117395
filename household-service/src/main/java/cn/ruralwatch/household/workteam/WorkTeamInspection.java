package cn.ruralwatch.household.workteam;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A 督查 or 抽查 of a work team: who inspected, what was found and what followed. */
@Entity
@Table(name = "work_team_inspection")
public class WorkTeamInspection {

    @Id
    public UUID id;

    @Column(name = "team_id", nullable = false)
    public UUID teamId;

    @Column(name = "inspected_on", nullable = false)
    public LocalDate inspectedOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InspectionKind kind;

    /** 督查单位 */
    @Column(name = "inspecting_body", nullable = false)
    public String inspectingBody;

    /** The problems found, one a line; none for {@link InspectionOutcome#NO_ISSUES}. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> findings = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InspectionOutcome outcome;

    /** The member the outcome concerns (required for a recall). */
    @Column(name = "member_id")
    public UUID memberId;

    public String note;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
