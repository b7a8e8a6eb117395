package cn.ruralwatch.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * {@code visit-rule.set.v1}: a region set how often its households of some groups must be visited. Key: the region
 * code. The most specific region's rule applies to a household (village over township over county over province).
 *
 * @param groups the household groups the rule covers (e.g. {@code MONITORED_AT_RISK}, {@code MINIMUM_LIVING})
 */
public record VisitRuleSet(
        String regionCode, List<String> groups, int maxIntervalDays, LocalDate effectiveFrom, Instant setAt) {

    public VisitRuleSet {
        Objects.requireNonNull(regionCode, "regionCode");
        groups = List.copyOf(groups);
    }
}
