package cn.ruralwatch.indicator.projection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A division (county, township, village) as household-events announced it: its name heads rates and named lists. */
@Entity
@Table(name = "division_projection")
public class DivisionProjection {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String level;

    @Column(name = "parent_code")
    public String parentCode;
}
