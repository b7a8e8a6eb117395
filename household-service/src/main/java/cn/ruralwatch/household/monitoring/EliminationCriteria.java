package cn.ruralwatch.household.monitoring;

import cn.ruralwatch.household.assistance.AssistanceService;
import cn.ruralwatch.household.history.HouseholdHistory;
import cn.ruralwatch.household.household.Health;
import cn.ruralwatch.household.household.Household;
import cn.ruralwatch.household.household.HousingRenovation;
import cn.ruralwatch.household.household.HousingSafetyGrade;
import cn.ruralwatch.household.household.LaborAbility;
import cn.ruralwatch.household.household.MedicalInsurance;
import cn.ruralwatch.household.household.Member;
import cn.ruralwatch.household.household.SchoolingStatus;
import cn.ruralwatch.problem.Violation;
import cn.ruralwatch.time.ChinaTime;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * 风险消除 criteria: income stably above its year's line (监测范围, {@link MonitoringLines}) for at least six months, monitored for at least six months,
 * a measure in place, 三保障 (compulsory education, basic medical insurance, safe housing) and drinking water secured,
 * and labour in the household (households with no labour are normally not eliminated). Each unmet criterion is a
 * reason, with the values that fail it.
 */
@ApplicationScoped
public class EliminationCriteria {

    private static final int COMPULSORY_FROM = 6;
    private static final int COMPULSORY_UNTIL = 16;

    @Inject
    Clock clock;

    @Inject
    MonitoringConfig config;

    @Inject
    MonitoringLines lines;

    @Inject
    HouseholdHistory history;

    @Inject
    AssistanceService assistance;

    /** The reasons the household's risk cannot be eliminated today; empty when every criterion is met. */
    public List<Violation> unmet(Household household) {
        LocalDate today = ChinaTime.today(clock);
        LocalDate windowStart = today.minusMonths(config.eliminationMonths());
        List<Violation> reasons = new ArrayList<>();
        if (household.monitoredSince == null || household.monitoredSince.isAfter(windowStart)) {
            reasons.add(Violation.of(
                    "criteria.monitoredSince",
                    "MONITORED_TOO_SHORT",
                    "monitoring.criteria.monitored-too-short",
                    household.monitoredSince,
                    config.eliminationMonths()));
        }
        income(household, windowStart, reasons);
        if (assistance.startedBy(household.id, today) == 0) {
            reasons.add(Violation.of("criteria.measures", "NO_MEASURE", "monitoring.criteria.no-measure"));
        }
        List<Member> living = household.activeMembers();
        for (Member m : living) {
            int age = Period.between(m.birthDate, today).getYears();
            if (age >= COMPULSORY_FROM
                    && age < COMPULSORY_UNTIL
                    && EnumSet.of(SchoolingStatus.DROPPED_OUT, SchoolingStatus.DEFERRED)
                            .contains(m.schoolingStatus)
                    && m.specialSchoolingCase == null) {
                reasons.add(Violation.of(
                        "criteria.education", "OUT_OF_SCHOOL", "monitoring.criteria.out-of-school", m.name, age));
            }
            boolean covered = m.medicalInsurance == MedicalInsurance.ENROLLED
                    || m.activeSoldier
                    || (m.medicalInsurance == MedicalInsurance.NOT_ENROLLED && m.medicalInsuranceExemption != null);
            if (!covered) {
                reasons.add(Violation.of(
                        "criteria.medicalInsurance", "NOT_INSURED", "monitoring.criteria.not-insured", m.name));
            }
        }
        boolean safeHouse = !household.noHouse
                && (household.housingSafetyGrade == HousingSafetyGrade.A
                        || household.housingSafetyGrade == HousingSafetyGrade.B
                        || (household.housingSafetyGrade == null
                                && household.housingRenovation == HousingRenovation.COMPLETED));
        if (!safeHouse) {
            reasons.add(Violation.of(
                    "criteria.housing",
                    "HOUSING_UNSAFE",
                    "monitoring.criteria.housing",
                    household.noHouse ? "无房" : String.valueOf(household.housingSafetyGrade)));
        }
        if (!household.drinkingWaterSecured()) {
            reasons.add(Violation.of("criteria.drinkingWater", "WATER_NOT_SECURED", "monitoring.criteria.water"));
        }
        boolean labour = living.stream()
                .anyMatch(m -> EnumSet.of(LaborAbility.ORDINARY, LaborAbility.SKILLED, LaborAbility.WEAK)
                                .contains(m.laborAbility)
                        && m.health != Health.DISABLED);
        if (!labour) {
            reasons.add(Violation.of("criteria.labor", "NO_LABOR", "monitoring.criteria.no-labor"));
        }
        return reasons;
    }

    /**
     * Income stably above the line for the window, judged on the days income records were established (收入核定日期):
     * the income known when the window opened (the latest year's among the records established by then, an earlier
     * version of a record replaced since included) must exist and be above its year's line, and so must every income
     * established within the window. A record entered with an earlier date (a household registered or imported with its
     * history) counts from that date: it is in the change audit as entered.
     */
    private void income(Household household, LocalDate windowStart, List<Violation> reasons) {
        List<Established> records = established(household.id);
        Optional<Established> atStart = records.stream()
                .filter(r -> !r.on.isAfter(windowStart))
                .max(Comparator.<Established>comparingInt(r -> r.year).thenComparing(r -> r.on));
        if (atStart.isEmpty()) {
            reasons.add(
                    Violation.of("criteria.income", "NO_INCOME_RECORD", "monitoring.criteria.no-income", windowStart));
            return;
        }
        List<Established> judged = new ArrayList<>();
        judged.add(atStart.get());
        records.stream()
                .filter(r -> r.on.isAfter(windowStart))
                .sorted(Comparator.comparing(r -> r.on))
                .forEach(judged::add);
        MonitoringLines.Resolver resolver = lines.of(household.villageCode);
        for (Established record : judged) {
            Optional<BigDecimal> line = resolver.in(record.year).map(MonitoringLines.Line::value);
            if (line.isEmpty()) {
                reasons.add(Violation.of(
                        "criteria.income",
                        "NO_THRESHOLD",
                        "monitoring.criteria.no-threshold",
                        household.villageCode,
                        record.year));
                return;
            }
            if (record.perCapita.compareTo(line.get()) <= 0) {
                reasons.add(Violation.of(
                        "criteria.income",
                        "INCOME_BELOW_THRESHOLD",
                        "monitoring.criteria.income-below",
                        record.year,
                        record.perCapita.setScale(2, RoundingMode.HALF_UP).toPlainString(),
                        line.get().toPlainString(),
                        record.on));
                return;
            }
        }
    }

    /** One version of a year's income record: established on a day, with its per-capita figure as last recorded. */
    private static final class Established {
        final int year;
        final LocalDate on;
        String amounts;
        BigDecimal perCapita;

        Established(int year, LocalDate on) {
            this.year = year;
            this.on = on;
        }
    }

    /**
     * Every version of every year's income record the history holds, in the order they were recorded. A record given
     * another day of establishment is a new version; so is, in revisions written before records had that day, one
     * given other amounts (it was established on the day of that revision). A version's per-capita figure is its
     * latest: the members living in the household change it.
     */
    private List<Established> established(UUID householdId) {
        Map<Integer, Established> current = new HashMap<>();
        List<Established> versions = new ArrayList<>();
        for (HouseholdHistory.Incomes revision : history.incomes(householdId)) {
            for (JsonNode income : revision.incomes()) {
                int year = income.get("year").asInt();
                String amounts = AMOUNTS.stream()
                        .map(field -> income.hasNonNull(field)
                                ? income.get(field)
                                        .decimalValue()
                                        .stripTrailingZeros()
                                        .toPlainString()
                                : "0")
                        .collect(Collectors.joining("|"));
                LocalDate on = income.hasNonNull("assessedOn")
                        ? LocalDate.parse(income.get("assessedOn").asText())
                        : null;
                Established last = current.get(year);
                boolean same = last != null && (on != null ? on.equals(last.on) : amounts.equals(last.amounts));
                if (!same) {
                    last = new Established(
                            year, on != null ? on : LocalDate.ofInstant(revision.recordedAt(), ChinaTime.ZONE));
                    current.put(year, last);
                    versions.add(last);
                }
                last.amounts = amounts;
                last.perCapita = income.get("netIncomePerCapita").decimalValue();
            }
        }
        return versions;
    }

    private static final List<String> AMOUNTS = List.of("wage", "business", "property", "transfer", "productionCosts");
}
