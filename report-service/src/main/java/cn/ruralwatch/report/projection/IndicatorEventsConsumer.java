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
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
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

    /**
     * Applies a batch: the evaluations between two other events are written together, in two statements, ending as if
     * applied one by one (a row keeps the latest evaluation of the batch and of the table); a standard's status keeps
     * its place among them.
     */
    @Override
    public void apply(List<IncomingEvent> events) throws Exception {
        List<EvaluationChanged> evaluations = new ArrayList<>();
        for (IncomingEvent event : events) {
            IndicatorEvent parsed =
                    IndicatorEvent.parse(event.type(), event.data(), mapper).orElse(null);
            switch (parsed) {
                case null -> {}
                case EvaluationChanged changed -> evaluations.add(changed);
                case RiskDetected ignored -> {
                    // detected risks become warning clues in household-service; the reports count the clues from there
                }
                case MonitoringLineSet ignored -> {
                    // the line is indicator-service's and household-service's; reports read rates and lists, not lines
                }
                case StandardStatusSet status -> {
                    project(evaluations);
                    evaluations.clear();
                    standards.set(status);
                }
            }
        }
        project(evaluations);
    }

    /** Applies one event to the report read models; what a rebuild replays. */
    public void apply(IncomingEvent event) throws Exception {
        apply(List.of(event));
    }

    @Inject
    VillageSummaries summaries;

    @Inject
    ReportStandards standards;

    /**
     * Keeps the value of the latest evaluation for a key, a later one of the same time too: what the upserts' conditions
     * decide row by row, decided within the batch.
     */
    private static <K, V> void keepLatest(Map<K, V> latest, K key, V value, Function<V, EvaluationChanged> evaluation) {
        latest.merge(key, value, (held, next) -> {
            Instant heldAt = evaluation.apply(held).evaluatedAt();
            return evaluation.apply(next).evaluatedAt().isBefore(heldAt) ? held : next;
        });
    }

    private void project(List<EvaluationChanged> evaluations) {
        if (evaluations.isEmpty()) {
            return;
        }
        summaries.touched(evaluations.stream()
                .map(EvaluationChanged::villageCode)
                .distinct()
                .toArray(String[]::new));
        Map<List<String>, EvaluationChanged> latest = new LinkedHashMap<>();
        Map<List<String>, Map.Entry<EvaluationChanged, EvaluationChanged.Result>> latestResults = new LinkedHashMap<>();
        for (EvaluationChanged changed : evaluations) {
            keepLatest(latest, List.of(changed.householdId(), changed.standardCode()), changed, e -> e);
            for (EvaluationChanged.Result result : changed.results()) {
                keepLatest(
                        latestResults,
                        List.of(changed.householdId(), changed.standardCode(), result.indicatorCode()),
                        Map.entry(changed, result),
                        Map.Entry::getKey);
            }
        }
        List<EvaluationChanged> rows = List.copyOf(latest.values());
        // a result of a standard retired meanwhile is stored out of use (ReportStandards)
        sql.query("""
                        insert into report_evaluation (household_id, standard_code, village_code, all_met, evaluated_at,
                                                       in_use)
                        select e.household_id, e.standard_code, e.village_code, e.all_met, e.evaluated_at, """ + ReportStandards.inUse("e.standard_code") + """
                        from unnest(cast(:households as uuid[]), cast(:standards as text[]), cast(:villages as text[]),
                                    cast(:allMet as boolean[]), cast(:evaluatedAt as timestamptz[]))
                             as e(household_id, standard_code, village_code, all_met, evaluated_at)
                        on conflict (household_id, standard_code) do update
                           set village_code = excluded.village_code, all_met = excluded.all_met,
                               evaluated_at = excluded.evaluated_at, in_use = excluded.in_use
                         where report_evaluation.evaluated_at <= excluded.evaluated_at
                        """)
                .bind(
                        "households",
                        rows.stream().map(e -> UUID.fromString(e.householdId())).toArray(UUID[]::new))
                .bind(
                        "standards",
                        rows.stream().map(EvaluationChanged::standardCode).toArray(String[]::new))
                .bind(
                        "villages",
                        rows.stream().map(EvaluationChanged::villageCode).toArray(String[]::new))
                .bind("allMet", rows.stream().map(EvaluationChanged::allMet).toArray(Boolean[]::new))
                .bind(
                        "evaluatedAt",
                        rows.stream().map(e -> e.evaluatedAt().toString()).toArray(String[]::new))
                .execute();
        // every indicator of the evaluations in one statement (an evaluation has a dozen or more)
        List<Map.Entry<EvaluationChanged, EvaluationChanged.Result>> results = List.copyOf(latestResults.values());
        sql.query("""
                        insert into report_indicator_result
                            (household_id, indicator_code, standard_code, village_code, met, evaluated_at, numerator,
                             denominator, in_use)
                        select r.household_id, r.indicator_code, r.standard_code, r.village_code, r.met, r.evaluated_at,
                               r.numerator, r.denominator, """ + ReportStandards.inUse("r.standard_code") + """
                        from unnest(cast(:households as uuid[]), cast(:indicators as text[]), cast(:standards as text[]),
                                    cast(:villages as text[]), cast(:met as boolean[]),
                                    cast(:evaluatedAt as timestamptz[]), cast(:numerators as integer[]),
                                    cast(:denominators as integer[]))
                             as r(household_id, indicator_code, standard_code, village_code, met, evaluated_at,
                                  numerator, denominator)
                        on conflict (household_id, standard_code, indicator_code) do update
                           set village_code = excluded.village_code,
                               met = excluded.met, evaluated_at = excluded.evaluated_at,
                               numerator = excluded.numerator, denominator = excluded.denominator,
                               in_use = excluded.in_use
                         where report_indicator_result.evaluated_at <= excluded.evaluated_at
                        """)
                .bind(
                        "households",
                        results.stream()
                                .map(r -> UUID.fromString(r.getKey().householdId()))
                                .toArray(UUID[]::new))
                .bind(
                        "indicators",
                        results.stream().map(r -> r.getValue().indicatorCode()).toArray(String[]::new))
                .bind(
                        "standards",
                        results.stream().map(r -> r.getKey().standardCode()).toArray(String[]::new))
                .bind(
                        "villages",
                        results.stream().map(r -> r.getKey().villageCode()).toArray(String[]::new))
                .bind("met", results.stream().map(r -> r.getValue().met()).toArray(Boolean[]::new))
                .bind(
                        "evaluatedAt",
                        results.stream()
                                .map(r -> r.getKey().evaluatedAt().toString())
                                .toArray(String[]::new))
                .bind(
                        "numerators",
                        results.stream().map(r -> r.getValue().numerator()).toArray(Integer[]::new))
                .bind(
                        "denominators",
                        results.stream().map(r -> r.getValue().denominator()).toArray(Integer[]::new))
                .execute();
    }
}
