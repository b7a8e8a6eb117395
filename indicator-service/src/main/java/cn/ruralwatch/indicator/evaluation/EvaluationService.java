package cn.ruralwatch.indicator.evaluation;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.events.EvaluationChanged;
import cn.ruralwatch.events.EventTypes;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.indicator.projection.HouseholdProjection;
import cn.ruralwatch.messaging.Outbox;
import cn.ruralwatch.problem.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Evaluates households against the indicators, keeps the current result and its history, and publishes {@code
 * evaluation.changed.v1} when a household's results change.
 */
@ApplicationScoped
@Transactional
public class EvaluationService {

    /** The national household standard since 2021 (两不愁三保障 + 饮水安全 + 收入); indicators are added as data. */
    public static final String STANDARD = "NATIONAL_HOUSEHOLD_2021";

    @Inject
    EntityManager entityManager;

    @Inject
    Outbox outbox;

    @Inject
    ObjectMapper mapper;

    @Inject
    Instance<Indicator> indicators;

    @Inject
    CallerScope scope;

    /** A household's current results. */
    public record HouseholdEvaluation(
            UUID householdId, String villageCode, String standardCode, boolean allMet, List<Result> results) {}

    public record Result(
            String indicatorCode, String name, boolean met, List<Indicator.Reason> reasons, Instant evaluatedAt) {}

    @Transactional(Transactional.TxType.MANDATORY)
    public void evaluate(UUID householdId, String causeEventId) throws JsonProcessingException {
        HouseholdProjection household = entityManager.find(HouseholdProjection.class, householdId);
        Map<String, Boolean> previous = currentMet(householdId);
        Instant now = Instant.now();
        boolean changed = false;
        List<EvaluationChanged.Result> results = new ArrayList<>();
        for (Indicator indicator : sorted()) {
            Indicator.Outcome outcome = indicator.evaluate(household);
            String reasons = mapper.writeValueAsString(outcome.reasons());
            entityManager
                    .createNativeQuery("""
                            insert into evaluation (household_id, indicator_code, standard_code, met, reasons, evaluated_at)
                            values (?1, ?2, ?3, ?4, cast(?5 as jsonb), ?6)
                            on conflict (household_id, indicator_code) do update
                               set standard_code = excluded.standard_code, met = excluded.met,
                                   reasons = excluded.reasons, evaluated_at = excluded.evaluated_at
                            """)
                    .setParameter(1, householdId)
                    .setParameter(2, indicator.code())
                    .setParameter(3, STANDARD)
                    .setParameter(4, outcome.met())
                    .setParameter(5, reasons)
                    .setParameter(6, Timestamp.from(now))
                    .executeUpdate();
            Boolean before = previous.get(indicator.code());
            if (before == null || before != outcome.met()) {
                changed = true;
                entityManager
                        .createNativeQuery("""
                                insert into evaluation_history
                                    (household_id, indicator_code, standard_code, met, reasons, evaluated_at, cause_event_id)
                                values (?1, ?2, ?3, ?4, cast(?5 as jsonb), ?6, ?7)
                                """)
                        .setParameter(1, householdId)
                        .setParameter(2, indicator.code())
                        .setParameter(3, STANDARD)
                        .setParameter(4, outcome.met())
                        .setParameter(5, reasons)
                        .setParameter(6, Timestamp.from(now))
                        .setParameter(7, causeEventId)
                        .executeUpdate();
            }
            results.add(new EvaluationChanged.Result(indicator.code(), outcome.met()));
        }
        if (changed) {
            boolean allMet = results.stream().allMatch(EvaluationChanged.Result::met);
            outbox.publish(
                    Topics.INDICATOR_EVENTS,
                    "household",
                    householdId.toString(),
                    EventTypes.EVALUATION_CHANGED,
                    new EvaluationChanged(
                            householdId.toString(), household.villageCode, STANDARD, allMet, results, now));
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public HouseholdEvaluation forHousehold(UUID householdId) {
        HouseholdProjection household = entityManager.find(HouseholdProjection.class, householdId);
        if (household == null || !scope.covers(household.villageCode)) {
            throw ProblemException.notFound("household.not-evaluated", householdId);
        }
        Map<String, String> names = new HashMap<>();
        sorted().forEach(i -> names.put(i.code(), i.name()));
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        "select indicator_code, met, cast(reasons as text), evaluated_at from evaluation where household_id = ?1 order by indicator_code",
                        Object[].class)
                .setParameter(1, householdId)
                .getResultList();
        List<Result> results = new ArrayList<>();
        for (Object[] row : rows) {
            String code = (String) row[0];
            results.add(new Result(
                    code,
                    names.getOrDefault(code, code),
                    (Boolean) row[1],
                    readReasons((String) row[2]),
                    toInstant(row[3])));
        }
        boolean allMet = !results.isEmpty() && results.stream().allMatch(Result::met);
        return new HouseholdEvaluation(householdId, household.villageCode, STANDARD, allMet, results);
    }

    private List<Indicator.Reason> readReasons(String json) {
        try {
            return mapper.readValue(json, new TypeReference<List<Indicator.Reason>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored reasons are not valid JSON", e);
        }
    }

    private static Instant toInstant(Object value) {
        return switch (value) {
            case Instant instant -> instant;
            case Timestamp timestamp -> timestamp.toInstant();
            case java.time.OffsetDateTime offset -> offset.toInstant();
            default -> throw new IllegalStateException("Unexpected time type " + value.getClass());
        };
    }

    private Map<String, Boolean> currentMet(UUID householdId) {
        Map<String, Boolean> met = new HashMap<>();
        entityManager
                .createNativeQuery("select indicator_code, met from evaluation where household_id = ?1", Object[].class)
                .setParameter(1, householdId)
                .getResultList()
                .forEach(row -> met.put((String) ((Object[]) row)[0], (Boolean) ((Object[]) row)[1]));
        return met;
    }

    private List<Indicator> sorted() {
        return indicators.stream().sorted(Comparator.comparing(Indicator::code)).toList();
    }
}
