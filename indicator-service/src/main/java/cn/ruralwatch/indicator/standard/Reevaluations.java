package cn.ruralwatch.indicator.standard;

import java.util.List;
import java.util.UUID;

/**
 * Asks for the households of a region to be evaluated again under some standards, after a standard or a parameter
 * changed: the job runs in the background and its id is answered to the caller. Evaluation jobs provide it.
 */
public interface Reevaluations {

    /** Queues the re-evaluation; its job id. */
    UUID request(String regionCode, List<String> standardCodes, String reason, String actor);
}
