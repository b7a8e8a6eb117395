package cn.ruralwatch.household.screening;

import cn.ruralwatch.problem.ProblemException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A 集中排查: a township or the county goes through its households over a period, and records the clues it finds. */
@Entity
@Table(name = "screening_campaign")
public class ScreeningCampaign {

    @Id
    public UUID id;

    /** The township or county screened. */
    @Column(name = "region_code", nullable = false)
    public String regionCode;

    @Column(nullable = false)
    public String name;

    @Column(name = "starts_on", nullable = false)
    public LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    public LocalDate endsOn;

    /** The households the office reports it went through. */
    @Column(name = "households_covered", nullable = false)
    public int householdsCovered;

    /** The registered agricultural households of the region when the campaign was created. */
    @Column(name = "registered_households", nullable = false)
    public int registeredHouseholds;

    public String note;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CampaignStatus status = CampaignStatus.OPEN;

    @Column(name = "closed_on")
    public LocalDate closedOn;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "closed_by")
    public String closedBy;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Version
    public long version;

    /** Whether a clue of that village, reported that day, can have been found in this campaign. */
    public boolean covers(String villageCode) {
        return villageCode != null && villageCode.startsWith(regionCode);
    }

    public boolean during(LocalDate day) {
        return !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }

    /** Closes the campaign; a closed one answers 409. */
    public void close(LocalDate on, String by, Instant at) {
        if (status == CampaignStatus.CLOSED) {
            throw ProblemException.conflict("screening.campaign.closed", id, closedOn);
        }
        status = CampaignStatus.CLOSED;
        closedOn = on;
        closedBy = by;
        closedAt = at;
    }
}
