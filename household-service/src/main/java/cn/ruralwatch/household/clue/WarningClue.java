package cn.ruralwatch.household.clue;

import cn.ruralwatch.household.household.PersonalNumberColumns;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A 预警线索: a sign that a household may be at risk, to be triaged and, if founded, identified. */
@Entity
@Table(name = "warning_clue")
public class WarningClue {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ClueSource source;

    public String department;

    @Column(name = "external_ref")
    public String externalRef;

    @Column(name = "household_id")
    public UUID householdId;

    @Column(name = "village_code", nullable = false)
    public String villageCode;

    @Column(name = "id_number_hash")
    public String idNumberHash;

    /** The person's 身份证号 as the clue names it; stored encrypted ({@link PersonalNumberColumns}). */
    @Convert(converter = PersonalNumberColumns.IdNumber.class)
    @Column(name = "id_number_cipher")
    public String idNumber;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "risk_types", nullable = false)
    public List<String> riskTypes = new ArrayList<>();

    @Column(nullable = false)
    public String description;

    @Column(name = "reported_on", nullable = false)
    public LocalDate reportedOn;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ClueStatus status = ClueStatus.NEW;

    @Column(name = "duplicate_of")
    public UUID duplicateOf;

    @Column(name = "triage_note")
    public String triageNote;

    @Column(name = "triaged_by")
    public String triagedBy;

    @Column(name = "triaged_at")
    public Instant triagedAt;

    @Column(name = "case_id")
    public UUID caseId;

    /** The screening campaign (集中排查) the clue was found in, if any. */
    @Column(name = "campaign_id")
    public UUID campaignId;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Version
    public long version;
}
