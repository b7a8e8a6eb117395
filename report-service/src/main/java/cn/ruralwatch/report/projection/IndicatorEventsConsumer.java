package cn.ruralwatch.report.projection;

import cn.ruralwatch.events.EvaluationChanged;
import cn.ruralwatch.events.IndicatorEvent;
import cn.ruralwatch.events.MonitoringLineSet;
import cn.ruralwatch.events.RiskDetected;
import cn.ruralwatch.events.StandardStatusSet;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.messaging.EventHandler;
import cn.ruralwatch.messaging.Inbox;
import cn.ruralwatch.messaging.IncomingEvent;
import cn.ruralwatch.sql.Sql;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Evaluation read model from indicator-events. An older evaluation never overwrites a newer one; the status of each
 * standard is kept ({@link ReportStandards}).
 */
@ApplicationScoped
public class IndicatorEventsConsumer implements EventHandler {

    @Inject
    Inbox inbox;

    @Inject
    ObjectMapper mapper;

    @Inject
    Sql sql;

    /** Events arrive in batches (the channel has {@code batch=true}), each batch applied in one transaction. */
    @Incoming(Topics.INDICATOR_EVENTS)
    @Blocking
    public CompletionStage<Void> onEvents(KafkaRecordBatch<String, String> batch) {
        return inbox.processBatch(this, batch);
    }

    @Override
    public String consumer() {
        return ReportConsumers.NAME;
    }

    @Override
    public String topic() {
        return Topics.INDICATOR_EVENTS;
    }

    @Override
    public void apply(List<IncomingEvent> events) throws Exception {
        for (IncomingEvent event : events) {
            apply(event);
        }
    }

    /** Applies one event to the report read models; also what a rebuild replays. */
    public void apply(IncomingEvent event) throws Exception {
        IndicatorEvent parsed =
                IndicatorEvent.parse(event.type(), event.data(), mapper).orElse(null);
        if (parsed == null) {
            return;
        }
        switch (parsed) {
            case EvaluationChanged changed -> project(changed);
            case RiskDetected ignored -> {
                // detected risks become warning clues in household-service; the reports count the clues from there
            }
            case MonitoringLineSet ignored -> {
                // the line is indicator-service's and household-service's; reports read rates and lists, not lines
            }
            case StandardStatusSet status -> standards.set(status);
        }
    }

    @Inject
    VillageSummaries summaries;

    @Inject
    ReportStandards standards;

    private void project(EvaluationChanged changed) {
        summaries.touched(changed.villageCode());
        UUID householdId = UUID.fromString(changed.householdId());
        Timestamp at = Timestamp.from(changed.evaluatedAt());
        // a result of a standard retired meanwhile is stored out of use (ReportStandards)
        sql.query("""
                        insert into report_evaluation (household_id, standard_code, village_code, all_met, evaluated_at,
                                                       in_use)
                        values (:householdId, :standardCode, :villageCode, :allMet, :evaluatedAt, """ + ReportStandards.IN_USE + """
                        )
                        on conflict (household_id, standard_code) do update
                           set village_code = excluded.village_code, all_met = excluded.all_met,
                               evaluated_at = excluded.evaluated_at, in_use = excluded.in_use
                         where report_evaluation.evaluated_at <= excluded.evaluated_at
                        """)
                .bind("householdId", householdId)
                .bind("standardCode", changed.standardCode())
                .bind("villageCode", changed.villageCode())
                .bind("allMet", changed.allMet())
                .bind("evaluatedAt", at)
                .execute();
        // every indicator of the evaluation in one statement (an evaluation has a dozen or more)
        List<EvaluationChanged.Result> results = changed.results();
        sql.query("""
                        insert into report_indicator_result
                            (household_id, indicator_code, standard_code, village_code, met, evaluated_at, numerator,
                             denominator, in_use)
                        select :householdId, r.indicator_code, :standardCode, :villageCode, r.met, :evaluatedAt,
                               r.numerator, r.denominator, s.in_use
                        from unnest(cast(:indicators as text[]), cast(:met as boolean[]), cast(:numerators as integer[]),
                                    cast(:denominators as integer[])) as r(indicator_code, met, numerator, denominator)
                        cross join (select """ + ReportStandards.IN_USE + """
                         as in_use) s
                        on conflict (household_id, standard_code, indicator_code) do update
                           set village_code = excluded.village_code,
                               met = excluded.met, evaluated_at = excluded.evaluated_at,
                               numerator = excluded.numerator, denominator = excluded.denominator,
                               in_use = excluded.in_use
                         where report_indicator_result.evaluated_at <= excluded.evaluated_at
                        """)
                .bind("householdId", householdId)
                .bind(
                        "indicators",
                        results.stream()
                                .map(EvaluationChanged.Result::indicatorCode)
                                .toArray(String[]::new))
                .bind("standardCode", changed.standardCode())
                .bind("villageCode", changed.villageCode())
                .bind("met", results.stream().map(EvaluationChanged.Result::met).toArray(Boolean[]::new))
                .bind("evaluatedAt", at)
                .bind(
                        "numerators",
                        results.stream()
                                .map(EvaluationChanged.Result::numerator)
                                .toArray(Integer[]::new))
                .bind(
                        "denominators",
                        results.stream()
                                .map(EvaluationChanged.Result::denominator)
                                .toArray(Integer[]::new))
                .execute();
    }
}
