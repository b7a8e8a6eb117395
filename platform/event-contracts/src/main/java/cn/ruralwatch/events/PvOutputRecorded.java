package cn.ruralwatch.events;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * {@code pv-output.recorded.v1}: a PV station's generation and revenue of a month were recorded or corrected. Key: the
 * station id. The newest {@code recordedAt} of a station and month is its figure; a consumer ignores an older one.
 */
public record PvOutputRecorded(
        String stationId,
        String countyCode,
        String villageCode,
        int year,
        int month,
        BigDecimal generationKwh,
        BigDecimal revenue,
        Instant recordedAt)
        implements FundEvent {}
