package cn.ruralwatch.household.division;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A province, city, county, township, village or natural village 行政区划. */
@Entity
@Table(name = "division")
public class Division {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DivisionLevel level;

    @Column(name = "parent_code")
    public String parentCode;

    /** A village's kind (行政村 or 社区); null for other levels. */
    @Enumerated(EnumType.STRING)
    @Column(name = "village_kind")
    public VillageKind villageKind;

    /** Whether a village was a 贫困村; null for other levels. */
    @Column(name = "poverty_village")
    public Boolean povertyVillage;

    /** The year a 贫困村 exited poverty (摘帽/出列), a 脱贫村 since; null while it has not. */
    @Column(name = "poverty_exit_year")
    public Integer povertyExitYear;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /**
     * The division the audit log files this division's entries under: a natural village under its village (the
     * audit log and the other services know divisions down to villages).
     */
    public String auditDivision() {
        return level == DivisionLevel.HAMLET ? parentCode : code;
    }

    /** Sets a village's kind and poverty-village status. */
    public void villageStatus(VillageKind kind, boolean povertyVillage, Integer exitYear, Instant at) {
        this.villageKind = kind;
        this.povertyVillage = povertyVillage;
        this.povertyExitYear = exitYear;
        this.updatedAt = at;
    }

    public void rename(String newName, Instant at) {
        this.name = newName;
        this.updatedAt = at;
    }
}
