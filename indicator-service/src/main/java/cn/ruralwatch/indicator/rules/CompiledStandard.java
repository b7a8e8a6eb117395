package cn.ruralwatch.indicator.rules;

import cn.ruralwatch.events.HouseholdState;
import cn.ruralwatch.indicator.rules.StandardDefinition.Unit;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelVariableResolver;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** A standard version whose rules are compiled; evaluating it is pure (no database, no clock). */
public final class CompiledStandard {

    private final StandardDefinition definition;
    private final List<CompiledIndicator> indicators;
    private final List<CompiledConsistencyRule> consistencyRules;

    CompiledStandard(
            StandardDefinition definition,
            List<CompiledIndicator> indicators,
            List<CompiledConsistencyRule> consistencyRules) {
        this.definition = definition;
        this.indicators = List.copyOf(indicators);
        this.consistencyRules = List.copyOf(consistencyRules);
    }

    public record CompiledIndicator(
            StandardDefinition.IndicatorDefinition definition,
            CelRuntime.Program population,
            List<CompiledExclusion> exclusions,
            CelRuntime.Program rule,
            Map<String, CelRuntime.Program> evidence) {}

    public record CompiledExclusion(String code, String name, CelRuntime.Program condition) {}

    public record CompiledConsistencyRule(
            StandardDefinition.ConsistencyRule definition, CelRuntime.Program left, CelRuntime.Program right) {}

    /**
     * One indicator's result for one household (or division): what it adds to the rate, which exclusions took whom out
     * of the denominator, and the values that failed it.
     */
    public record Outcome(
            String indicatorCode,
            boolean met,
            int numerator,
            int denominator,
            Map<String, Integer> exclusions,
            List<Reason> reasons) {

        public Outcome {
            exclusions = Map.copyOf(exclusions);
            reasons = List.copyOf(reasons);
        }
    }

    /** A value that failed an indicator: whose (member id, absent for the household), which value, what it was. */
    public record Reason(String memberId, String field, String value) {}

    /** The outcome of a consistency rule for a division. */
    public record ConsistencyOutcome(
            String code, String name, String expression, Object left, Object right, boolean holds) {}

    public StandardDefinition definition() {
        return definition;
    }

    public List<CompiledIndicator> indicators() {
        return indicators;
    }

    /** Whether any of the indicators counts households or people. */
    public boolean evaluatesHouseholds() {
        return indicators.stream().anyMatch(i -> i.definition().unit() != Unit.DIVISION);
    }

    /**
     * The date the standard is evaluated on: today while it is in force, its last day once it has ended, its first day
     * before it starts. Ages, the income year and parameter years follow from it.
     */
    public LocalDate referenceDate(LocalDate today) {
        if (definition.validTo() != null && today.isAfter(definition.validTo())) {
            return definition.validTo();
        }
        return today.isBefore(definition.validFrom()) ? definition.validFrom() : today;
    }

    /** Whether a day lies in the standard's period. */
    public boolean inForce(LocalDate day) {
        return !day.isBefore(definition.validFrom())
                && (definition.validTo() == null || !day.isAfter(definition.validTo()));
    }

    /** Every household- and member-counted indicator for one household. */
    public List<Outcome> evaluateHousehold(HouseholdState state, Map<String, Object> params, LocalDate referenceDate) {
        List<Map<String, Object>> members = RuleModel.allMembers(state, referenceDate);
        Variables input = new Variables(
                params, "household", RuleModel.household(state, referenceDate, members), referenceDate.getYear());
        List<Outcome> outcomes = new ArrayList<>();
        for (CompiledIndicator indicator : indicators) {
            switch (indicator.definition().unit()) {
                case HOUSEHOLD -> outcomes.add(countOne(indicator, input));
                case MEMBER -> outcomes.add(countMembers(indicator, input, members));
                case DIVISION -> {
                    // judged per division, not per household
                }
            }
        }
        return outcomes;
    }

    /** The division-judged indicators for one division, from its facts and aggregates. */
    public List<Outcome> evaluateDivision(Map<String, Object> division, Map<String, Object> params, int year) {
        Variables input = new Variables(params, "division", division, year);
        List<Outcome> outcomes = new ArrayList<>();
        for (CompiledIndicator indicator : indicators) {
            if (indicator.definition().unit() == Unit.DIVISION) {
                outcomes.add(countOne(indicator, input));
            }
        }
        return outcomes;
    }

    public List<ConsistencyOutcome> checkConsistency(
            Map<String, Object> division, Map<String, Object> params, int year) {
        Variables input = new Variables(params, "division", division, year);
        List<ConsistencyOutcome> outcomes = new ArrayList<>();
        for (CompiledConsistencyRule rule : consistencyRules) {
            StandardDefinition.ConsistencyRule d = rule.definition();
            String expression = d.left() + " " + d.operator() + " " + d.right();
            try {
                Object left = rule.left().eval(input);
                Object right = rule.right().eval(input);
                outcomes.add(new ConsistencyOutcome(
                        d.code(), d.name(), expression, left, right, compare(left, d.operator(), right)));
            } catch (CelEvaluationException failed) {
                outcomes.add(new ConsistencyOutcome(d.code(), d.name(), expression, failed.getMessage(), null, false));
            }
        }
        return outcomes;
    }

    /**
     * The variables a rule reads: the standard's parameters ({@code params.<name>}), the subject ({@code household} or
     * {@code division}), {@code year} and, for a member-counted indicator, the {@code member} being counted. They are
     * looked up where they are: a program evaluated on a {@code Map} copies it whole into a new immutable map first,
     * which for a household and its members, indicator by indicator, cost more than the rules themselves.
     */
    private static final class Variables implements CelVariableResolver {

        private final Map<String, Object> params;
        private final String subjectName;
        private final Object subject;
        private final Long year;
        private Object member;

        Variables(Map<String, Object> params, String subjectName, Object subject, int year) {
            this.params = params;
            this.subjectName = subjectName;
            this.subject = subject;
            this.year = (long) year;
        }

        @Override
        public Optional<Object> find(String name) {
            if (name.equals(subjectName)) {
                return Optional.ofNullable(subject);
            }
            return Optional.ofNullable(
                    switch (name) {
                        case "year" -> year;
                        case "member" -> member;
                        default -> params.get(name);
                    });
        }
    }

    private static boolean compare(Object left, String operator, Object right) {
        int c = new BigDecimal(String.valueOf(left)).compareTo(new BigDecimal(String.valueOf(right)));
        return switch (operator) {
            case "==" -> c == 0;
            case "!=" -> c != 0;
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            case ">=" -> c >= 0;
            default -> throw new IllegalArgumentException(operator);
        };
    }

    private Outcome countOne(CompiledIndicator indicator, Variables input) {
        List<Reason> reasons = new ArrayList<>();
        Map<String, Integer> excluded = new LinkedHashMap<>();
        int[] counts = new int[2];
        count(indicator, input, null, counts, excluded, reasons);
        return new Outcome(
                indicator.definition().code(), counts[0] == counts[1], counts[0], counts[1], excluded, reasons);
    }

    private Outcome countMembers(CompiledIndicator indicator, Variables input, List<Map<String, Object>> members) {
        List<Reason> reasons = new ArrayList<>();
        Map<String, Integer> excluded = new LinkedHashMap<>();
        int[] counts = new int[2];
        try {
            for (Map<String, Object> member : members) {
                input.member = member;
                count(indicator, input, (String) member.get("id"), counts, excluded, reasons);
            }
        } finally {
            input.member = null;
        }
        return new Outcome(
                indicator.definition().code(), counts[0] == counts[1], counts[0], counts[1], excluded, reasons);
    }

    /** Adds one household (or member) to {@code counts} = {numerator, denominator}. */
    private static void count(
            CompiledIndicator indicator,
            Variables input,
            String memberId,
            int[] counts,
            Map<String, Integer> excluded,
            List<Reason> reasons) {
        boolean counted = false;
        try {
            if (indicator.population() != null && !truth(indicator.population().eval(input))) {
                return;
            }
            for (CompiledExclusion exclusion : indicator.exclusions()) {
                if (truth(exclusion.condition().eval(input))) {
                    excluded.merge(exclusion.code(), 1, Integer::sum);
                    return;
                }
            }
            counts[1]++;
            counted = true;
            if (truth(indicator.rule().eval(input))) {
                counts[0]++;
                return;
            }
            if (indicator.evidence().isEmpty()) {
                reasons.add(new Reason(memberId, "rule", indicator.definition().rule()));
            }
            for (Map.Entry<String, CelRuntime.Program> evidence :
                    indicator.evidence().entrySet()) {
                reasons.add(new Reason(
                        memberId, evidence.getKey(), display(evidence.getValue().eval(input))));
            }
        } catch (CelEvaluationException failed) {
            // a rule that cannot be evaluated for this household counts it as failing, and says why
            if (!counted) {
                counts[1]++;
            }
            reasons.add(new Reason(memberId, "error", failed.getMessage()));
        }
    }

    private static boolean truth(Object value) {
        return Boolean.TRUE.equals(value);
    }

    /** A value as officials read it: 5000 rather than 5000.0, lists comma-separated. */
    static String display(Object value) {
        return switch (value) {
            case Double d when d.isNaN() || d.isInfinite() -> d.toString();
            case Double d -> BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
            case List<?> list -> list.stream().map(CompiledStandard::display).collect(Collectors.joining(", "));
            case null -> "";
            default -> String.valueOf(value);
        };
    }
}
