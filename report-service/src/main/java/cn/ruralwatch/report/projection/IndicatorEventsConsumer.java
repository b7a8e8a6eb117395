package cn.ruralwatch.report.projection;

import cn.ruralwatch.events.EvaluationChanged;
import cn.ruralwatch.events.IndicatorEvent;
import cn.ruralwatch.events.RiskDetected;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.messaging.EventHandler;
import cn.ruralwatch.messaging.Inbox;
import cn.ruralwatch.messaging.IncomingEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Evaluation read model from indicator-events. An older evaluation never overwrites a newer one. */
@ApplicationScoped
public class IndicatorEventsConsumer implements EventHandler {

    @Inject
    Inbox inbox;

    @Inject
    ObjectMapper mapper;

    @Inject
    EntityManager entityManager;

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
        }
    }

    @Inject
    VillageSummaries summaries;

    private void project(EvaluationChanged changed) {
        summaries.touched(changed.villageCode());
        UUID householdId = UUID.fromString(changed.householdId());
        Timestamp at = Timestamp.from(changed.evaluatedAt());
        entityManager
                .createNativeQuery("""
                        insert into report_evaluation (household_id, standard_code, village_code, all_met, evaluated_at)
                        values (?1, ?2, ?3, ?4, ?5)
                        on conflict (household_id, standard_code) do update
                           set village_code = excluded.village_code, all_met = excluded.all_met,
                               evaluated_at = excluded.evaluated_at
                         where report_evaluation.evaluated_at <= excluded.evaluated_at
                        """)
                .setParameter(1, householdId)
                .setParameter(2, changed.standardCode())
                .setParameter(3, changed.villageCode())
                .setParameter(4, changed.allMet())
                .setParameter(5, at)
                .executeUpdate();
        // every indicator of the evaluation in one statement (an evaluation has a dozen or more)
        List<EvaluationChanged.Result> results = changed.results();
        entityManager
                .createNativeQuery("""
                        insert into report_indicator_result
                            (household_id, indicator_code, standard_code, village_code, met, evaluated_at, numerator,
                             denominator)
                        select ?1, r.indicator_code, ?3, ?4, r.met, ?6, r.numerator, r.denominator
                        from unnest(cast(?2 as text[]), cast(?5 as boolean[]), cast(?7 as integer[]),
                                    cast(?8 as integer[])) as r(indicator_code, met, numerator, denominator)
                        on conflict (household_id, standard_code, indicator_code) do update
                           set village_code = excluded.village_code,
                               met = excluded.met, evaluated_at = excluded.evaluated_at,
                               numerator = excluded.numerator, denominator = excluded.denominator
                         where report_indicator_result.evaluated_at <= excluded.evaluated_at
                        """)
                .setParameter(1, householdId)
                .setParameter(
                        2,
                        results.stream()
                                .map(EvaluationChanged.Result::indicatorCode)
                                .toArray(String[]::new))
                .setParameter(3, changed.standardCode())
                .setParameter(4, changed.villageCode())
                .setParameter(
                        5, results.stream().map(EvaluationChanged.Result::met).toArray(Boolean[]::new))
                .setParameter(6, at)
                .setParameter(
                        7,
                        results.stream()
                                .map(EvaluationChanged.Result::numerator)
                                .toArray(Integer[]::new))
                .setParameter(
                        8,
                        results.stream()
                                .map(EvaluationChanged.Result::denominator)
                                .toArray(Integer[]::new))
                .executeUpdate();
    }
}
