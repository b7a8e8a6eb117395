package cn.ruralwatch.report.period;

import cn.ruralwatch.directory.KnownDivision;
import cn.ruralwatch.problem.IsoDates;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.Violation;
import cn.ruralwatch.report.overview.OverviewService;
import cn.ruralwatch.report.projection.MemberChanges;
import cn.ruralwatch.sql.Sql;
import cn.ruralwatch.sql.Statement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * 自然增减 of a period: the people who joined households by birth, marriage or moving in, and left them by death, marriage
 * or moving out, with the households they belong to; by default among 脱贫户 and 监测户 (建档立卡 households and
 * monitored ones), as the work reports count them (seed 003: 自然增加5人，自然减少11户25人).
 */
@ApplicationScoped
public class NaturalChanges {

    private static final Map<String, String> LABELS = Map.of(
            "BIRTH", "出生",
            "MARRIAGE_IN", "婚入",
            "MOVE_IN", "迁入",
            "DEATH", "死亡",
            "MARRIAGE_OUT", "婚出",
            "MOVE_OUT", "迁出");

    private static final List<String> ORDER =
            List.of("BIRTH", "MARRIAGE_IN", "MOVE_IN", "DEATH", "MARRIAGE_OUT", "MOVE_OUT");

    /** Whose changes are counted. */
    @Schema(name = "NaturalChangePopulation", description = "POVERTY_AND_MONITORED 脱贫户（建档立卡户）和监测户（默认，工作汇报的口径）；ALL 全部农户")
    public enum Population {
        POVERTY_AND_MONITORED,
        ALL
    }

    @Schema(name = "NaturalChangeReport", description = "一段时间内的自然增减")
    public record Report(
            @Schema(example = "420281106") String divisionCode,
            @Schema(example = "金山店镇") String divisionName,
            @Schema(example = "2023-01-01") LocalDate from,
            @Schema(example = "2023-12-31") LocalDate to,
            Population population,
            @Schema(description = "自然增加（出生、婚入、迁入）") Side increase,
            @Schema(description = "自然减少（死亡、婚出、迁出）") Side decrease) {}

    @Schema(name = "NaturalChangeSide")
    public record Side(
            @Schema(description = "涉及户数", example = "11") long households,
            @Schema(description = "人数", example = "25") long people,
            @Schema(description = "按原因") List<ByChange> byChange) {}

    @Schema(name = "NaturalChangeByReason")
    public record ByChange(
            @Schema(example = "DEATH") String change,
            @Schema(example = "死亡") String label,
            @Schema(example = "14") long people) {}

    record Totals(boolean increase, long households, long people) {}

    record Count(String change, long people) {}

    @Inject
    Sql sql;

    @Inject
    OverviewService divisions;

    public Report count(String division, String from, String to, Population population) {
        KnownDivision d = divisions.division(division);
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (end.isBefore(start)) {
            throw ProblemException.invalid(Violation.of("to", "BEFORE_FROM", "report.period.to-before-from"));
        }
        return count(d, start, end, population == null ? Population.POVERTY_AND_MONITORED : population);
    }

    /** The changes of a division already checked against the caller's area (or of a job's division). */
    public Report count(KnownDivision d, LocalDate start, LocalDate end, Population whose) {
        List<Totals> totals = changes(
                        "select increase, count(distinct household_id) as households, count(*) as people",
                        "increase",
                        d.code,
                        start,
                        end,
                        whose)
                .list(Totals.class);
        List<Count> counts = changes("select change, count(*) as people", "change", d.code, start, end, whose)
                .list(Count.class);
        return new Report(d.code, d.name, start, end, whose, side(true, totals, counts), side(false, totals, counts));
    }

    /** The member changes of a division and period among the population, grouped by one column. */
    private Statement changes(
            String select, String groupBy, String division, LocalDate from, LocalDate to, Population whose) {
        return sql.query(select + """
                         from report_member_change
                        where village_code like :division || '%' and effective_on between :from and :to
                          and (:all or monitored or poverty_status in ('NOT_EXITED', 'PLANNED_EXIT', 'EXITED'))""" + " group by " + groupBy)
                .bind("division", division)
                .bind("from", Date.valueOf(from))
                .bind("to", Date.valueOf(to))
                .bind("all", whose == Population.ALL);
    }

    private static Side side(boolean increase, List<Totals> totals, List<Count> counts) {
        Totals t = totals.stream()
                .filter(x -> x.increase() == increase)
                .findFirst()
                .orElse(new Totals(increase, 0, 0));
        List<ByChange> byChange = new ArrayList<>();
        for (String change : ORDER) {
            boolean ofSide =
                    increase ? MemberChanges.INCREASES.contains(change) : MemberChanges.DECREASES.contains(change);
            if (ofSide) {
                long people = counts.stream()
                        .filter(c -> c.change().equals(change))
                        .mapToLong(Count::people)
                        .sum();
                byChange.add(new ByChange(change, LABELS.get(change), people));
            }
        }
        return new Side(t.households(), t.people(), byChange);
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid(Violation.of(field, "REQUIRED", "report.period.date-required"));
        }
        LocalDate date = IsoDates.date(value);
        if (date == null) {
            throw ProblemException.invalid(Violation.of(field, "DATE", "report.period.date-invalid", value));
        }
        return date;
    }
}
