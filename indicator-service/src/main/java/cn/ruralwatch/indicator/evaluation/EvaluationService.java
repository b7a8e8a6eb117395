package cn.ruralwatch.indicator.evaluation;

import cn.ruralwatch.events.EvaluationChanged;
import cn.ruralwatch.events.EventTypes;
import cn.ruralwatch.events.HouseholdState;
import cn.ruralwatch.events.RiskDetected;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.indicator.parameter.ParameterValues;
import cn.ruralwatch.indicator.rules.CompiledStandard;
import cn.ruralwatch.indicator.rules.StandardDefinition;
import cn.ruralwatch.indicator.standard.Standards;
import cn.ruralwatch.messaging.Outbox;
import cn.ruralwatch.sql.CopyRows;
import cn.ruralwatch.sql.IdWalk;
import cn.ruralwatch.sql.Sql;
import cn.ruralwatch.time.ChinaTime;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.hash.Hashing;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Evaluates households against every standard in force that covers their village, and keeps what changed: the current
 * result per indicator, the versions it replaced or removed in the history, {@code evaluation.changed.v1} per
 * household and standard that changed, and {@code risk.detected.v1} when a household that is not at risk starts to
 * fail a risk indicator of a standard in force today. Unchanged results are not written again; and a pair of a
 * household and a standard whose outcomes come out as its stored digest says they are has its results neither read nor
 * compared, so re-evaluating a region costs the evaluation and a claim per pair, and reads and writes only what
 * changed.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class EvaluationService {

    /** Dates of the suite's users: a household is evaluated on the day as it is in China. */
    @Inject
    EntityManager entityManager;

    @Inject
    Sql sql;

    @Inject
    Standards standards;

    @Inject
    Clock clock;

    @Inject
    ParameterValues parameters;

    @Inject
    Outbox outbox;

    @Inject
    ObjectMapper mapper;

    @Inject
    MeterRegistry registry;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** A household's latest state as projected, and what made it change (an event id; null for a job's own cause). */
    public record Household(UUID id, HouseholdState state, String cause) {

        public Household(UUID id, HouseholdState state) {
            this(id, state, null);
        }
    }

    /** How many households and indicator results a call changed. */
    public record Changes(int households, int results) {}

    private record Key(UUID household, String standard, String indicator) {

        Pair pair() {
            return new Pair(household, standard);
        }
    }

    /** A household and a standard judging it. */
    private record Pair(UUID household, String standard) {}

    /** One indicator's outcome as it is stored: exclusions and reasons as JSON, and the digest of the whole. */
    private record Result(CompiledStandard.Outcome outcome, String exclusions, String reasons, String digest) {}

    /**
     * What storing a household's outcomes needs of it once it is judged: its state is let go as soon as the rules have
     * read it, since a job holds the judgements of a whole chunk until the chunk before is stored.
     */
    private record Judged(UUID id, String village, long version, boolean atRisk, String cause) {

        static Judged of(Household household) {
            HouseholdState.Monitoring monitoring = household.state().monitoring();
            return new Judged(
                    household.id(),
                    household.state().villageCode(),
                    household.state().version(),
                    monitoring != null && "AT_RISK".equals(monitoring.riskState()),
                    household.cause());
        }
    }

    /** A standard's outcomes for a household as they would be stored, and their digest ({@link #outcomesDigest}). */
    private record Judgement(
            Judged household,
            Standards.Current standard,
            LocalDate referenceDate,
            List<Result> results,
            String digest) {}

    /**
     * One indicator's result as the row of its household and standard holds it ({@code standard_result}, an element of
     * each of its arrays): the version in force, with the previous {@code met} and what caused it (event id or job id).
     */
    private record Entry(
            String indicator,
            int standardVersion,
            boolean met,
            int numerator,
            int denominator,
            String exclusions,
            String reasons,
            String digest,
            Timestamp evaluatedAt,
            Boolean previouslyMet,
            String cause) {}

    /** An indicator's result in force, and the village of its household's row. */
    private record Stored(String village, Entry entry) {}

    /** The results a pair of a household and a standard has once its judgement is stored, and its village. */
    private record PairResults(String village, List<Entry> entries) {}

    /** Which standards an evaluation applies. */
    public sealed interface Selection {
        /** The standards in force today: what a household event re-evaluates. */
        record InForce() implements Selection {}

        /** Every active standard, those whose period has ended included. */
        record All() implements Selection {}

        /** The named standards, in force or not (a job after a standard or parameter changed). */
        record Codes(Set<String> codes) implements Selection {}

        static Selection of(Collection<String> codes) {
            return codes == null || codes.isEmpty() ? new All() : new Codes(Set.copyOf(codes));
        }
    }

    /**
     * A batch of households judged against the standards that cover them, apart from the transaction that stores the
     * outcomes: pure (the households' states, the standards and parameter values), so that a job judges its next chunk
     * while the one before is being stored. {@link #evaluate(Outcomes, String)} claims, compares and writes them.
     */
    public static final class Outcomes {

        private final List<UUID> households;
        private final List<Standards.Current> inForce;
        private final LocalDate today;
        private final Map<Pair, Judgement> judgements;
        private final long nanos;

        private Outcomes(
                List<UUID> households,
                List<Standards.Current> inForce,
                LocalDate today,
                Map<Pair, Judgement> judgements,
                long nanos) {
            this.households = households;
            this.inForce = inForce;
            this.today = today;
            this.judgements = judgements;
            this.nanos = nanos;
        }

        /** How many households were judged. */
        public int households() {
            return households.size();
        }
    }

    /**
     * Evaluates the households against the selected standards that cover their villages, and writes what changed. A
     * standard whose period has ended is a yardstick for its years: household events leave it alone, and it is
     * evaluated by a job (when it is saved, when one of its parameters is set, or on request).
     *
     * <p>Once the transaction commits, the households evaluated and the time taken count in the metrics
     * ({@code evaluations.households}, {@code evaluations.duration}), by what asked: household events or a job.
     */
    public Changes evaluate(Collection<Household> households, Selection selection, String cause) {
        return evaluate(judge(households, selection), cause);
    }

    /**
     * Judges the households against the selected standards in force that cover their villages; stores nothing. The
     * households are read once, in their order: a job hands them over as it parses them, so that each state is let go
     * once judged.
     */
    public Outcomes judge(Iterable<Household> households, Selection selection) {
        long started = System.nanoTime();
        LocalDate today = ChinaTime.today(clock);
        List<Standards.Current> inForce = standards.current().stream()
                .filter(s -> s.standard().evaluatesHouseholds())
                .filter(s -> switch (selection) {
                    case Selection.InForce ignored -> s.standard().inForce(today);
                    case Selection.All ignored -> true;
                    case Selection.Codes codes -> codes.codes().contains(s.code());
                })
                .toList();
        // in the households' order, each one's standards in the order of those in force (the order they are claimed in)
        Map<Pair, Judgement> judgements = new LinkedHashMap<>();
        Map<String, Map<String, Object>> paramsByVillage = new HashMap<>();
        List<UUID> ids = new ArrayList<>();
        for (Household household : households) {
            ids.add(household.id());
            if (!"ACTIVE".equals(household.state().status())) {
                // a merged household is no longer evaluated: its results are removed when stored
                continue;
            }
            String village = household.state().villageCode();
            Judged judged = null;
            for (Standards.Current standard : inForce) {
                if (!standard.covers(village)) {
                    continue;
                }
                CompiledStandard compiled = standard.standard();
                LocalDate referenceDate = compiled.referenceDate(today);
                // a county's households share a few hundred villages: their values are resolved once per village
                Map<String, Object> params = paramsByVillage.computeIfAbsent(
                        standard.code() + "/" + village,
                        k -> parameters.variables(
                                compiled.definition().parameters().stream()
                                        .map(StandardDefinition.ParameterDeclaration::name)
                                        .toList(),
                                village,
                                referenceDate.getYear()));
                List<Result> results = new ArrayList<>();
                for (CompiledStandard.Outcome outcome :
                        compiled.evaluateHousehold(household.state(), params, referenceDate)) {
                    String exclusions =
                            outcome.exclusions().isEmpty() ? null : json(new TreeMap<>(outcome.exclusions()));
                    String reasons = outcome.reasons().isEmpty() ? null : json(outcome.reasons());
                    results.add(new Result(outcome, exclusions, reasons, digest(outcome, exclusions, reasons)));
                }
                if (judged == null) {
                    judged = Judged.of(household);
                }
                judgements.put(
                        new Pair(household.id(), standard.code()),
                        new Judgement(judged, standard, referenceDate, results, outcomesDigest(village, results)));
            }
        }
        return new Outcomes(ids, inForce, today, judgements, System.nanoTime() - started);
    }

    /** Stores what {@link #judge} found, as {@link #evaluate(Collection, Selection, String)} describes. */
    public Changes evaluate(Outcomes outcomes, String cause) {
        long started = System.nanoTime();
        Changes changes = store(outcomes, cause);
        Duration took = Duration.ofNanos(System.nanoTime() - started + outcomes.nanos);
        String trigger = cause == null ? "event" : "job";
        int evaluated = outcomes.households();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    return;
                }
                Counter.builder("evaluations.households")
                        .description("Households evaluated against the standards in force, by what asked")
                        .tag("trigger", trigger)
                        .register(registry)
                        .increment(evaluated);
                Timer.builder("evaluations.duration")
                        .description("Time to evaluate a batch of households, by what asked")
                        .tag("trigger", trigger)
                        .register(registry)
                        .record(took);
            }
        });
        return changes;
    }

    private Changes store(Outcomes outcomes, String cause) {
        List<UUID> households = outcomes.households;
        List<Standards.Current> inForce = outcomes.inForce;
        LocalDate today = outcomes.today;
        if (households.isEmpty() || inForce.isEmpty()) {
            return new Changes(0, 0);
        }
        Instant now = clock.instant();
        // which version of each household each standard judges now, claimed before anything is read; a pair judged at
        // a newer version already is left out: what that evaluation wrote stands
        Map<Pair, String> judged = claim(outcomes.judgements.values(), now);
        List<Judgement> judgements = new ArrayList<>();
        List<Pair> read = new ArrayList<>();
        for (UUID household : households) {
            for (Standards.Current standard : inForce) {
                Pair pair = new Pair(household, standard.code());
                Judgement judgement = outcomes.judgements.get(pair);
                if (judgement == null) {
                    // not judged (merged, or not covered): what it has is read, to be removed
                    read.add(pair);
                } else if (judged.containsKey(pair) && !judgement.digest().equals(judged.get(pair))) {
                    // an outcome or the village differs from what is stored, or nothing is recorded yet
                    judgements.add(judgement);
                    read.add(pair);
                }
            }
        }
        Map<Key, Stored> stored = stored(read);
        // the pairs that have a row now, and each judged pair's results once stored, in the order they were judged
        Set<Pair> withRow = new HashSet<>();
        stored.keySet().forEach(key -> withRow.add(key.pair()));
        Map<Pair, PairResults> judgedResults = new LinkedHashMap<>();
        Set<Pair> rewritten = new LinkedHashSet<>();
        List<Object[]> replaced = new ArrayList<>();
        List<Object[]> digests = new ArrayList<>();
        List<Outbox.Message> events = new ArrayList<>();
        Set<UUID> changedHouseholds = new LinkedHashSet<>();
        int changedResults = 0;
        Timestamp at = Timestamp.from(now);
        for (Judgement judgement : judgements) {
            Judged household = judgement.household();
            Standards.Current standard = judgement.standard();
            String village = household.village();
            LocalDate referenceDate = judgement.referenceDate();
            Pair pair = new Pair(household.id(), standard.code());
            digests.add(new Object[] {household.id(), standard.code(), judgement.digest()});
            boolean changed = false;
            List<Entry> entries = new ArrayList<>(judgement.results().size());
            List<RiskDetected.FailedIndicator> risks = new ArrayList<>();
            Set<String> riskTypes = new LinkedHashSet<>();
            for (Result result : judgement.results()) {
                CompiledStandard.Outcome outcome = result.outcome();
                Key key = new Key(household.id(), standard.code(), outcome.indicatorCode());
                Stored before = stored.remove(key);
                // a household that moved keeps its outcomes under its new village
                if (before != null
                        && before.entry().digest().equals(result.digest())
                        && before.village().equals(village)) {
                    entries.add(before.entry());
                    continue;
                }
                changed = true;
                changedResults++;
                if (before != null) {
                    replaced.add(new Object[] {household.id(), standard.code(), outcome.indicatorCode()});
                }
                entries.add(new Entry(
                        outcome.indicatorCode(),
                        standard.version(),
                        outcome.met(),
                        outcome.numerator(),
                        outcome.denominator(),
                        result.exclusions(),
                        result.reasons(),
                        result.digest(),
                        at,
                        before == null ? null : before.entry().met(),
                        household.cause() == null ? cause : household.cause()));
                if (!outcome.met() && (before == null || before.entry().met()) && referenceDate.equals(today)) {
                    StandardDefinition.IndicatorDefinition indicator =
                            indicator(standard.standard(), outcome.indicatorCode());
                    if (indicator.riskType() != null) {
                        riskTypes.add(indicator.riskType());
                        risks.add(new RiskDetected.FailedIndicator(
                                indicator.code(),
                                indicator.name(),
                                outcome.reasons().stream()
                                        .map(EvaluationService::describe)
                                        .toList()));
                    }
                }
            }
            judgedResults.put(pair, new PairResults(village, entries));
            if (!changed) {
                continue;
            }
            rewritten.add(pair);
            changedHouseholds.add(household.id());
            events.add(event(
                    household,
                    EventTypes.EVALUATION_CHANGED,
                    new EvaluationChanged(
                            household.id().toString(),
                            village,
                            standard.code(),
                            judgement.results().stream()
                                    .allMatch(r -> r.outcome().met()),
                            judgement.results().stream()
                                    .map(Result::outcome)
                                    .map(o -> new EvaluationChanged.Result(
                                            o.indicatorCode(), o.met(), o.numerator(), o.denominator()))
                                    .toList(),
                            now)));
            if (!risks.isEmpty() && !household.atRisk()) {
                events.add(event(
                        household,
                        EventTypes.RISK_DETECTED,
                        new RiskDetected(
                                household.id().toString(),
                                village,
                                standard.code(),
                                List.copyOf(riskTypes),
                                risks,
                                now)));
            }
        }
        // results of indicators a new version no longer has, or of standards that no longer cover the household (the
        // history keeps the removed version until the removal, so rates as of a later date leave the household out)
        Set<Pair> unjudged = new LinkedHashSet<>();
        for (Key key : stored.keySet()) {
            replaced.add(new Object[] {key.household(), key.standard(), key.indicator()});
            changedResults++;
            rewritten.add(key.pair());
            if (!judged.containsKey(key.pair())) {
                unjudged.add(key.pair());
            }
        }
        List<Object[]> notEvaluated = unjudged.stream()
                .map(pair -> new Object[] {pair.household(), pair.standard()})
                .toList();
        // a pair's row is written whole: the row it had goes, and the row it has now (if any result is left) comes
        List<Object[]> dropped = new ArrayList<>();
        List<Object[]> written = new ArrayList<>();
        for (Pair pair : rewritten) {
            if (withRow.contains(pair)) {
                dropped.add(new Object[] {pair.household(), pair.standard()});
            }
            PairResults results = judgedResults.get(pair);
            if (results != null && !results.entries().isEmpty()) {
                written.add(row(pair, results.village(), results.entries()).toArray());
            }
        }
        write(written, replaced, dropped, notEvaluated, digests, now);
        if (!events.isEmpty()) {
            outbox.publishAll(events);
        }
        return new Changes(changedHouseholds.size(), changedResults);
    }

    /**
     * An event about a household on indicator-events, keyed by the household; caused by the household event that made
     * it change (its trace continues), or by whatever runs now (a re-evaluation job).
     */
    private static Outbox.Message event(Judged household, String type, Object payload) {
        Outbox.Message message = new Outbox.Message(
                Topics.INDICATOR_EVENTS, "household", household.id().toString(), type, payload);
        return household.cause() == null ? message : message.causedBy(household.cause());
    }

    private static StandardDefinition.IndicatorDefinition indicator(CompiledStandard standard, String code) {
        return standard.indicators().stream()
                .map(CompiledStandard.CompiledIndicator::definition)
                .filter(d -> d.code().equals(code))
                .findFirst()
                .orElseThrow();
    }

    /** A reason as one line of text, e.g. {@code netIncomePerCapita=5200}. */
    static String describe(CompiledStandard.Reason reason) {
        return (reason.memberId() == null ? "" : "member " + reason.memberId() + ": ") + reason.field() + "="
                + reason.value();
    }

    /**
     * The stored results of some pairs of a household and a standard. Read pair by pair through the rows' key: a
     * standard just saved has no statistics yet, and a filter on its code alone could be planned on the division
     * index, which then reads every row the running job has written for it so far.
     */
    private Map<Key, Stored> stored(List<Pair> pairs) {
        Map<Key, Stored> stored = new HashMap<>();
        if (pairs.isEmpty()) {
            return stored;
        }
        UUID[] ids = new UUID[pairs.size()];
        String[] codes = new String[pairs.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = pairs.get(i).household();
            codes[i] = pairs.get(i).standard();
        }
        connection(c -> {
            try (PreparedStatement select = c.prepareStatement("""
                    select r.household_id, r.standard_code, r.indicator_code, r.village_code, r.standard_version,
                           r.met, r.numerator, r.denominator, cast(r.exclusions as text), cast(r.reasons as text),
                           r.digest, r.evaluated_at, r.previously_met, r.cause
                    from unnest(?, ?) as p(household_id, standard_code)
                    join indicator_result r on r.household_id = p.household_id and r.standard_code = p.standard_code""")) {
                select.setArray(1, c.createArrayOf("uuid", ids));
                select.setArray(2, c.createArrayOf("varchar", codes));
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        boolean previous = rs.getBoolean(13);
                        Boolean previouslyMet = rs.wasNull() ? null : previous;
                        stored.put(
                                new Key(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)),
                                new Stored(
                                        rs.getString(4),
                                        new Entry(
                                                rs.getString(3),
                                                rs.getInt(5),
                                                rs.getBoolean(6),
                                                rs.getInt(7),
                                                rs.getInt(8),
                                                rs.getString(9),
                                                rs.getString(10),
                                                rs.getString(11),
                                                rs.getTimestamp(12),
                                                previouslyMet,
                                                rs.getString(14))));
                    }
                }
            }
        });
        return stored;
    }

    /**
     * The columns of a household's row of a standard's results ({@code standard_result}), in the order {@link #row}
     * builds it: each indicator's result an element of every array, in the standard's order.
     */
    private static final List<String> ROW_COLUMNS = List.of(
            "household_id",
            "standard_code",
            "village_code",
            "indicator_codes",
            "standard_versions",
            "met",
            "numerators",
            "denominators",
            "exclusions",
            "reasons",
            "digests",
            "evaluated_at",
            "previously_met",
            "causes");

    /** The row of a pair with these results, as {@link CopyRows} writes it (an array column a list). */
    private static List<Object> row(Pair pair, String village, List<Entry> entries) {
        int n = entries.size();
        List<Object> codes = new ArrayList<>(n);
        List<Object> versions = new ArrayList<>(n);
        List<Object> met = new ArrayList<>(n);
        List<Object> numerators = new ArrayList<>(n);
        List<Object> denominators = new ArrayList<>(n);
        List<Object> exclusions = new ArrayList<>(n);
        List<Object> reasons = new ArrayList<>(n);
        List<Object> digests = new ArrayList<>(n);
        List<Object> evaluatedAt = new ArrayList<>(n);
        List<Object> previouslyMet = new ArrayList<>(n);
        List<Object> causes = new ArrayList<>(n);
        for (Entry entry : entries) {
            codes.add(entry.indicator());
            versions.add(entry.standardVersion());
            met.add(entry.met());
            numerators.add(entry.numerator());
            denominators.add(entry.denominator());
            exclusions.add(entry.exclusions());
            reasons.add(entry.reasons());
            digests.add(entry.digest());
            evaluatedAt.add(entry.evaluatedAt());
            previouslyMet.add(entry.previouslyMet());
            causes.add(entry.cause());
        }
        return List.of(
                pair.household(),
                pair.standard(),
                village,
                codes,
                versions,
                met,
                numerators,
                denominators,
                exclusions,
                reasons,
                digests,
                evaluatedAt,
                previouslyMet,
                causes);
    }

    /**
     * Moves the versions about to be replaced or removed into the history, each with the moment it stopped being in
     * force; they are read through the primary key, pair by pair, as {@link #stored} reads them.
     */
    private static final String ARCHIVE_REPLACED = """
            insert into indicator_result_history (household_id, standard_code, indicator_code, standard_version,
                   village_code, met, previously_met, numerator, denominator, exclusions, reasons, evaluated_at, cause,
                   superseded_at)
            select r.household_id, r.standard_code, r.indicator_code, r.standard_version, r.village_code, r.met,
                   r.previously_met, r.numerator, r.denominator, r.exclusions, r.reasons, r.evaluated_at, r.cause, ?
            from unnest(?, ?, ?) as k(household_id, standard_code, indicator_code)
            join indicator_result r on r.household_id = k.household_id and r.standard_code = k.standard_code
                                   and r.indicator_code = k.indicator_code""";

    /**
     * Records which version of each household each standard judges now (whether or not an outcome changes), unless a
     * newer version was judged already; the pairs claimed, each with the digest of the outcomes stored for it (null
     * when it has none yet, or none was recorded). The rows stay locked until the transaction ends: an evaluation of
     * the same household and standard elsewhere (an event's, a job's) waits for it and then reads what it wrote, the
     * digest included, since the claim returns the row as the last evaluation committed it. So a job that read a
     * household ahead, before an event about it was evaluated, never writes the results of the older state over those
     * of the newer one. The rows are claimed in the order of the households' ids as PostgreSQL orders them, whoever
     * asks (an event batch arrives in any order, a job's chunk in that one), so that two evaluations wait for each
     * other and never deadlock.
     */
    private Map<Pair, String> claim(Collection<Judgement> judging, Instant now) {
        Map<Pair, String> claimed = new HashMap<>();
        if (judging.isEmpty()) {
            return claimed;
        }
        // stable: a household's standards stay in the order of the standards in force
        List<Object[]> ordered = new ArrayList<>(judging.size());
        for (Judgement judgement : judging) {
            Judged household = judgement.household();
            ordered.add(new Object[] {household.id(), judgement.standard().code(), household.version()});
        }
        ordered.sort(Comparator.comparing(pair -> (UUID) pair[0], IdWalk::compareAsStored));
        connection(c -> {
            try (PreparedStatement upsert = c.prepareStatement("""
                    insert into household_evaluation (household_id, standard_code, version, evaluated_at)
                    select j.household_id, j.standard_code, j.version, ?
                    from unnest(?, ?, ?) as j(household_id, standard_code, version)
                    on conflict (household_id, standard_code) do update
                       set version = excluded.version, evaluated_at = excluded.evaluated_at
                     where household_evaluation.version <= excluded.version
                    returning household_id, standard_code, outcomes_digest""")) {
                upsert.setTimestamp(1, Timestamp.from(now));
                upsert.setArray(2, c.createArrayOf("uuid", column(ordered, 0)));
                upsert.setArray(3, c.createArrayOf("varchar", column(ordered, 1)));
                upsert.setArray(4, c.createArrayOf("int8", column(ordered, 2)));
                try (ResultSet rs = upsert.executeQuery()) {
                    while (rs.next()) {
                        claimed.put(new Pair(rs.getObject(1, UUID.class), rs.getString(2)), rs.getString(3));
                    }
                }
            }
        });
        return claimed;
    }

    /**
     * Writes what a chunk changed: the versions replaced or removed into the history (read before their rows go), the
     * rows of the pairs whose results changed deleted, then the rows they have now and the first rows of new pairs by
     * COPY.
     */
    private void write(
            List<Object[]> written,
            List<Object[]> replaced,
            List<Object[]> dropped,
            List<Object[]> notEvaluated,
            List<Object[]> digests,
            Instant now) {
        if (written.isEmpty()
                && replaced.isEmpty()
                && dropped.isEmpty()
                && notEvaluated.isEmpty()
                && digests.isEmpty()) {
            return;
        }
        // a batch of a county's re-evaluation: the same statements again and again
        sql.planOnce();
        connection(c -> {
            if (!replaced.isEmpty()) {
                try (PreparedStatement archive = c.prepareStatement(ARCHIVE_REPLACED)) {
                    archive.setTimestamp(1, Timestamp.from(now));
                    archive.setArray(2, c.createArrayOf("uuid", column(replaced, 0)));
                    archive.setArray(3, c.createArrayOf("varchar", column(replaced, 1)));
                    archive.setArray(4, c.createArrayOf("varchar", column(replaced, 2)));
                    archive.executeUpdate();
                }
            }
            if (!dropped.isEmpty()) {
                try (PreparedStatement delete = c.prepareStatement("""
                        delete from standard_result s using unnest(?, ?) as d(household_id, standard_code)
                        where s.standard_code = d.standard_code and s.household_id = d.household_id""")) {
                    delete.setArray(1, c.createArrayOf("uuid", column(dropped, 0)));
                    delete.setArray(2, c.createArrayOf("varchar", column(dropped, 1)));
                    delete.executeUpdate();
                }
            }
            CopyRows.copy(c, "standard_result", ROW_COLUMNS, written);
            // a household the standard no longer judges (merged, moved out of its region) has no evaluated version
            batch(c, "delete from household_evaluation where household_id = ? and standard_code = ?", notEvaluated);
            if (!digests.isEmpty()) {
                try (PreparedStatement update = c.prepareStatement("""
                        update household_evaluation e set outcomes_digest = d.digest
                        from unnest(?, ?, ?) as d(household_id, standard_code, digest)
                        where e.household_id = d.household_id and e.standard_code = d.standard_code""")) {
                    update.setArray(1, c.createArrayOf("uuid", column(digests, 0)));
                    update.setArray(2, c.createArrayOf("varchar", column(digests, 1)));
                    update.setArray(3, c.createArrayOf("varchar", column(digests, 2)));
                    update.executeUpdate();
                }
            }
        });
    }

    private static Object[] column(List<Object[]> rows, int index) {
        return rows.stream().map(row -> row[index]).toArray();
    }

    private static void batch(Connection c, String sql, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    statement.setObject(i + 1, row[i]);
                }
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private interface Work {
        void run(Connection connection) throws SQLException;
    }

    /** Runs JDBC work on the connection of the current transaction. */
    private void connection(Work work) {
        entityManager.unwrap(Session.class).doWork(work::run);
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What a standard's evaluation of a household stores, in one digest: its village and each indicator's code and
     * result digest, in the standard's order.
     */
    private static String outcomesDigest(String village, List<Result> results) {
        StringBuilder canonical = new StringBuilder(village);
        for (Result result : results) {
            canonical
                    .append('|')
                    .append(result.outcome().indicatorCode())
                    .append('=')
                    .append(result.digest());
        }
        return Hashing.murmur3_128()
                .hashString(canonical, StandardCharsets.UTF_8)
                .toString();
    }

    private static String digest(CompiledStandard.Outcome outcome, String exclusions, String reasons) {
        String canonical = outcome.met() + "|" + outcome.numerator() + "|" + outcome.denominator() + "|" + exclusions
                + "|" + reasons;
        return Hashing.murmur3_128()
                .hashString(canonical, StandardCharsets.UTF_8)
                .toString();
    }
}
