package cn.ruralwatch.indicator.figures;

import cn.ruralwatch.problem.Violation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The arithmetic of a set of declared figures, without any data: which references are wrong, whether parts add up to
 * their whole, whether a rate is its numerator over its denominator as printed, and whether a figure equals what the
 * suite holds. Every outcome is a check with the two values and a sentence an official can read.
 */
final class FigureArithmetic {

    static final int DEFAULT_DECIMALS = 2;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private FigureArithmetic() {}

    /** Duplicate codes and relations or comparisons that name figures the set does not have, or lack their parts. */
    static List<Violation> violations(FigureCheckApi.Request request) {
        List<Violation> violations = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < request.figures().size(); i++) {
            String code = request.figures().get(i).code();
            if (!codes.add(code)) {
                violations.add(Violation.of(
                        "figures[" + i + "].code", "DUPLICATE", "problem.figure-check.duplicate-code", code));
            }
        }
        List<FigureCheckApi.Relation> relations = relations(request);
        for (int i = 0; i < relations.size(); i++) {
            FigureCheckApi.Relation r = relations.get(i);
            String at = "relations[" + i + "]";
            if (r.kind() == FigureCheckApi.RelationKind.SUM) {
                reference(codes, at + ".whole", r.whole(), violations);
                if (r.parts() == null || r.parts().isEmpty()) {
                    violations.add(Violation.of(at + ".parts", "REQUIRED", "problem.figure-check.parts-required"));
                } else {
                    for (int j = 0; j < r.parts().size(); j++) {
                        reference(codes, at + ".parts[" + j + "]", r.parts().get(j), violations);
                    }
                }
            } else {
                reference(codes, at + ".rate", r.rate(), violations);
                reference(codes, at + ".numerator", r.numerator(), violations);
                reference(codes, at + ".denominator", r.denominator(), violations);
            }
        }
        List<FigureCheckApi.Comparison> comparisons = comparisons(request);
        for (int i = 0; i < comparisons.size(); i++) {
            FigureCheckApi.Comparison c = comparisons.get(i);
            String at = "comparisons[" + i + "]";
            reference(codes, at + ".figure", c.figure(), violations);
            if (c.measure().name().startsWith("INDICATOR_")) {
                if (c.standard() == null || c.standard().isBlank()) {
                    violations.add(
                            Violation.of(at + ".standard", "REQUIRED", "problem.figure-check.indicator-required"));
                }
                if (c.indicator() == null || c.indicator().isBlank()) {
                    violations.add(
                            Violation.of(at + ".indicator", "REQUIRED", "problem.figure-check.indicator-required"));
                }
            }
            if (c.measure() == FigureCheckApi.Measure.INDICATOR_EXCLUDED
                    && (c.exclusion() == null || c.exclusion().isBlank())) {
                violations.add(Violation.of(at + ".exclusion", "REQUIRED", "problem.figure-check.exclusion-required"));
            }
            if (!c.monitoring() && (c.category() != null || c.identifiedYear() != null)) {
                violations.add(Violation.of(
                        at + (c.category() != null ? ".category" : ".identifiedYear"),
                        "NOT_MONITORING",
                        "problem.figure-check.monitoring-only",
                        c.measure()));
            }
            boolean current = c.monitoring() || c.measure().name().startsWith("STABLE_EXITED");
            if (current && request.asOf() != null) {
                violations.add(Violation.of(
                        at + ".measure", "CURRENT_ONLY", "problem.figure-check.current-only", c.measure()));
            }
        }
        return violations;
    }

    private static void reference(Set<String> codes, String field, String code, List<Violation> violations) {
        if (code == null || code.isBlank()) {
            violations.add(Violation.of(field, "REQUIRED", "problem.figure-check.reference-required"));
        } else if (!codes.contains(code)) {
            violations.add(Violation.of(field, "UNKNOWN_FIGURE", "problem.figure-check.unknown-figure", code));
        }
    }

    /** The checks of the relations among the figures, in the order given. */
    static List<FigureCheckApi.Check> relations(
            List<FigureCheckApi.Figure> figures, List<FigureCheckApi.Relation> relations) {
        Map<String, FigureCheckApi.Figure> byCode = byCode(figures);
        List<FigureCheckApi.Check> checks = new ArrayList<>();
        for (FigureCheckApi.Relation r : relations) {
            checks.add(r.kind() == FigureCheckApi.RelationKind.SUM ? sum(byCode, r) : rate(byCode, r));
        }
        return checks;
    }

    private static FigureCheckApi.Check sum(Map<String, FigureCheckApi.Figure> byCode, FigureCheckApi.Relation r) {
        FigureCheckApi.Figure whole = byCode.get(r.whole());
        List<FigureCheckApi.Figure> parts = r.parts().stream().map(byCode::get).toList();
        BigDecimal total = parts.stream().map(FigureCheckApi.Figure::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        boolean holds = whole.value().compareTo(total) == 0;
        String terms = parts.stream().map(FigureArithmetic::term).collect(Collectors.joining(" + "));
        String message = holds
                ? term(whole) + " = " + terms
                : term(whole) + " ≠ " + terms + " = " + plain(total) + "（相差 "
                        + plain(whole.value().subtract(total)) + "）";
        List<String> codes = new ArrayList<>();
        codes.add(whole.code());
        parts.forEach(p -> codes.add(p.code()));
        return new FigureCheckApi.Check(
                FigureCheckApi.CheckKind.SUM,
                List.copyOf(codes),
                whole.value(),
                total,
                whole.value().subtract(total),
                holds,
                message);
    }

    private static FigureCheckApi.Check rate(Map<String, FigureCheckApi.Figure> byCode, FigureCheckApi.Relation r) {
        FigureCheckApi.Figure rate = byCode.get(r.rate());
        FigureCheckApi.Figure numerator = byCode.get(r.numerator());
        FigureCheckApi.Figure denominator = byCode.get(r.denominator());
        int decimals = r.decimals() == null ? DEFAULT_DECIMALS : r.decimals();
        BigDecimal computed = percent(numerator.value(), denominator.value(), decimals);
        List<String> codes = List.of(rate.code(), numerator.code(), denominator.code());
        if (computed == null) {
            return new FigureCheckApi.Check(
                    FigureCheckApi.CheckKind.RATE,
                    codes,
                    rate.value(),
                    null,
                    null,
                    false,
                    term(rate) + "%：分母 " + term(denominator) + " 为 0，无法计算");
        }
        BigDecimal declared = rate.value().setScale(decimals, RoundingMode.HALF_UP);
        boolean holds = declared.compareTo(computed) == 0;
        String division = term(numerator) + " / " + term(denominator) + " = " + computed.toPlainString() + "%";
        String message = holds
                ? term(rate) + "% = " + division
                : term(rate) + "% ≠ " + division + "（相差 " + plain(rate.value().subtract(computed)) + " 个百分点）";
        return new FigureCheckApi.Check(
                FigureCheckApi.CheckKind.RATE,
                codes,
                rate.value(),
                computed,
                rate.value().subtract(computed),
                holds,
                message);
    }

    /** A figure against the value the suite holds; a rate is compared at the decimals it is printed with. */
    static FigureCheckApi.Check registered(
            FigureCheckApi.Figure figure, String what, BigDecimal value, boolean rate, int decimals) {
        if (value == null) {
            return new FigureCheckApi.Check(
                    FigureCheckApi.CheckKind.REGISTERED,
                    List.of(figure.code()),
                    figure.value(),
                    null,
                    null,
                    false,
                    term(figure) + "：系统中没有" + what + "，无法比对");
        }
        BigDecimal declared = rate ? figure.value().setScale(decimals, RoundingMode.HALF_UP) : figure.value();
        BigDecimal computed = rate ? value.setScale(decimals, RoundingMode.HALF_UP) : value;
        boolean holds = declared.compareTo(computed) == 0;
        String unit = rate ? "%" : "";
        String message = term(figure) + unit + (holds ? " = " : " ≠ ") + what + " " + plain(computed) + unit
                + (holds ? "" : "（相差 " + plain(figure.value().subtract(computed)) + "）");
        return new FigureCheckApi.Check(
                FigureCheckApi.CheckKind.REGISTERED,
                List.of(figure.code()),
                figure.value(),
                computed,
                figure.value().subtract(computed),
                holds,
                message);
    }

    /** A rate in percent rounded half up to the decimals; null over a zero denominator. */
    static BigDecimal percent(BigDecimal numerator, BigDecimal denominator, int decimals) {
        if (denominator.signum() == 0) {
            return null;
        }
        return numerator.multiply(HUNDRED).divide(denominator, decimals, RoundingMode.HALF_UP);
    }

    static Map<String, FigureCheckApi.Figure> byCode(List<FigureCheckApi.Figure> figures) {
        Map<String, FigureCheckApi.Figure> byCode = new LinkedHashMap<>();
        figures.forEach(f -> byCode.putIfAbsent(f.code(), f));
        return byCode;
    }

    static List<FigureCheckApi.Relation> relations(FigureCheckApi.Request request) {
        return request.relations() == null ? List.of() : request.relations();
    }

    static List<FigureCheckApi.Comparison> comparisons(FigureCheckApi.Request request) {
        return request.comparisons() == null ? List.of() : request.comparisons();
    }

    private static String term(FigureCheckApi.Figure figure) {
        return figure.label() + " " + plain(figure.value());
    }

    private static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
