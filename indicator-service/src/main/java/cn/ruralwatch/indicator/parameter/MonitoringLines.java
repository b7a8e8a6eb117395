package cn.ruralwatch.indicator.parameter;

import cn.ruralwatch.events.EventTypes;
import cn.ruralwatch.events.MonitoringLineSet;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.messaging.Outbox;
import cn.ruralwatch.sql.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The monitoring line (防返贫监测范围, parameter {@code monitoringThreshold}) is one line for the suite: the indicators read
 * it here, and every value set or shipped is announced on indicator-events ({@code monitoring-line.set.v1}) in the
 * transaction that stored it, so household-service's risk elimination holds the same lines by region and year.
 */
@ApplicationScoped
public class MonitoringLines {

    /** The parameter that holds the line. */
    public static final String PARAMETER = "monitoringThreshold";

    record Line(String regionCode, int year, BigDecimal value, String note, Instant setAt, String setBy) {}

    @Inject
    Sql sql;

    @Inject
    Outbox outbox;

    /** Announces every current line not announced yet: one just set. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int announce() {
        return announce(false);
    }

    /**
     * Announces every current line again, as each start does: a consumer whose copy of the topic's history is gone (a
     * new database, events past the topic's retention) learns the lines anew; one that holds them changes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int announceAll() {
        return announce(true);
    }

    private int announce(boolean all) {
        List<Line> lines =
                sql.query("""
                        update standard_parameter set announced_at = now()
                        where name = :name and superseded_at is null and (:all or announced_at is null)
                        returning region_code, year, value, note, set_at, set_by""").bind("name", PARAMETER).bind("all", all).list(Line.class);
        if (!lines.isEmpty()) {
            outbox.publishAll(lines.stream()
                    .map(l ->
                            new MonitoringLineSet(l.regionCode(), l.year(), l.value(), l.note(), l.setAt(), l.setBy()))
                    .map(e -> new Outbox.Message(
                            Topics.INDICATOR_EVENTS, "monitoring-line", e.key(), EventTypes.MONITORING_LINE_SET, e))
                    .toList());
        }
        return lines.size();
    }
}
