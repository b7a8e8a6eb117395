package cn.ruralwatch.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * {@code risk.detected.v1}: a household that is not a monitoring object at risk (未消除风险) has started to fail an
 * indicator that signals a risk of (re)poverty: income below the monitoring threshold, 三保障 or drinking-water security.
 * household-service takes it as a warning clue (预警线索). Key: the household id.
 *
 * @param indicators the failing risk indicators with the values that failed them
 * @param riskTypes the risk types (household-service's names) the failing indicators point to
 */
public record RiskDetected(
        String householdId,
        String villageCode,
        String standardCode,
        List<String> riskTypes,
        List<FailedIndicator> indicators,
        Instant detectedAt)
        implements IndicatorEvent {

    public RiskDetected {
        Objects.requireNonNull(householdId, "householdId");
        Objects.requireNonNull(villageCode, "villageCode");
        riskTypes = List.copyOf(riskTypes);
        indicators = List.copyOf(indicators);
    }

    /** An indicator the household fails, with its Chinese name and the values that failed it, as text. */
    public record FailedIndicator(String code, String name, List<String> reasons) {
        public FailedIndicator {
            reasons = List.copyOf(reasons);
        }
    }
}
