package cn.ruralwatch.household.household;

import cn.ruralwatch.problem.Violation;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rules a household must satisfy after every change, beyond the shape of each field: values that contradict each
 * other or are not plausible. Field paths are those of the household document ({@code attributes.exitYear},
 * {@code members[2].attributes.disabilityGrade}).
 */
public final class HouseholdRules {

    static final int WORKING_AGE = 16;
    private static final int OLDEST_PLAUSIBLE_AGE = 120;

    private HouseholdRules() {}

    /**
     * Every rule broken by the household as it stands on {@code today} (the county's day: ages, and what lies in the
     * future, are counted from it).
     */
    static List<Violation> check(Household household, LocalDate today) {
        List<Violation> violations = new ArrayList<>();
        checkAttributes(household, today, violations);
        checkMembership(household, violations);
        for (int i = 0; i < household.members.size(); i++) {
            Member member = household.members.get(i);
            if (member.active()) {
                checkMember(member, "members[" + i + "].", today, violations);
            }
        }
        return violations;
    }

    private static void checkAttributes(Household h, LocalDate today, List<Violation> violations) {
        int thisYear = today.getYear();
        if (h.povertyStatus == PovertyStatus.EXITED && h.exitYear == null) {
            violations.add(Violation.of("attributes.exitYear", "REQUIRED", "household.exit-year.required"));
        } else if (h.povertyStatus != PovertyStatus.EXITED && h.exitYear != null) {
            violations.add(Violation.of("attributes.exitYear", "NOT_EXITED", "household.exit-year.not-exited"));
        } else if (h.exitYear != null && h.exitYear > thisYear) {
            violations.add(Violation.of("attributes.exitYear", "FUTURE", "household.year.future", h.exitYear));
        }
        if (h.noHouse && (h.housingSafetyGrade != null || h.housingAreaPerCapita != null)) {
            violations.add(Violation.of("attributes.noHouse", "CONTRADICTION", "household.no-house.with-house"));
        }
        // a safe house is not renovated, but one too small for its people may be extended (扩建, seed 000: 扩建2户)
        if (EnumSet.of(HousingRenovation.NEEDED, HousingRenovation.IN_PROGRESS).contains(h.housingRenovation)
                && (h.housingSafetyGrade == HousingSafetyGrade.A || h.housingSafetyGrade == HousingSafetyGrade.B)
                && h.renovationMethod != RenovationMethod.EXTENSION) {
            violations.add(Violation.of(
                    "attributes.housingRenovation",
                    "SAFE_HOUSE",
                    "household.renovation.safe-house",
                    h.housingSafetyGrade));
        }
        checkRenovation(h, thisYear, violations);
        if (h.identifiedYear != null && h.identifiedYear > thisYear) {
            violations.add(
                    Violation.of("monitoring.identifiedYear", "FUTURE", "household.year.future", h.identifiedYear));
        }
        DateRules.notFuture("monitoring.monitoredSince", h.monitoredSince, today, violations);
        DateRules.notFuture("monitoring.riskEliminatedOn", h.riskEliminatedOn, today, violations);
        for (Income income : h.incomes) {
            if (income.year > thisYear) {
                violations.add(Violation.of("incomes", "FUTURE", "household.year.future", income.year));
            }
        }
    }

    /**
     * The renovation's plan and progress agree with its status: nothing planned for a house that needs none; a stage
     * only once started, 已完成 exactly when completed; 易地扶贫搬迁 only for a relocation household; a plan at most for
     * next year. The plan is recorded when known: a renovation under way or completed without its method stays valid
     * (records kept before the method was recorded, a later file that reports only the progress).
     */
    private static void checkRenovation(Household h, int thisYear, List<Violation> violations) {
        String prefix = "attributes.";
        if (h.housingRenovation == HousingRenovation.NONE) {
            unplanned(prefix + "renovationMethod", h.renovationMethod, violations);
            unplanned(prefix + "renovationYear", h.renovationYear, violations);
            unplanned(prefix + "renovationStage", h.renovationStage, violations);
            unplanned(prefix + "renovationProgress", h.renovationProgress, violations);
            return;
        }
        if (h.renovationStage != null) {
            switch (h.housingRenovation) {
                case NEEDED ->
                    violations.add(Violation.of(
                            prefix + "renovationStage", "NOT_STARTED", "household.renovation.not-started"));
                case IN_PROGRESS -> {
                    if (h.renovationStage == RenovationStage.COMPLETED) {
                        violations.add(Violation.of(
                                prefix + "renovationStage", "IN_PROGRESS", "household.renovation.stage-in-progress"));
                    }
                }
                case COMPLETED -> {
                    if (h.renovationStage != RenovationStage.COMPLETED) {
                        violations.add(Violation.of(
                                prefix + "renovationStage",
                                "COMPLETED",
                                "household.renovation.stage-completed",
                                h.renovationStage));
                    }
                }
                case NONE -> {
                    // returned above
                }
            }
        }
        if (h.renovationMethod == RenovationMethod.RELOCATION && !h.relocated) {
            violations.add(
                    Violation.of(prefix + "renovationMethod", "NOT_RELOCATED", "household.renovation.not-relocated"));
        }
        if (h.renovationYear != null && h.renovationYear > thisYear + 1) {
            violations.add(Violation.of(
                    prefix + "renovationYear", "FUTURE", "household.renovation.year-ahead", h.renovationYear));
        }
    }

    private static void unplanned(String field, Object value, List<Violation> violations) {
        if (value != null) {
            violations.add(Violation.of(field, "NO_RENOVATION", "household.renovation.none"));
        }
    }

    private static void checkMembership(Household h, List<Violation> violations) {
        if (h.status != HouseholdStatus.ACTIVE) {
            return;
        }
        List<Member> active = h.activeMembers();
        long heads = active.stream().filter(m -> m.relation == Relation.HEAD).count();
        if (heads != 1) {
            violations.add(Violation.of("members", "HEAD_COUNT", "household.head.count", heads));
        }
        long spouses =
                active.stream().filter(m -> m.relation == Relation.SPOUSE).count();
        if (spouses > 1) {
            violations.add(Violation.of("members", "SPOUSE_COUNT", "household.spouse.count", spouses));
        }
    }

    private static void checkMember(Member m, String prefix, LocalDate today, List<Violation> violations) {
        int age = Period.between(m.birthDate, today).getYears();
        String attributes = prefix + "attributes.";
        if (m.birthDate.isAfter(today) || age > OLDEST_PLAUSIBLE_AGE) {
            violations.add(Violation.of(prefix + "idNumber", "AGE", "household.member.age", age));
        }
        if (age < WORKING_AGE && (m.laborAbility == LaborAbility.ORDINARY || m.laborAbility == LaborAbility.SKILLED)) {
            violations.add(Violation.of(
                    attributes + "laborAbility", "UNDER_WORKING_AGE", "household.member.labor-under-age", age));
        }
        if (m.health == Health.DISABLED && m.disabilityGrade == null) {
            violations.add(
                    Violation.of(attributes + "disabilityGrade", "REQUIRED", "household.member.disability-grade"));
        } else if (m.health != Health.DISABLED && m.disabilityGrade != null) {
            violations.add(
                    Violation.of(attributes + "disabilityGrade", "NOT_DISABLED", "household.member.not-disabled"));
        }
        if (m.specialSchoolingCase != null && m.schoolingStatus == SchoolingStatus.IN_SCHOOL) {
            violations.add(Violation.of(
                    attributes + "specialSchoolingCase", "IN_SCHOOL", "household.member.special-case-in-school"));
        }
        if (m.schoolLocation != null && m.schoolingStatus != SchoolingStatus.IN_SCHOOL) {
            violations.add(
                    Violation.of(attributes + "schoolLocation", "NOT_IN_SCHOOL", "household.member.school-location"));
        }
        if (m.medicalInsuranceExemption != null && m.medicalInsurance != MedicalInsurance.NOT_ENROLLED) {
            violations.add(Violation.of(
                    attributes + "medicalInsuranceExemption", "ENROLLED", "household.member.exemption-enrolled"));
        }
        if (m.pensionInsuranceExemption != null && m.pensionInsurance != PensionInsurance.NOT_ENROLLED) {
            violations.add(Violation.of(
                    attributes + "pensionInsuranceExemption", "ENROLLED", "household.member.exemption-enrolled"));
        }
        boolean employed = m.employmentMonths != null && m.employmentMonths > 0;
        if ((employed || m.employmentMonthlyIncome != null) && m.employmentLocation == null) {
            violations.add(Violation.of(
                    attributes + "employmentLocation", "REQUIRED", "household.member.employment-location"));
        } else if (m.employmentKind != null && m.employmentLocation == null) {
            violations.add(Violation.of(
                    attributes + "employmentLocation", "REQUIRED", "household.member.employment-kind-location"));
        }
        if ((m.employmentKind == EmploymentKind.LOCAL_EMPLOYMENT
                        || m.employmentKind == EmploymentKind.PUBLIC_WELFARE_JOB)
                && m.employmentLocation != null
                && m.employmentLocation != EmploymentLocation.IN_COUNTY) {
            violations.add(Violation.of(
                    attributes + "employmentKind",
                    "OUT_OF_COUNTY",
                    "household.member.employment-kind-in-county",
                    m.employmentLocation));
        }
        if (m.chronicDiseaseCertificate != ChronicDiseaseCertificate.NONE && m.health == Health.HEALTHY) {
            violations.add(Violation.of(
                    attributes + "chronicDiseaseCertificate",
                    "HEALTHY",
                    "household.member.chronic-certificate-healthy"));
        }
        if (m.employmentLocation != null && age < WORKING_AGE) {
            violations.add(Violation.of(
                    attributes + "employmentLocation",
                    "UNDER_WORKING_AGE",
                    "household.member.employment-under-age",
                    age));
        }
    }

    /**
     * The monitoring dates a household is entered with (registration, import): 纳入监测日期 not before its year of
     * identification began, and 风险消除日期 not before it. (Not in the future: {@link #check}.)
     */
    static void checkMonitoringDates(HouseholdApi.Monitoring monitoring, List<Violation> violations) {
        if (monitoring == null || monitoring.identifiedYear() == null) {
            return;
        }
        LocalDate identified = LocalDate.of(monitoring.identifiedYear(), 1, 1);
        DateRules.notBefore(
                "monitoring.monitoredSince",
                monitoring.monitoredSince(),
                violations,
                DateRules.Floor.of(identified, "BEFORE_YEAR", "household.monitoring.before-identified-year"));
        if (monitoring.riskState() == RiskState.ELIMINATED) {
            DateRules.notBefore(
                    "monitoring.riskEliminatedOn",
                    monitoring.riskEliminatedOn(),
                    violations,
                    DateRules.Floor.of(
                            monitoring.monitoredSince() != null ? monitoring.monitoredSince() : identified,
                            "BEFORE_MONITORING",
                            "household.monitoring.eliminated-before-monitored"));
        }
    }

    /**
     * 收入核定日期, when given: not in the future, and not before 1 January of the income's year (an income cannot be
     * established before its year began).
     */
    static void checkAssessedOn(
            HouseholdApi.IncomeRecord income, String field, LocalDate today, List<Violation> violations) {
        LocalDate on = income.assessedOn();
        if (on == null) {
            return;
        }
        DateRules.within(
                field,
                on,
                today,
                violations,
                income.year() == null
                        ? null
                        : DateRules.Floor.of(
                                LocalDate.of(income.year(), 1, 1),
                                "BEFORE_YEAR",
                                "household.income.assessed-before-year"));
    }

    /** The departures a member may be registered with: those who left and whose record stays. */
    private static final Set<MemberChange> DEPARTURES =
            EnumSet.of(MemberChange.DEATH, MemberChange.MARRIAGE_OUT, MemberChange.MOVE_OUT);

    /**
     * A member registered as gone before the registration (应作为家庭成员自然减少): left by death, marriage or a move,
     * on a day not in the future; never the head, who lives in the household.
     */
    static void checkLeftBeforeRegistration(
            HouseholdApi.MemberRegistration member, String prefix, LocalDate today, List<Violation> violations) {
        if (member.leftBy() == null) {
            if (member.leftOn() != null) {
                violations.add(Violation.of(prefix + "leftBy", "REQUIRED", "household.member.left-by.required"));
            }
            return;
        }
        if (!DEPARTURES.contains(member.leftBy())) {
            violations.add(Violation.of(
                    prefix + "leftBy", "NOT_A_DEPARTURE", "household.member.left-by.not-a-departure", member.leftBy()));
        }
        if (member.relation() == Relation.HEAD) {
            violations.add(Violation.of(prefix + "leftBy", "HEAD_LEFT", "household.member.left-by.head"));
        }
        if (member.leftOn() == null) {
            violations.add(Violation.of(prefix + "leftOn", "REQUIRED", "household.member.left-on.required"));
        }
        DateRules.notFuture(prefix + "leftOn", member.leftOn(), today, violations);
    }

    /**
     * Checks a member's ID number (check digit, a real birth date) and that the sex and birth date, when given, agree
     * with it. Returns whether the number itself is valid. A birth date after {@code today} is not real.
     */
    static boolean checkIdNumber(
            HouseholdApi.MemberRegistration member, String prefix, List<Violation> violations, LocalDate today) {
        String field = prefix + "idNumber";
        String idNumber = IdNumbers.normalize(member.idNumber());
        if (!IdNumbers.checkDigitValid(idNumber)) {
            violations.add(Violation.of(
                    field,
                    "CHECK_DIGIT",
                    "household.id-number.check-digit",
                    String.valueOf(IdNumbers.expectedCheckCharacter(idNumber))));
            return false;
        }
        Optional<LocalDate> birthDate = IdNumbers.birthDate(idNumber);
        if (birthDate.isEmpty() || birthDate.get().isAfter(today)) {
            violations.add(
                    Violation.of(field, "BIRTH_DATE", "household.id-number.birth-date", idNumber.substring(6, 14)));
            return false;
        }
        if (member.sex() != null && member.sex() != IdNumbers.sex(idNumber)) {
            violations.add(Violation.of(
                    prefix + "sex", "ID_NUMBER_MISMATCH", "household.member.sex-mismatch", IdNumbers.sex(idNumber)));
        }
        if (member.birthDate() != null && !member.birthDate().equals(birthDate.get())) {
            violations.add(Violation.of(
                    prefix + "birthDate",
                    "ID_NUMBER_MISMATCH",
                    "household.member.birth-date-mismatch",
                    birthDate.get()));
        }
        return true;
    }
}
