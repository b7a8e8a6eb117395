package cn.ruralwatch.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * {@code rectification.registered.v1}: a problem found by an assessment or inspection was claimed for rectification
 * (问题整改). Key: the rectification id. It carries the source, region, days and status: not the description,
 * measures or owner, text an official types that may name a person.
 *
 * @param source e.g. {@code PROVINCIAL_POST_ASSESSMENT} 省级后评估
 * @param inspectionId the work team inspection it came from, if any
 */
public record RectificationRegistered(
        String rectificationId,
        String regionCode,
        String source,
        LocalDate foundOn,
        LocalDate deadline,
        String status,
        String inspectionId,
        Instant registeredAt) {

    public RectificationRegistered {
        Objects.requireNonNull(rectificationId, "rectificationId");
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(deadline, "deadline");
    }
}
