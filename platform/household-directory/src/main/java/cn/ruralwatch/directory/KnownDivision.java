package cn.ruralwatch.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A county, township or village as known from household-events. */
@Entity
@Table(name = "known_division")
public class KnownDivision {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    /** COUNTY, TOWNSHIP or VILLAGE. */
    @Column(nullable = false)
    public String level;

    @Column(name = "parent_code")
    public String parentCode;
}
