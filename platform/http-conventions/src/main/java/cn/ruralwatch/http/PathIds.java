package cn.ruralwatch.http;

import cn.ruralwatch.problem.ProblemException;
import java.util.UUID;

/** Resource ids in paths: one that is not a UUID names no resource, and answers the resource's own 404. */
public final class PathIds {

    private PathIds() {}

    /** The id, or a 404 problem with the detail {@code notFoundKey} (its argument: the id as given). */
    public static UUID uuid(String id, String notFoundKey) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAUuid) {
            throw ProblemException.notFound(notFoundKey, id);
        }
    }
}
