package cn.ruralwatch.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * {@code guidance-notice.issued.v1}: a township or the county issued its monthly guidance notice (每月工作提示) to the
 * villages and work teams. Key: the notice id. It carries the month and the number of items, not their text.
 *
 * @param month the month the notice is for, {@code yyyy-MM}
 */
public record GuidanceNoticeIssued(
        String noticeId, String regionCode, String month, LocalDate issuedOn, int items, Instant recordedAt) {

    public GuidanceNoticeIssued {
        Objects.requireNonNull(noticeId, "noticeId");
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(month, "month");
    }
}
