package cn.ruralwatch.household.monitoring;

import cn.ruralwatch.events.MonitoringLineSet;
import cn.ruralwatch.messaging.IncomingEvent;
import cn.ruralwatch.sql.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * 监测范围, the per-capita net income line, as indicator-service sets it (its parameter {@code monitoringThreshold},
 * published as {@code monitoring-line.set.v1}): one line per region and year, kept here so that risk elimination judges
 * income against the same line as the indicators, without asking indicator-service.
 */
@ApplicationScoped
public class MonitoringLines {

    private static final Pattern REGION = Pattern.compile("([0-9]{6}|[0-9]{9}|[0-9]{12})?");

    @Inject
    Sql sql;

    @Inject
    Clock clock;

    /** A line as kept: from {@code year} on, for the divisions whose codes start with {@code regionCode}. */
    public record Line(String regionCode, int year, BigDecimal value, String note, Instant setAt, String setBy) {}

    /**
     * Keeps a line set in indicator-service. A later setting of the same region and year replaces the value; an
     * earlier one arriving late (a dead letter re-driven) does not undo it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void set(IncomingEvent event, MonitoringLineSet line) {
        if (!REGION.matcher(line.regionCode()).matches()
                || line.year() < 2000
                || line.year() > 2100
                || line.value().signum() <= 0) {
            throw new IncomingEvent.MalformedEventException("monitoring line " + event.id() + ": region '"
                    + line.regionCode() + "', year " + line.year() + ", value " + line.value()
                    + " is not a division code prefix, a year 2000–2100 and a positive amount");
        }
        sql.query("""
                        insert into monitoring_line (region_code, year, value, note, set_at, set_by, event_id, received_at)
                        values (:region, :year, :value, nullif(:note, ''), :setAt, nullif(:setBy, ''), :event, :receivedAt)
                        on conflict (region_code, year) do update
                        set value = excluded.value, note = excluded.note, set_at = excluded.set_at,
                            set_by = excluded.set_by, event_id = excluded.event_id, received_at = excluded.received_at
                        where monitoring_line.set_at <= excluded.set_at""")
                .bind("region", line.regionCode())
                .bind("year", line.year())
                .bind("value", line.value())
                .bind("note", line.note() == null ? "" : line.note())
                .bind("setAt", line.setAt())
                .bind("setBy", line.setBy() == null ? "" : line.setBy())
                .bind("event", event.id())
                .bind("receivedAt", clock.instant())
                .execute();
    }

    /** The lines that can apply to a division: its own and those of the regions above it, the country's included. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Resolver of(String divisionCode) {
        return new Resolver(
                divisionCode, sql.query("""
                                select region_code, year, value, note, set_at, set_by from monitoring_line
                                where starts_with(:division, region_code)""").bind("division", divisionCode).list(Line.class));
    }

    /** The lines of one division, resolved by year. */
    public record Resolver(String divisionCode, List<Line> lines) {

        /**
         * The line in force in a year, as indicator-service resolves a parameter (ParameterValues): the line of the
         * latest year not after it, and among that year's lines the most specific region's (a village's own before
         * its township's, the county's before the country's).
         */
        public Optional<Line> in(int year) {
            return lines.stream()
                    .filter(l -> l.year() <= year)
                    .max(Comparator.comparingInt(Line::year)
                            .thenComparingInt(l -> l.regionCode().length()));
        }
    }
}
