package cn.ruralwatch.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A province, city, county, township or village as known from household-events. */
@Entity
@Table(name = "known_division")
public class KnownDivision {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    /** PROVINCE, CITY, COUNTY, TOWNSHIP or VILLAGE. */
    @Column(nullable = false)
    public String level;

    @Column(name = "parent_code")
    public String parentCode;

    /** A village's kind: VILLAGE 行政村 or COMMUNITY 社区; null for other levels. */
    @Column(name = "village_kind")
    public String villageKind;

    /** Whether a village was a 贫困村; null for other levels and villages whose status is not known. */
    @Column(name = "poverty_village")
    public Boolean povertyVillage;

    /** The year a 贫困村 exited (摘帽/出列); null while it has not. */
    @Column(name = "poverty_exit_year")
    public Integer povertyExitYear;
}
