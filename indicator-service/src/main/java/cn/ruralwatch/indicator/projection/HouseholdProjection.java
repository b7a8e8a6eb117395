package cn.ruralwatch.indicator.projection;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A household as indicator-service knows it from household-events. */
@Entity
@Table(name = "household_projection")
public class HouseholdProjection {

    @Id
    @Column(name = "household_id")
    public UUID householdId;

    @Column(name = "village_code", nullable = false)
    public String villageCode;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @OneToMany(mappedBy = "household", cascade = CascadeType.ALL, orphanRemoval = true)
    public List<MemberProjection> members = new ArrayList<>();
}
