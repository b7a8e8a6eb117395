package cn.ruralwatch.fund.project;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** A household a project benefits 联农带农, and how. */
@Entity
@Table(name = "project_beneficiary")
@IdClass(ProjectBeneficiary.Key.class)
public class ProjectBeneficiary {

    @Id
    @Column(name = "project_id")
    public UUID projectId;

    @Id
    @Column(name = "household_id")
    public UUID householdId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProjectApi.Linkage linkage;

    public record Key(UUID projectId, UUID householdId) implements Serializable {}
}
