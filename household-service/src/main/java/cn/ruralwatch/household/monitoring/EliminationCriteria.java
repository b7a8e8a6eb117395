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
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * 风险消除 criteria: income stably above that year's line for at least six months, monitored for at least six months,
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
     * Income stably above the line: as the household stood at the start of the window and after every change since,
     * its latest year's per-capita net income was above that year's line.
     */
    private void income(Household household, LocalDate windowStart, List<Violation> reasons) {
        // the household as it stood when the window opened must already show the income: one recorded since proves
        // nothing about the months before it
        Optional<JsonNode> atStart =
                history.asOf(household.id, windowStart.minusDays(1)).map(HouseholdHistory.Revision::snapshot);
        if (atStart.isEmpty() || latestIncome(atStart.get()).isEmpty()) {
            reasons.add(
                    Violation.of("criteria.income", "NO_INCOME_RECORD", "monitoring.criteria.no-income", windowStart));
            return;
        }
        MonitoringLines.Resolver resolver = lines.of(household.villageCode);
        List<JsonNode> states = new ArrayList<>();
        states.add(atStart.get());
        history.since(household.id, windowStart).forEach(r -> states.add(r.snapshot()));
        for (JsonNode state : states) {
            Optional<JsonNode> income = latestIncome(state);
            if (income.isEmpty()) {
                continue;
            }
            int year = income.get().get("year").asInt();
            BigDecimal perCapita = income.get().get("netIncomePerCapita").decimalValue();
            Optional<BigDecimal> line = resolver.in(year).map(MonitoringLines.Line::value);
            if (line.isEmpty()) {
                reasons.add(Violation.of(
                        "criteria.income",
                        "NO_THRESHOLD",
                        "monitoring.criteria.no-threshold",
                        household.villageCode,
                        year));
                return;
            }
            if (perCapita.compareTo(line.get()) <= 0) {
                reasons.add(Violation.of(
                        "criteria.income",
                        "INCOME_BELOW_THRESHOLD",
                        "monitoring.criteria.income-below",
                        year,
                        perCapita.setScale(2, RoundingMode.HALF_UP).toPlainString(),
                        line.get().toPlainString(),
                        state.get("updatedAt").asText()));
                return;
            }
        }
    }

    private static Optional<JsonNode> latestIncome(JsonNode state) {
        JsonNode incomes = state.get("incomes");
        if (incomes == null || incomes.isEmpty()) {
            return Optional.empty();
        }
        JsonNode latest = incomes.get(0);
        for (JsonNode income : incomes) {
            if (income.get("year").asInt() > latest.get("year").asInt()) {
                latest = income;
            }
        }
        return Optional.of(latest);
    }
}
