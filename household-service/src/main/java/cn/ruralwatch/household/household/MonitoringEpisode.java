package cn.ruralwatch.household.household;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An earlier monitoring episode of a household (识别纳入 to 风险消除), before the one the household's monitoring fields
 * hold: history entered with its dates, or the previous episode kept when the household was identified again.
 */
@Embeddable
public class MonitoringEpisode {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MonitoringCategory category;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "risk_types", nullable = false)
    public List<String> riskTypes = new ArrayList<>();

    @Column(name = "identified_on", nullable = false)
    public LocalDate identifiedOn;

    @Column(name = "eliminated_on", nullable = false)
    public LocalDate eliminatedOn;

    public MonitoringEpisode() {}

    public MonitoringEpisode(
            MonitoringCategory category, List<String> riskTypes, LocalDate identifiedOn, LocalDate eliminatedOn) {
        this.category = category;
        this.riskTypes = new ArrayList<>(riskTypes);
        this.identifiedOn = identifiedOn;
        this.eliminatedOn = eliminatedOn;
    }

    /** Whether the two episodes share a day. */
    public boolean overlaps(LocalDate from, LocalDate to) {
        return !identifiedOn.isAfter(to) && !eliminatedOn.isBefore(from);
    }
}
