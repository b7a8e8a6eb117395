package cn.ruralwatch.household.workteam;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/** A training (培训) a county or township held for members of its work teams, and who attended. */
@Entity
@Table(name = "work_team_training")
public class WorkTeamTraining {

    @Id
    public UUID id;

    @Column(name = "region_code", nullable = false)
    public String regionCode;

    @Column(name = "held_on", nullable = false)
    public LocalDate heldOn;

    @Column(nullable = false)
    public String topic;

    /** 学时 */
    @Column(nullable = false)
    public BigDecimal hours;

    public String organizer;

    @ElementCollection
    @CollectionTable(name = "work_team_training_attendee", joinColumns = @JoinColumn(name = "training_id"))
    @Column(name = "member_id")
    public Set<UUID> memberIds = new LinkedHashSet<>();

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
