package cn.ruralwatch.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * {@code screening-campaign.closed.v1}: a 集中排查 ended, with what it found. Key: the campaign id. It names no person
 * and no household: counts only.
 *
 * @param householdsCovered the households the office reports it went through (as corrected at closing)
 * @param cluesFound the warning clues recorded in the campaign by the time it closed
 */
public record ScreeningCampaignClosed(
        String campaignId,
        String regionCode,
        LocalDate closedOn,
        int householdsCovered,
        long cluesFound,
        Instant closedAt) {

    public ScreeningCampaignClosed {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(closedOn, "closedOn");
    }
}
