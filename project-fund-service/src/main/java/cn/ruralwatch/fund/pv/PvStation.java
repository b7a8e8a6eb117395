package cn.ruralwatch.fund.pv;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A photovoltaic station 光伏扶贫电站 owned by a village collective. */
@Entity
@Table(name = "pv_station")
public class PvStation {

    @Id
    public UUID id;

    @Column(name = "county_code", nullable = false)
    public String countyCode;

    /** The owning village (产权归村集体). */
    @Column(name = "village_code", nullable = false)
    public String villageCode;

    @Column(nullable = false)
    public String name;

    @Column(name = "capacity_kw", nullable = false)
    public BigDecimal capacityKw;

    /** 并网日期. */
    @Column(name = "connected_on")
    public LocalDate connectedOn;

    /** The project that built it, where it was built as one. */
    @Column(name = "project_id")
    public UUID projectId;

    @Column(nullable = false)
    public String status;

    @Version
    public long version;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
