package cn.ruralwatch.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * {@code rectification.changed.v1}: a rectification item's deadline or status (OPEN, IN_PROGRESS) changed. Key: the
 * rectification id.
 */
public record RectificationChanged(
        String rectificationId,
        String regionCode,
        String source,
        LocalDate deadline,
        String status,
        Instant changedAt) {

    public RectificationChanged {
        Objects.requireNonNull(rectificationId, "rectificationId");
        Objects.requireNonNull(status, "status");
    }
}
