package cn.ruralwatch.report.projection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A division in the report read model. */
@Entity
@Table(name = "report_division")
public class ReportDivision {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String level;

    @Column(name = "parent_code")
    public String parentCode;
}
