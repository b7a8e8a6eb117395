package cn.ruralwatch.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * {@code rectification.closed.v1}: a rectification item was rectified (整改完成) with evidence on a day. Key: the
 * rectification id. The evidence text stays in household-service.
 *
 * @param onTime whether it was rectified by its deadline
 */
public record RectificationClosed(
        String rectificationId,
        String regionCode,
        String source,
        LocalDate foundOn,
        LocalDate deadline,
        LocalDate rectifiedOn,
        boolean onTime,
        Instant closedAt) {

    public RectificationClosed {
        Objects.requireNonNull(rectificationId, "rectificationId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(rectifiedOn, "rectifiedOn");
    }
}
