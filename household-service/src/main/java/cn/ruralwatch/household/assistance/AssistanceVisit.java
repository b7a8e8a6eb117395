package cn.ruralwatch.household.assistance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A visit (走访) of a responsible cadre to a household. */
@Entity
@Table(name = "assistance_visit")
public class AssistanceVisit {

    @Id
    public UUID id;

    @Column(name = "household_id", nullable = false)
    public UUID householdId;

    /** The name of the cadre who visited: typed in for the visits logged by name only, the roster's otherwise. */
    @Column(name = "cadre_name", nullable = false)
    public String cadreName;

    /** The roster's cadre who visited; null for visits logged by name only. */
    @Column(name = "cadre_id")
    public UUID cadreId;

    @Column(name = "visited_on", nullable = false)
    public LocalDate visitedOn;

    @Column(nullable = false)
    public String note;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
