package cn.ruralwatch.household.cadre;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A cadre responsible for a household from {@code startsOn} until {@code endsOn} (excluded; open while current). A
 * household has one current assignment of each kind.
 */
@Entity
@Table(name = "cadre_assignment")
public class CadreAssignment {

    /** Why an assignment ended. */
    @Schema(name = "CadreAssignmentEndReason", description = "帮扶干部结对结束的原因")
    public enum EndReason {
        /** Another cadre of the kind took over. */
        REASSIGNED,
        /** The cadre left the roster. */
        CADRE_LEFT
    }

    @Id
    public UUID id;

    @Column(name = "household_id", nullable = false)
    public UUID householdId;

    @Column(name = "cadre_id", nullable = false)
    public UUID cadreId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CadreKind kind;

    @Column(name = "starts_on", nullable = false)
    public LocalDate startsOn;

    @Column(name = "ends_on")
    public LocalDate endsOn;

    @Column(nullable = false)
    public String reason;

    @Enumerated(EnumType.STRING)
    @Column(name = "end_reason")
    public EndReason endReason;

    @Column(name = "assigned_by", nullable = false)
    public String assignedBy;

    @Column(name = "assigned_at", nullable = false)
    public Instant assignedAt;

    public boolean current() {
        return endsOn == null;
    }

    public void end(LocalDate on, EndReason why) {
        endsOn = on;
        endReason = why;
    }
}
