package cn.ruralwatch.household.cadre;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * 走访要求 of a region: its households of the groups are visited at least every {@code maxIntervalDays} days. The most
 * specific region's rule applies to a household, whatever its groups (a village's rule replaces the county's there).
 */
@Entity
@Table(name = "visit_rule")
public class VisitRule {

    @Id
    @Column(name = "region_code")
    public String regionCode;

    /** {@link VisitGroup} names. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> groups = new ArrayList<>();

    @Column(name = "max_interval_days", nullable = false)
    public int maxIntervalDays;

    @Column(name = "effective_from", nullable = false)
    public LocalDate effectiveFrom;

    public String note;

    @Column(name = "set_by", nullable = false)
    public String setBy;

    @Column(name = "set_at", nullable = false)
    public Instant setAt;

    @Version
    public long version;
}
