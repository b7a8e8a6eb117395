package cn.ruralwatch.indicator.rules;

import cn.ruralwatch.indicator.rules.StandardDefinition.Unit;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.Violation;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelBuilder;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Type-checks a standard's rules against {@link RuleModel} and turns them into programs. A rule that does not compile is
 * reported as a field violation naming the rule, with CEL's message and the line and column it points at.
 */
public final class RuleCompiler {

    private static final CelOptions OPTIONS =
            CelOptions.current().enableHeterogeneousNumericComparisons(true).build();

    private RuleCompiler() {}

    /** The standard's rules compiled, or a 400 problem listing every rule that does not compile. */
    public static CompiledStandard compile(StandardDefinition definition) {
        List<Violation> violations = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < definition.indicators().size(); i++) {
            if (!codes.add(definition.indicators().get(i).code())) {
                violations.add(Violation.of(
                        "indicators[" + i + "].code",
                        "DUPLICATE",
                        "problem.standard.indicator-duplicate",
                        definition.indicators().get(i).code()));
            }
        }
        for (int i = 0; i < definition.indicators().size(); i++) {
            StandardDefinition.IndicatorDefinition indicator =
                    definition.indicators().get(i);
            if (indicator.reporting() == StandardDefinition.Reporting.COUNT
                    && (indicator.metAs() == null || indicator.metAs().isBlank())) {
                violations.add(Violation.of(
                        "indicators[" + i + "].metAs", "REQUIRED", "problem.standard.count-wording", indicator.code()));
            }
        }
        Set<String> parameterNames = new HashSet<>();
        for (int i = 0; i < definition.parameters().size(); i++) {
            if (!parameterNames.add(definition.parameters().get(i).name())) {
                violations.add(Violation.of(
                        "parameters[" + i + "].name",
                        "DUPLICATE",
                        "problem.standard.parameter-duplicate",
                        definition.parameters().get(i).name()));
            }
        }
        Environments env = new Environments(parameterNames);
        // rules naming a parameter the standard does not declare are reported by name before CEL sees them
        java.util.function.BiPredicate<String, String> undeclared = (expression, field) ->
                expression != null && undeclaredParameter(expression, parameterNames, field, violations);
        List<CompiledStandard.CompiledIndicator> indicators = new ArrayList<>();
        for (int i = 0; i < definition.indicators().size(); i++) {
            StandardDefinition.IndicatorDefinition indicator =
                    definition.indicators().get(i);
            String at = "indicators[" + i + "]";
            if (indicator.unit() == Unit.DIVISION && definition.level() == StandardDefinition.Level.HOUSEHOLD) {
                violations.add(
                        Violation.of(at + ".unit", "LEVEL", "problem.standard.division-unit-in-household-standard"));
                continue;
            }
            Cel cel = env.forUnit(indicator.unit());
            CelRuntime.Program population =
                    indicator.population() == null || indicator.population().isBlank()
                            ? null
                            : undeclared.test(indicator.population(), at + ".population")
                                    ? null
                                    : program(cel, indicator.population(), at + ".population", violations);
            List<CompiledStandard.CompiledExclusion> exclusions = new ArrayList<>();
            for (int e = 0; e < indicator.exclusions().size(); e++) {
                StandardDefinition.Exclusion exclusion = indicator.exclusions().get(e);
                String conditionField = at + ".exclusions[" + e + "].condition";
                CelRuntime.Program condition = undeclared.test(exclusion.condition(), conditionField)
                        ? null
                        : program(cel, exclusion.condition(), conditionField, violations);
                exclusions.add(new CompiledStandard.CompiledExclusion(exclusion.code(), exclusion.name(), condition));
            }
            CelRuntime.Program rule = undeclared.test(indicator.rule(), at + ".rule")
                    ? null
                    : program(cel, indicator.rule(), at + ".rule", violations);
            Map<String, CelRuntime.Program> evidence = new LinkedHashMap<>();
            indicator.evidence().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(entry -> evidence.put(
                            entry.getKey(),
                            program(
                                    env.forUnitAnyResult(indicator.unit()),
                                    entry.getValue(),
                                    at + ".evidence." + entry.getKey(),
                                    violations)));
            indicators.add(new CompiledStandard.CompiledIndicator(indicator, population, exclusions, rule, evidence));
        }
        List<CompiledStandard.CompiledConsistencyRule> consistency = new ArrayList<>();
        for (int i = 0; i < definition.consistencyRules().size(); i++) {
            StandardDefinition.ConsistencyRule rule =
                    definition.consistencyRules().get(i);
            String at = "consistencyRules[" + i + "]";
            CelRuntime.Program left = numeric(env.division(), rule.left(), at + ".left", violations);
            CelRuntime.Program right = numeric(env.division(), rule.right(), at + ".right", violations);
            consistency.add(new CompiledStandard.CompiledConsistencyRule(rule, left, right));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return new CompiledStandard(definition, indicators, consistency);
    }

    private static final Pattern PARAMETER = Pattern.compile("\\bparams\\.([A-Za-z_][A-Za-z0-9_]*)");

    /**
     * A parameter the standard does not declare: CEL would only say that {@code params} is unknown, so the name the
     * rule used is reported with its position.
     */
    private static boolean undeclaredParameter(
            String expression, Set<String> declared, String field, List<Violation> violations) {
        Matcher m = PARAMETER.matcher(expression);
        while (m.find()) {
            if (!declared.contains(m.group(1))) {
                String before = expression.substring(0, m.start());
                int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
                int column = m.start() - before.lastIndexOf('\n');
                violations.add(
                        Violation.of(field, "CEL", "problem.standard.parameter-undeclared", line, column, m.group(1)));
                return true;
            }
        }
        return false;
    }

    private static CelRuntime.Program program(Cel cel, String expression, String field, List<Violation> violations) {
        try {
            // a boolean context's environment declares the result type: CEL itself rejects any other
            return cel.createProgram(cel.compile(expression).getAst());
        } catch (CelValidationException invalid) {
            violations.add(celViolation(field, invalid));
            return null;
        } catch (CelEvaluationException cannotPlan) {
            violations.add(Violation.of(field, "CEL", "problem.standard.rule-invalid", 1, 1, cannotPlan.getMessage()));
            return null;
        }
    }

    private static CelRuntime.Program numeric(Cel cel, String expression, String field, List<Violation> violations) {
        try {
            CelAbstractSyntaxTree ast = cel.compile(expression).getAst();
            CelKind kind = ast.getResultType().kind();
            if (kind != CelKind.INT && kind != CelKind.DOUBLE && kind != CelKind.UINT && kind != CelKind.DYN) {
                violations.add(Violation.of(
                        field,
                        "CEL_TYPE",
                        "problem.standard.expression-not-numeric",
                        ast.getResultType().name()));
                return null;
            }
            return cel.createProgram(ast);
        } catch (CelValidationException invalid) {
            violations.add(celViolation(field, invalid));
            return null;
        } catch (CelEvaluationException cannotPlan) {
            violations.add(Violation.of(field, "CEL", "problem.standard.rule-invalid", 1, 1, cannotPlan.getMessage()));
            return null;
        }
    }

    /** The first error CEL reports, with its 1-based line and column. */
    private static Violation celViolation(String field, CelValidationException invalid) {
        CelIssue issue = invalid.getErrors().getFirst();
        int line = issue.getSourceLocation().getLine();
        int column = issue.getSourceLocation().getColumn() + 1;
        return Violation.of(field, "CEL", "problem.standard.rule-invalid", line, column, issue.getMessage());
    }

    /** The three contexts rules are written in, sharing the standard's parameters. */
    private static final class Environments {
        private final Set<String> parameters;
        private final Map<String, Cel> built = new LinkedHashMap<>();

        Environments(Set<String> parameters) {
            this.parameters = parameters;
        }

        Cel forUnit(Unit unit) {
            return built.computeIfAbsent(unit.name() + ":bool", k -> build(unit, true));
        }

        Cel forUnitAnyResult(Unit unit) {
            return built.computeIfAbsent(unit.name() + ":any", k -> build(unit, false));
        }

        Cel division() {
            return built.computeIfAbsent("DIVISION:any", k -> build(Unit.DIVISION, false));
        }

        private Cel build(Unit unit, boolean bool) {
            CelBuilder builder = CelFactory.standardCelBuilder()
                    .setOptions(OPTIONS)
                    .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                    .setTypeProvider(RuleModel.TYPES)
                    .addVar("year", SimpleType.INT);
            switch (unit) {
                case HOUSEHOLD -> builder.addVar("household", RuleModel.householdType());
                case MEMBER ->
                    builder.addVar("household", RuleModel.householdType()).addVar("member", RuleModel.memberType());
                case DIVISION -> builder.addVar("division", RuleModel.divisionType());
            }
            for (String parameter : parameters) {
                builder.addVar("params." + parameter, SimpleType.DOUBLE);
            }
            if (bool) {
                builder.setResultType(SimpleType.BOOL);
            }
            return builder.build();
        }
    }
}
