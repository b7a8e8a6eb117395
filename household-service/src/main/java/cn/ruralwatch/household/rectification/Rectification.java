package cn.ruralwatch.household.rectification;

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

/** A problem a county, township or village claimed for rectification (问题整改), and how its rectification stands. */
@Entity
@Table(name = "rectification")
public class Rectification {

    @Id
    public UUID id;

    @Column(name = "region_code", nullable = false)
    public String regionCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RectificationSource source;

    /** 文号 of the document that fed the problem back. */
    @Column(name = "source_document", nullable = false)
    public String sourceDocument;

    /** 方面: the heading the problem is claimed under. */
    public String aspect;

    @Column(nullable = false)
    public String description;

    /** 责任单位 */
    @Column(name = "owner_unit", nullable = false)
    public String ownerUnit;

    /** 责任人 */
    @Column(name = "owner_person")
    public String ownerPerson;

    @Column(name = "found_on", nullable = false)
    public LocalDate foundOn;

    @Column(nullable = false)
    public LocalDate deadline;

    /** 整改措施 */
    public String measures;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RectificationStatus status;

    /** 佐证材料: what shows the problem was rectified. */
    public String evidence;

    @Column(name = "rectified_on")
    public LocalDate rectifiedOn;

    @Column(name = "inspection_id")
    public UUID inspectionId;

    @Column(name = "registered_by", nullable = false)
    public String registeredBy;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** Past its deadline on the day and not rectified. */
    public boolean overdueOn(LocalDate day) {
        return status != RectificationStatus.RECTIFIED && deadline.isBefore(day);
    }

    public void close(LocalDate on, String evidenceText, Instant at) {
        status = RectificationStatus.RECTIFIED;
        rectifiedOn = on;
        evidence = evidenceText;
        updatedAt = at;
    }
}
