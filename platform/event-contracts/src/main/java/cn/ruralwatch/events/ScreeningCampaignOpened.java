package cn.ruralwatch.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * {@code screening-campaign.opened.v1}: a township or the county started a 集中排查 over a period. Key: the campaign
 * id. It carries the region, the period and the counts only: not the campaign's name or note, text an official types
 * that may name a person.
 *
 * <p>Not a {@link HouseholdEvent}: no consumer of {@code household-events} keeps campaigns, and {@link
 * HouseholdEvent#parse} passes it over as a type it does not apply.
 *
 * @param householdsCovered the households the office reports it went through
 * @param registeredHouseholds the registered agricultural households of the region when the campaign was created
 */
public record ScreeningCampaignOpened(
        String campaignId,
        String regionCode,
        LocalDate startsOn,
        LocalDate endsOn,
        int householdsCovered,
        int registeredHouseholds,
        Instant openedAt) {

    public ScreeningCampaignOpened {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(startsOn, "startsOn");
        Objects.requireNonNull(endsOn, "endsOn");
    }
}
