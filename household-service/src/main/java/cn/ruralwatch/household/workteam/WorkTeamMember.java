package cn.ruralwatch.household.workteam;

import cn.ruralwatch.household.household.PersonalNumberColumns;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One member's service on a work team, from {@code joinsOn} until {@code leavesOn} (excluded; open while serving). A
 * rotation ends one service on the day the successor's begins and links the two.
 */
@Entity
@Table(name = "work_team_member")
public class WorkTeamMember {

    @Id
    public UUID id;

    @Column(name = "team_id", nullable = false)
    public UUID teamId;

    @Column(nullable = false)
    public String name;

    /** 工作单位 */
    @Column(nullable = false)
    public String unit;

    /** 联系电话; stored encrypted ({@link PersonalNumberColumns}), shown by role like the cadres'. */
    @Convert(converter = PersonalNumberColumns.Phone.class)
    @Column(name = "phone_cipher", nullable = false)
    public String phone;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public WorkTeamRole role;

    @Column(name = "joins_on", nullable = false)
    public LocalDate joinsOn;

    @Column(name = "leaves_on")
    public LocalDate leavesOn;

    @Column(name = "leave_reason")
    public String leaveReason;

    @Column(name = "predecessor_id")
    public UUID predecessorId;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public boolean current() {
        return leavesOn == null;
    }

    /** Whether the member served on the team that day. */
    public boolean servedOn(LocalDate day) {
        return !day.isBefore(joinsOn) && (leavesOn == null || day.isBefore(leavesOn));
    }

    public void leave(LocalDate on, String reason) {
        leavesOn = on;
        leaveReason = reason;
    }
}
