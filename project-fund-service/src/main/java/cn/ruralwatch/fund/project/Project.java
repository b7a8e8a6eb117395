package cn.ruralwatch.fund.project;

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

    /** 绩效目标: what the project promises (e.g. 带动脱贫户 23 户) and, once reported, what it achieved. */
    public record PerformanceTarget(String name, String unit, BigDecimal target, BigDecimal actual) {}
}
