package cn.ruralwatch.household.clue;

import cn.ruralwatch.problem.Violation;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The screening campaigns (集中排查) a clue may be found in, as clues see them: the campaigns themselves count their
 * clues, so they are the ones that implement this.
 */
public interface ClueCampaigns {

    /**
     * What is wrong with a clue of this village and day being found in the campaign, naming {@code campaignId} or
     * {@code reportedOn}; empty when nothing is.
     */
    List<Violation> checkClue(UUID campaignId, String villageCode, LocalDate reportedOn);
}
