package cn.ruralwatch.household.division;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A county, township, village or natural village 行政区划. */
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

    public void rename(String newName, Instant at) {
        this.name = newName;
        this.updatedAt = at;
    }
}
