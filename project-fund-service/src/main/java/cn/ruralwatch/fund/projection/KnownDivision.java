package cn.ruralwatch.fund.projection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A division as project-fund-service knows it from household-events. */
@Entity
@Table(name = "known_division")
public class KnownDivision {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String level;

    @Column(name = "parent_code")
    public String parentCode;
}
