package cn.ruralwatch.indicator.rules;

import cn.ruralwatch.events.HouseholdState;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The model indicator rules are written against (documented in {@code docs/indicators.md}, "The model rules are written
 * against"). Rules are type-checked against these declarations when a standard is saved; at evaluation the same shapes
 * are passed as maps that hold only the struct's fields ({@link FieldValues}). Every field has a value: text that is
 * not recorded is {@code ''}, numbers are 0, flags are false (but {@code agriculturalRegistration}, which
 * household-service records as yes unless told otherwise), so a rule never meets a null.
 */
public final class RuleModel {

    private RuleModel() {}

    static final StructType HOUSING = struct(
            "ruralwatch.Housing",
            Map.of(
                    "safetyGrade", SimpleType.STRING,
                    "areaPerCapita", SimpleType.DOUBLE,
                    "noHouse", SimpleType.BOOL,
                    "renovation", SimpleType.STRING,
                    "renovationMethod", SimpleType.STRING,
                    "renovationYear", SimpleType.INT,
                    "renovationStage", SimpleType.STRING,
                    "renovationProgress", SimpleType.STRING,
                    "relocated", SimpleType.BOOL));

    static final StructType DRINKING_WATER = struct(
            "ruralwatch.DrinkingWater",
            Map.of(
                    "verified", SimpleType.BOOL,
                    "quantity", SimpleType.BOOL,
                    "quality", SimpleType.BOOL,
                    "convenience", SimpleType.BOOL,
                    "supplyGuarantee", SimpleType.BOOL));

    static final StructType INCOME = struct(
            "ruralwatch.Income",
            Map.of(
                    "year", SimpleType.INT,
                    "wage", SimpleType.DOUBLE,
                    "business", SimpleType.DOUBLE,
                    "property", SimpleType.DOUBLE,
                    "transfer", SimpleType.DOUBLE,
                    "productionCosts", SimpleType.DOUBLE,
                    "netIncomePerCapita", SimpleType.DOUBLE));

    static final StructType MEMBER = struct("ruralwatch.Member", memberFields());

    static final StructType HOUSEHOLD = struct("ruralwatch.Household", householdFields());

    static final StructType VILLAGE_FACTS = struct(
            "ruralwatch.VillageFacts",
            Map.of(
                    "recorded", SimpleType.BOOL,
                    "specialIndustry", SimpleType.BOOL,
                    "roadHardened", SimpleType.BOOL,
                    "hamletRoadsHardened", SimpleType.BOOL,
                    "powerGrid", SimpleType.BOOL,
                    "publicServices", SimpleType.BOOL,
                    "broadband", SimpleType.BOOL,
                    "collectiveIncome", SimpleType.DOUBLE,
                    "committeeRating", SimpleType.STRING));

    static final StructType VILLAGE_SUMMARY = struct(
            "ruralwatch.VillageSummary",
            Map.of("code", SimpleType.STRING, "name", SimpleType.STRING, "facts", VILLAGE_FACTS));

    static final StructType DIVISION = struct("ruralwatch.Division", divisionFields());

    private static final FieldValues.Shape HOUSEHOLD_VALUES = shape(HOUSEHOLD);
    private static final FieldValues.Shape HOUSING_VALUES = shape(HOUSING);
    private static final FieldValues.Shape DRINKING_WATER_VALUES = shape(DRINKING_WATER);
    private static final FieldValues.Shape INCOME_VALUES = shape(INCOME);
    private static final FieldValues.Shape MEMBER_VALUES = shape(MEMBER);

    static final CelTypeProvider TYPES = new CelTypeProvider() {
        private final ImmutableList<CelType> all = ImmutableList.of(
                HOUSING, DRINKING_WATER, INCOME, MEMBER, HOUSEHOLD, VILLAGE_FACTS, VILLAGE_SUMMARY, DIVISION);

        @Override
        public ImmutableList<CelType> types() {
            return all;
        }

        @Override
        public Optional<CelType> findType(String name) {
            return all.stream().filter(t -> t.name().equals(name)).findFirst();
        }
    };

    private static Map<String, CelType> memberFields() {
        Map<String, CelType> f = new HashMap<>();
        for (String text : List.of(
                "id",
                "status",
                "relation",
                "sex",
                "joinedBy",
                "leftBy",
                "laborAbility",
                "health",
                "educationStage",
                "schoolingStatus",
                "specialSchoolingCase",
                "schoolLocation",
                "medicalInsurance",
                "medicalInsuranceExemption",
                "pensionInsurance",
                "pensionInsuranceExemption",
                "employmentLocation",
                "employmentKind",
                "chronicDiseaseCertificate")) {
            f.put(text, SimpleType.STRING);
        }
        f.put("age", SimpleType.INT);
        f.put("disabilityGrade", SimpleType.INT);
        f.put("employmentMonths", SimpleType.INT);
        f.put("employmentMonthlyIncome", SimpleType.DOUBLE);
        f.put("activeSoldier", SimpleType.BOOL);
        f.put("agriculturalRegistration", SimpleType.BOOL);
        f.put("familyDoctorContract", SimpleType.BOOL);
        return f;
    }

    private static Map<String, CelType> householdFields() {
        Map<String, CelType> f = new HashMap<>();
        for (String text : List.of(
                "id", "villageCode", "status", "povertyStatus", "monitoringCategory", "riskState", "cooperative")) {
            f.put(text, SimpleType.STRING);
        }
        for (String flag : List.of(
                "monitored",
                "atRisk",
                "minimumLiving",
                "extremePoverty",
                "electricity",
                "tvBroadband",
                "roadToHamlet",
                "television",
                "computer",
                "smartphone",
                "agriculturalHousehold",
                "hasIncome")) {
            f.put(flag, SimpleType.BOOL);
        }
        f.put("exitYear", SimpleType.INT);
        f.put("identifiedYear", SimpleType.INT);
        f.put("size", SimpleType.INT);
        f.put("laborCount", SimpleType.INT);
        f.put("riskTypes", ListType.create(SimpleType.STRING));
        f.put("industries", ListType.create(SimpleType.STRING));
        f.put("housing", HOUSING);
        f.put("drinkingWater", DRINKING_WATER);
        f.put("income", INCOME);
        f.put("members", ListType.create(MEMBER));
        return f;
    }

    private static Map<String, CelType> divisionFields() {
        Map<String, CelType> f = new HashMap<>();
        f.put("code", SimpleType.STRING);
        f.put("name", SimpleType.STRING);
        f.put("level", SimpleType.STRING);
        for (String count : List.of(
                "households",
                "people",
                "notExitedHouseholds",
                "notExitedPeople",
                "plannedExitPeople",
                "basePopulation",
                "baseYear",
                "villagesBasePopulation")) {
            f.put(count, SimpleType.INT);
        }
        f.put("povertyIncidence", SimpleType.DOUBLE);
        f.put("povertyIncidenceBeforePlannedExits", SimpleType.DOUBLE);
        f.put("povertyIncidenceAfterPlannedExits", SimpleType.DOUBLE);
        f.put("facts", VILLAGE_FACTS);
        f.put("villages", ListType.create(VILLAGE_SUMMARY));
        f.put("rates", MapType.create(SimpleType.STRING, SimpleType.DOUBLE));
        f.put("numerators", MapType.create(SimpleType.STRING, SimpleType.INT));
        f.put("denominators", MapType.create(SimpleType.STRING, SimpleType.INT));
        f.put("failing", MapType.create(SimpleType.STRING, SimpleType.INT));
        return f;
    }

    private static FieldValues.Shape shape(StructType type) {
        return new FieldValues.Shape(type.name(), type.fieldNames());
    }

    private static StructType struct(String name, Map<String, CelType> fields) {
        Map<String, CelType> copy = Map.copyOf(fields);
        return StructType.create(
                name, ImmutableSet.copyOf(copy.keySet()), field -> Optional.ofNullable(copy.get(field)));
    }

    /** The names a rule may use for the household's data in a household or member context. */
    public static CelType householdType() {
        return HOUSEHOLD;
    }

    public static CelType memberType() {
        return MEMBER;
    }

    public static CelType divisionType() {
        return DIVISION;
    }

    /**
     * A household as rules see it on a reference date: ages at that date, the income of the date's year (or the latest
     * earlier one). Only members living in the household are in {@code members}, taken from every member as
     * {@link #allMembers} built them for the same date (a member is built once for both uses).
     */
    public static Map<String, Object> household(
            HouseholdState state, LocalDate referenceDate, List<Map<String, Object>> allMembers) {
        Map<String, Object> h = HOUSEHOLD_VALUES.values();
        h.put("id", state.householdId());
        h.put("villageCode", state.villageCode());
        h.put("status", state.status());
        h.put("povertyStatus", text(state.povertyStatus()));
        h.put("exitYear", (long) (state.exitYear() == null ? 0 : state.exitYear()));
        HouseholdState.Monitoring monitoring = state.monitoring();
        h.put("monitored", monitoring != null);
        h.put("atRisk", monitoring != null && "AT_RISK".equals(monitoring.riskState()));
        h.put("monitoringCategory", monitoring == null ? "" : text(monitoring.category()));
        h.put("riskState", monitoring == null ? "" : text(monitoring.riskState()));
        h.put("riskTypes", monitoring == null ? List.of() : monitoring.riskTypes());
        h.put("identifiedYear", (long) (monitoring == null ? 0 : monitoring.identifiedYear()));
        h.put("minimumLiving", state.minimumLiving());
        h.put("extremePoverty", state.extremePoverty());
        HouseholdState.Housing housing = state.housing();
        Map<String, Object> hs = HOUSING_VALUES.values();
        hs.put("safetyGrade", housing == null ? "" : text(housing.safetyGrade()));
        hs.put("areaPerCapita", housing == null ? 0.0 : number(housing.areaPerCapita()));
        hs.put("noHouse", housing != null && housing.noHouse());
        hs.put("renovation", housing == null ? "" : text(housing.renovation()));
        hs.put("renovationMethod", housing == null ? "" : text(housing.renovationMethod()));
        hs.put("renovationYear", (long)
                (housing == null || housing.renovationYear() == null ? 0 : housing.renovationYear()));
        hs.put("renovationStage", housing == null ? "" : text(housing.renovationStage()));
        hs.put("renovationProgress", housing == null ? "" : text(housing.renovationProgress()));
        hs.put("relocated", housing != null && housing.relocated());
        h.put("housing", hs);
        HouseholdState.DrinkingWater water = state.drinkingWater();
        Map<String, Object> w = DRINKING_WATER_VALUES.values();
        w.put("verified", water != null);
        w.put("quantity", water != null && Boolean.TRUE.equals(water.quantity()));
        w.put("quality", water != null && Boolean.TRUE.equals(water.quality()));
        w.put("convenience", water != null && Boolean.TRUE.equals(water.convenience()));
        w.put("supplyGuarantee", water != null && Boolean.TRUE.equals(water.supplyGuarantee()));
        h.put("drinkingWater", w);
        h.put("electricity", Boolean.TRUE.equals(state.electricity()));
        h.put("tvBroadband", Boolean.TRUE.equals(state.tvBroadband()));
        h.put("roadToHamlet", Boolean.TRUE.equals(state.roadToHamlet()));
        h.put("television", Boolean.TRUE.equals(state.television()));
        h.put("computer", Boolean.TRUE.equals(state.computer()));
        h.put("smartphone", Boolean.TRUE.equals(state.smartphone()));
        h.put("agriculturalHousehold", state.agriculturalHousehold());
        h.put("industries", state.industries());
        h.put("cooperative", text(state.cooperative()));
        Optional<HouseholdState.Income> income = state.incomes().stream()
                .filter(i -> i.year() <= referenceDate.getYear())
                .max(Comparator.comparingInt(HouseholdState.Income::year));
        h.put("hasIncome", income.isPresent());
        Map<String, Object> in = INCOME_VALUES.values();
        in.put("year", (long) income.map(HouseholdState.Income::year).orElse(0));
        in.put("wage", income.map(i -> number(i.wage())).orElse(0.0));
        in.put("business", income.map(i -> number(i.business())).orElse(0.0));
        in.put("property", income.map(i -> number(i.property())).orElse(0.0));
        in.put("transfer", income.map(i -> number(i.transfer())).orElse(0.0));
        in.put("productionCosts", income.map(i -> number(i.productionCosts())).orElse(0.0));
        in.put(
                "netIncomePerCapita",
                income.map(i -> number(i.netIncomePerCapita())).orElse(0.0));
        h.put("income", in);
        List<Map<String, Object>> active = new ArrayList<>(allMembers.size());
        long labor = 0;
        for (Map<String, Object> member : allMembers) {
            if ("ACTIVE".equals(member.get("status"))) {
                active.add(member);
                if (hasLabor((String) member.get("laborAbility"))) {
                    labor++;
                }
            }
        }
        h.put("members", active);
        h.put("size", (long) active.size());
        h.put("laborCount", labor);
        return h;
    }

    /** Every member the household has recorded, living in it or not: rates over people count both. */
    public static List<Map<String, Object>> allMembers(HouseholdState state, LocalDate referenceDate) {
        return state.members().stream().map(m -> member(m, referenceDate)).toList();
    }

    private static boolean hasLabor(String laborAbility) {
        return "ORDINARY".equals(laborAbility) || "SKILLED".equals(laborAbility) || "WEAK".equals(laborAbility);
    }

    static Map<String, Object> member(HouseholdState.Member m, LocalDate referenceDate) {
        Map<String, Object> member = MEMBER_VALUES.values();
        member.put("id", m.memberId());
        member.put("status", m.status());
        member.put("relation", m.relation());
        member.put("sex", text(m.sex()));
        member.put("age", (long)
                (m.birthDate() == null
                        ? 0
                        : Math.max(
                                0, Period.between(m.birthDate(), referenceDate).getYears())));
        member.put("joinedBy", text(m.joinedBy()));
        member.put("leftBy", text(m.leftBy()));
        member.put("laborAbility", text(m.laborAbility()));
        member.put("health", text(m.health()));
        member.put("disabilityGrade", (long) (m.disabilityGrade() == null ? 0 : m.disabilityGrade()));
        member.put("educationStage", text(m.educationStage()));
        member.put("schoolingStatus", text(m.schoolingStatus()));
        member.put("specialSchoolingCase", text(m.specialSchoolingCase()));
        member.put("schoolLocation", text(m.schoolLocation()));
        member.put("medicalInsurance", text(m.medicalInsurance()));
        member.put("medicalInsuranceExemption", text(m.medicalInsuranceExemption()));
        member.put("pensionInsurance", text(m.pensionInsurance()));
        member.put("pensionInsuranceExemption", text(m.pensionInsuranceExemption()));
        member.put("activeSoldier", m.activeSoldier());
        member.put("employmentLocation", text(m.employmentLocation()));
        member.put("employmentMonths", (long) (m.employmentMonths() == null ? 0 : m.employmentMonths()));
        member.put("employmentMonthlyIncome", number(m.employmentMonthlyIncome()));
        member.put("employmentKind", text(m.employmentKind()));
        member.put("agriculturalRegistration", !Boolean.FALSE.equals(m.agriculturalRegistration()));
        member.put("chronicDiseaseCertificate", text(m.chronicDiseaseCertificate()));
        member.put("familyDoctorContract", m.familyDoctorContract());
        return member;
    }

    /** Facts of a village as rules see them; {@code recorded} is false (and all else empty) when none are entered. */
    public static Map<String, Object> villageFacts(Map<String, Object> entered) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("recorded", entered != null);
        Map<String, Object> e = entered == null ? Map.of() : entered;
        for (String flag : List.of(
                "specialIndustry", "roadHardened", "hamletRoadsHardened", "powerGrid", "publicServices", "broadband")) {
            facts.put(flag, Boolean.TRUE.equals(e.get(flag)));
        }
        Object income = e.get("collectiveIncome");
        facts.put("collectiveIncome", income instanceof Number n ? n.doubleValue() : 0.0);
        facts.put("committeeRating", e.get("committeeRating") instanceof String s ? s : "");
        return facts;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static double number(BigDecimal value) {
        return value == null ? 0.0 : value.doubleValue();
    }
}
