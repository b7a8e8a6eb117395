package cn.ruralwatch.household.workteam;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A 每月工作提示 a township or the county issued to its villages and work teams (seed 003: 2023年已下发12次定期工作提示).
 */
@Entity
@Table(name = "guidance_notice")
public class GuidanceNotice {

    @Id
    public UUID id;

    @Column(name = "region_code", nullable = false)
    public String regionCode;

    /** The first day of the month the notice is for. */
    @Column(nullable = false)
    public LocalDate month;

    @Column(name = "issued_on", nullable = false)
    public LocalDate issuedOn;

    /** 下发单位, e.g. 镇乡村振兴办公室 */
    @Column(name = "issuing_office", nullable = false)
    public String issuingOffice;

    @Column(nullable = false)
    public String title;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> items = new ArrayList<>();

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
