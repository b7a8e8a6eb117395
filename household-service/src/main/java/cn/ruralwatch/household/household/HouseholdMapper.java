package cn.ruralwatch.household.household;

import cn.ruralwatch.events.HouseholdState;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The one place where API documents, entities and the event state meet. Attributes left out of a document take their
 * defaults (not verified, no, none), so that applying a complete document always gives the same entity.
 */
public final class HouseholdMapper {

    private HouseholdMapper() {}

    static void apply(HouseholdApi.HouseholdAttributes source, Household household) {
        HouseholdApi.HouseholdAttributes a = source == null ? HouseholdApi.HouseholdAttributes.NONE : source;
        household.address = blankToNull(a.address());
        household.povertyStatus = Objects.requireNonNullElse(a.povertyStatus(), PovertyStatus.NOT_POOR);
        household.exitYear = a.exitYear();
        household.minimumLiving = Boolean.TRUE.equals(a.minimumLiving());
        household.extremePoverty = Boolean.TRUE.equals(a.extremePoverty());
        household.housingSafetyGrade = a.housingSafetyGrade();
        household.housingAreaPerCapita = a.housingAreaPerCapita();
        household.noHouse = Boolean.TRUE.equals(a.noHouse());
        household.housingRenovation = Objects.requireNonNullElse(a.housingRenovation(), HousingRenovation.NONE);
        HouseholdApi.DrinkingWater water =
                a.drinkingWater() == null ? new HouseholdApi.DrinkingWater(null, null, null, null) : a.drinkingWater();
        household.waterQuantity = water.quantity();
        household.waterQuality = water.quality();
        household.waterConvenience = water.convenience();
        household.waterSupplyGuarantee = water.supplyGuarantee();
        household.electricity = a.electricity();
        household.tvBroadband = a.tvBroadband();
        household.roadToHamlet = a.roadToHamlet();
        household.industries = a.industries() == null
                ? new ArrayList<>()
                : new ArrayList<>(
                        a.industries().stream().map(String::trim).distinct().toList());
        household.cooperative = blankToNull(a.cooperative());
        household.television = a.television();
        household.computer = a.computer();
        household.smartphone = a.smartphone();
        household.relocated = Boolean.TRUE.equals(a.relocated());
        household.renovationMethod = a.renovationMethod();
        household.renovationYear = a.renovationYear();
        household.renovationStage = a.renovationStage();
        household.renovationProgress = blankToNull(a.renovationProgress());
    }

    static void apply(HouseholdApi.Monitoring monitoring, Household household) {
        household.monitoringCategory = monitoring == null ? null : monitoring.category();
        household.riskTypes = monitoring == null
                ? new ArrayList<>()
                : new ArrayList<>(monitoring.riskTypes().stream()
                        .distinct()
                        .map(Enum::name)
                        .toList());
        household.riskState = monitoring == null ? null : monitoring.riskState();
        household.identifiedYear = monitoring == null ? null : monitoring.identifiedYear();
        household.monitoredSince = monitoring == null
                ? null
                : Objects.requireNonNullElse(
                        monitoring.monitoredSince(), LocalDate.of(monitoring.identifiedYear(), 1, 1));
        household.riskEliminatedOn = monitoring == null || monitoring.riskState() != RiskState.ELIMINATED
                ? null
                : Objects.requireNonNullElse(monitoring.riskEliminatedOn(), household.monitoredSince);
    }

    static void apply(HouseholdApi.MemberAttributes source, Member member) {
        HouseholdApi.MemberAttributes a = source == null ? HouseholdApi.MemberAttributes.NONE : source;
        member.laborAbility = a.laborAbility();
        member.health = a.health();
        member.disabilityGrade = a.disabilityGrade();
        member.educationStage = a.educationStage();
        member.schoolingStatus = a.schoolingStatus();
        member.specialSchoolingCase = a.specialSchoolingCase();
        member.schoolLocation = a.schoolLocation();
        member.medicalInsurance = Objects.requireNonNullElse(a.medicalInsurance(), MedicalInsurance.UNKNOWN);
        member.medicalInsuranceExemption = a.medicalInsuranceExemption();
        member.pensionInsurance = Objects.requireNonNullElse(a.pensionInsurance(), PensionInsurance.UNKNOWN);
        member.pensionInsuranceExemption = a.pensionInsuranceExemption();
        member.activeSoldier = Boolean.TRUE.equals(a.activeSoldier());
        member.employmentLocation = a.employmentLocation();
        member.employmentMonths = a.employmentMonths();
        member.employmentMonthlyIncome = a.employmentMonthlyIncome();
        member.employmentKind = a.employmentKind();
        // a member of a rural household holds an agricultural registration unless recorded otherwise
        member.agriculturalRegistration = !Boolean.FALSE.equals(a.agriculturalRegistration());
        member.chronicDiseaseCertificate =
                Objects.requireNonNullElse(a.chronicDiseaseCertificate(), ChronicDiseaseCertificate.NONE);
        member.familyDoctorContract = Boolean.TRUE.equals(a.familyDoctorContract());
    }

    /**
     * Sets the year's incomes, replacing what was recorded for that year; the per-capita figures follow when it is
     * recorded. Without a date of its own the record is established {@code today}, unless its amounts are those
     * already recorded (a file imported again, the same figures sent twice): then it keeps the day it was established.
     */
    static void apply(HouseholdApi.IncomeRecord record, Household household, LocalDate today) {
        Income existing = household.income(record.year()).orElse(null);
        Income income = existing;
        if (income == null) {
            income = new Income();
            income.year = record.year();
            household.incomes.add(income);
        }
        if (record.assessedOn() != null) {
            income.assessedOn = record.assessedOn();
        } else if (existing == null || !existing.sameAmounts(record)) {
            income.assessedOn = today;
        }
        income.wage = money(record.wage());
        income.business = money(record.business());
        income.property = money(record.property());
        income.transfer = money(record.transfer());
        income.productionCosts = money(record.productionCosts());
    }

    /** The attributes as an API document; the personal numbers are passed in as the caller may see them. */
    static HouseholdApi.HouseholdAttributes attributes(Household h, String phone, String bankAccount) {
        return new HouseholdApi.HouseholdAttributes(
                h.address,
                phone,
                bankAccount,
                h.povertyStatus,
                h.exitYear,
                h.minimumLiving,
                h.extremePoverty,
                h.housingSafetyGrade,
                h.housingAreaPerCapita,
                h.noHouse,
                h.housingRenovation,
                new HouseholdApi.DrinkingWater(
                        h.waterQuantity, h.waterQuality, h.waterConvenience, h.waterSupplyGuarantee),
                h.electricity,
                h.tvBroadband,
                h.roadToHamlet,
                List.copyOf(h.industries),
                h.cooperative,
                h.television,
                h.computer,
                h.smartphone,
                h.relocated,
                h.renovationMethod,
                h.renovationYear,
                h.renovationStage,
                h.renovationProgress);
    }

    static HouseholdApi.Monitoring monitoring(Household h) {
        return h.monitoringCategory == null
                ? null
                : new HouseholdApi.Monitoring(
                        h.monitoringCategory,
                        h.riskTypes.stream().map(RiskType::valueOf).toList(),
                        h.riskState,
                        h.identifiedYear,
                        h.monitoredSince,
                        h.riskEliminatedOn);
    }

    static HouseholdApi.MemberAttributes attributes(Member m) {
        return new HouseholdApi.MemberAttributes(
                m.laborAbility,
                m.health,
                m.disabilityGrade,
                m.educationStage,
                m.schoolingStatus,
                m.specialSchoolingCase,
                m.schoolLocation,
                m.medicalInsurance,
                m.medicalInsuranceExemption,
                m.pensionInsurance,
                m.pensionInsuranceExemption,
                m.activeSoldier,
                m.employmentLocation,
                m.employmentMonths,
                m.employmentMonthlyIncome,
                m.employmentKind,
                m.agriculturalRegistration,
                m.chronicDiseaseCertificate,
                m.familyDoctorContract);
    }

    static HouseholdApi.IncomeRecord income(Income i) {
        return new HouseholdApi.IncomeRecord(
                i.year,
                i.wage,
                i.business,
                i.property,
                i.transfer,
                i.productionCosts,
                i.assessedOn,
                i.netIncome(),
                i.netIncomePerCapita);
    }

    /** An earlier monitoring episode as the API shows it. */
    static HouseholdApi.MonitoringEpisodeView episode(MonitoringEpisode e) {
        return new HouseholdApi.MonitoringEpisodeView(
                e.category, e.riskTypes.stream().map(RiskType::valueOf).toList(), e.identifiedOn, e.eliminatedOn);
    }

    /** The household as events carry it: the head's name, no other names, no personal numbers. */
    public static HouseholdState state(Household h) {
        return state(HouseholdViews.masked(h));
    }

    /**
     * The household as events carry it, from the household as the history keeps it (a revision's snapshot): the one
     * mapping of every event's state, whether built as the change is written or later from its revision. Amounts have
     * the two decimals they are stored with, however the snapshot wrote them.
     */
    public static HouseholdState state(HouseholdApi.HouseholdView h) {
        HouseholdApi.HouseholdAttributes a = h.attributes();
        HouseholdApi.Monitoring monitoring = h.monitoring();
        HouseholdApi.DrinkingWater water = a.drinkingWater();
        return new HouseholdState(
                h.id().toString(),
                h.version(),
                h.villageCode(),
                h.members().stream()
                        .filter(m -> m.status() == MemberStatus.ACTIVE && m.relation() == Relation.HEAD)
                        .map(HouseholdApi.MemberView::name)
                        .findFirst()
                        .orElse(null),
                h.status().name(),
                h.registeredAt(),
                name(a.povertyStatus()),
                a.exitYear(),
                monitoring == null
                        ? null
                        : new HouseholdState.Monitoring(
                                monitoring.category().name(),
                                names(monitoring.riskTypes()),
                                monitoring.riskState().name(),
                                monitoring.identifiedYear(),
                                monitoring.monitoredSince(),
                                monitoring.riskEliminatedOn()),
                yes(a.minimumLiving()),
                yes(a.extremePoverty()),
                new HouseholdState.Housing(
                        name(a.housingSafetyGrade()),
                        amount(a.housingAreaPerCapita()),
                        yes(a.noHouse()),
                        name(a.housingRenovation()),
                        name(a.renovationMethod()),
                        a.renovationYear(),
                        name(a.renovationStage()),
                        a.renovationProgress(),
                        yes(a.relocated())),
                new HouseholdState.DrinkingWater(
                        water.quantity(), water.quality(), water.convenience(), water.supplyGuarantee()),
                a.electricity(),
                a.tvBroadband(),
                a.roadToHamlet(),
                a.industries(),
                a.cooperative(),
                h.incomes().stream()
                        .map(i -> new HouseholdState.Income(
                                i.year(),
                                amount(i.wage()),
                                amount(i.business()),
                                amount(i.property()),
                                amount(i.transfer()),
                                amount(i.productionCosts()),
                                amount(i.netIncomePerCapita())))
                        .toList(),
                h.members().stream().map(HouseholdMapper::state).toList(),
                a.television(),
                a.computer(),
                a.smartphone(),
                h.pastMonitoring().stream()
                        .map(e -> new HouseholdState.MonitoringEpisode(
                                e.category().name(), names(e.riskTypes()), e.identifiedOn(), e.eliminatedOn()))
                        .toList());
    }

    private static HouseholdState.Member state(HouseholdApi.MemberView m) {
        HouseholdApi.MemberAttributes a = m.attributes();
        return new HouseholdState.Member(
                m.id().toString(),
                m.status().name(),
                m.relation().name(),
                m.sex().name(),
                m.birthDate(),
                m.joinedBy().name(),
                name(m.leftBy()),
                m.leftOn(),
                name(a.laborAbility()),
                name(a.health()),
                a.disabilityGrade(),
                name(a.educationStage()),
                name(a.schoolingStatus()),
                name(a.specialSchoolingCase()),
                name(a.schoolLocation()),
                name(a.medicalInsurance()),
                name(a.medicalInsuranceExemption()),
                name(a.pensionInsurance()),
                name(a.pensionInsuranceExemption()),
                yes(a.activeSoldier()),
                name(a.employmentLocation()),
                a.employmentMonths(),
                amount(a.employmentMonthlyIncome()),
                name(a.employmentKind()),
                a.agriculturalRegistration(),
                name(a.chronicDiseaseCertificate()),
                yes(a.familyDoctorContract()));
    }

    private static List<String> names(List<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).toList();
    }

    private static boolean yes(Boolean value) {
        return Boolean.TRUE.equals(value);
    }

    /** An amount (yuan, square metres) with the two decimals it is stored with. */
    private static BigDecimal amount(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static BigDecimal money(BigDecimal value) {
        return value == null ? BigDecimal.ZERO.setScale(2) : value.setScale(2);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
