package cn.ruralwatch.events;

import java.time.Instant;
import java.util.Objects;

/**
 * {@code standard.status-set.v1}: the status of an indicator standard (指标体系) as of its latest version: ACTIVE (在用)
 * when a version is saved, RETIRED (已停用) when it is retired, and so on again with a later version. A retired
 * standard is no longer evaluated; its results stay in indicator-service, and report-service leaves them out of its
 * current figures (households evaluated and meeting the standards, indicator rates). indicator-service announces the
 * status of every standard again at each start, so a consumer that lost the topic's history learns them anew. Key: the
 * standard's code.
 *
 * @param code the standard's code
 * @param version its latest version
 * @param status {@code ACTIVE} or {@code RETIRED}
 * @param statusSetAt when the latest version was saved or retired: of two announcements of a code, the one with the
 *     higher version, then the later time, is the current one
 */
public record StandardStatusSet(
        String code, int version, String name, String regionCode, String level, String status, Instant statusSetAt)
        implements IndicatorEvent {

    public static final String ACTIVE = "ACTIVE";
    public static final String RETIRED = "RETIRED";

    public StandardStatusSet {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(statusSetAt, "statusSetAt");
    }

    /** The record key: the standard's code, so that its announcements keep their order. */
    public String key() {
        return code;
    }

    public boolean retired() {
        return RETIRED.equals(status);
    }
}
