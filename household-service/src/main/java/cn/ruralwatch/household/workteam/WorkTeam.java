package cn.ruralwatch.household.workteam;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The 驻村工作队 a unit sent to a village; one per village. Its members are {@link WorkTeamMember}s. */
@Entity
@Table(name = "work_team")
public class WorkTeam {

    @Id
    public UUID id;

    @Column(name = "village_code", nullable = false)
    public String villageCode;

    /** 派驻单位 */
    @Column(name = "dispatching_unit", nullable = false)
    public String dispatchingUnit;

    @Column(name = "formed_on", nullable = false)
    public LocalDate formedOn;

    /** 派驻期满 */
    @Column(name = "term_ends_on")
    public LocalDate termEndsOn;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Set on every change of the team or its members, so that the version (the ETag) moves with them. */
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
