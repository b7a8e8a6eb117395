package cn.ruralwatch.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A household as it stands after an event: every attribute the indicator standards evaluate and the reports count,
 * and the head's name (户主姓名) that lists, exports and the work report name households by, without personal numbers
 * (ID, phone, bank account) or the other members' names. Every event about a household carries it, so a
 * consumer can bring its projection up to date from any one of them; {@code version} orders them (a consumer ignores
 * a state older than the one it holds). Enumerations are the names household-service's API documents. A property
 * without a value is left out rather than written as {@code null} (an import writes one state per household, most of
 * whose members have no disability grade, exemption or employment): absent and {@code null} mean the same.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HouseholdState(
        String householdId,
        long version,
        String villageCode,
        String headName,
        String status,
        Instant registeredAt,
        String povertyStatus,
        Integer exitYear,
        Monitoring monitoring,
        boolean minimumLiving,
        boolean extremePoverty,
        Housing housing,
        DrinkingWater drinkingWater,
        Boolean electricity,
        Boolean tvBroadband,
        Boolean roadToHamlet,
        List<String> industries,
        String cooperative,
        List<Income> incomes,
        List<Member> members,
        Boolean television,
        Boolean computer,
        Boolean smartphone,
        List<MonitoringEpisode> pastMonitoring) {

    public HouseholdState {
        Objects.requireNonNull(householdId, "householdId");
        Objects.requireNonNull(villageCode, "villageCode");
        Objects.requireNonNull(status, "status");
        industries = industries == null ? List.of() : List.copyOf(industries);
        incomes = incomes == null ? List.of() : List.copyOf(incomes);
        members = List.copyOf(Objects.requireNonNull(members, "members"));
        pastMonitoring = pastMonitoring == null ? List.of() : List.copyOf(pastMonitoring);
    }

    /**
     * A state without the household's devices (有电视机, 电脑, 智能手机: not recorded) and earlier monitoring episodes (none,
     * or from before they were kept).
     */
    public HouseholdState(
            String householdId,
            long version,
            String villageCode,
            String headName,
            String status,
            Instant registeredAt,
            String povertyStatus,
            Integer exitYear,
            Monitoring monitoring,
            boolean minimumLiving,
            boolean extremePoverty,
            Housing housing,
            DrinkingWater drinkingWater,
            Boolean electricity,
            Boolean tvBroadband,
            Boolean roadToHamlet,
            List<String> industries,
            String cooperative,
            List<Income> incomes,
            List<Member> members) {
        this(
                householdId,
                version,
                villageCode,
                headName,
                status,
                registeredAt,
                povertyStatus,
                exitYear,
                monitoring,
                minimumLiving,
                extremePoverty,
                housing,
                drinkingWater,
                electricity,
                tvBroadband,
                roadToHamlet,
                industries,
                cooperative,
                incomes,
                members,
                null,
                null,
                null,
                null);
    }

    /** The members living in the household now. */
    public List<Member> activeMembers() {
        return members.stream().filter(m -> "ACTIVE".equals(m.status())).toList();
    }

    /**
     * 农业户: the household counts as agricultural when its head (the member living in it as {@code HEAD}) holds an
     * agricultural registration. The 户籍 belongs to the person; counties count a household by its head's.
     */
    public boolean agriculturalHousehold() {
        return activeMembers().stream().anyMatch(m -> "HEAD".equals(m.relation()) && m.agriculturalRegistration());
    }

    /**
     * An earlier monitoring episode (识别纳入 to 风险消除) before the one in {@link #monitoring()}: entered with its dates
     * (history from before the suite, e.g. identified 2019, eliminated 2020) or kept when the household was identified
     * again.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MonitoringEpisode(
            String category, List<String> riskTypes, LocalDate identifiedOn, LocalDate eliminatedOn) {
        public MonitoringEpisode {
            riskTypes = riskTypes == null ? List.of() : List.copyOf(riskTypes);
        }
    }

    /** 监测对象; {@code null} for a household that is not monitored. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Monitoring(
            String category,
            List<String> riskTypes,
            String riskState,
            int identifiedYear,
            LocalDate monitoredSince,
            LocalDate riskEliminatedOn) {
        public Monitoring {
            riskTypes = riskTypes == null ? List.of() : List.copyOf(riskTypes);
        }
    }

    /**
     * 住房: the safety grade and area, the renovation's status ({@code renovation}) with its plan and progress
     * (method, year, stage, progress in words), and whether the household is an 易地扶贫搬迁户.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Housing(
            String safetyGrade,
            BigDecimal areaPerCapita,
            boolean noHouse,
            String renovation,
            String renovationMethod,
            Integer renovationYear,
            String renovationStage,
            String renovationProgress,
            boolean relocated) {

        /** Housing without a renovation plan, of a household that is not a relocation household. */
        public Housing(String safetyGrade, BigDecimal areaPerCapita, boolean noHouse, String renovation) {
            this(safetyGrade, areaPerCapita, noHouse, renovation, null, null, null, null, false);
        }
    }

    /** The four aspects of 饮水安全; {@code null} while not verified. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DrinkingWater(Boolean quantity, Boolean quality, Boolean convenience, Boolean supplyGuarantee) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Income(
            int year,
            BigDecimal wage,
            BigDecimal business,
            BigDecimal property,
            BigDecimal transfer,
            BigDecimal productionCosts,
            BigDecimal netIncomePerCapita) {}

    /** A member without name or ID number; REMOVED members (died, moved away) stay listed with how they left. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Member(
            String memberId,
            String status,
            String relation,
            String sex,
            LocalDate birthDate,
            String joinedBy,
            String leftBy,
            LocalDate leftOn,
            String laborAbility,
            String health,
            Integer disabilityGrade,
            String educationStage,
            String schoolingStatus,
            String specialSchoolingCase,
            String schoolLocation,
            String medicalInsurance,
            String medicalInsuranceExemption,
            String pensionInsurance,
            String pensionInsuranceExemption,
            boolean activeSoldier,
            String employmentLocation,
            Integer employmentMonths,
            BigDecimal employmentMonthlyIncome,
            String employmentKind,
            Boolean agriculturalRegistration,
            String chronicDiseaseCertificate,
            boolean familyDoctorContract) {

        /**
         * A state from before these were carried reads as household-service's defaults: an agricultural registration,
         * no 慢病证.
         */
        public Member {
            Objects.requireNonNull(memberId, "memberId");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(relation, "relation");
            Objects.requireNonNull(medicalInsurance, "medicalInsurance");
            agriculturalRegistration = agriculturalRegistration == null || agriculturalRegistration;
            chronicDiseaseCertificate = chronicDiseaseCertificate == null ? "NONE" : chronicDiseaseCertificate;
        }

        /** A member with household-service's defaults for the kind of work, 户籍, 慢病证 and 家庭医生签约. */
        public Member(
                String memberId,
                String status,
                String relation,
                String sex,
                LocalDate birthDate,
                String joinedBy,
                String leftBy,
                LocalDate leftOn,
                String laborAbility,
                String health,
                Integer disabilityGrade,
                String educationStage,
                String schoolingStatus,
                String specialSchoolingCase,
                String schoolLocation,
                String medicalInsurance,
                String medicalInsuranceExemption,
                String pensionInsurance,
                String pensionInsuranceExemption,
                boolean activeSoldier,
                String employmentLocation,
                Integer employmentMonths,
                BigDecimal employmentMonthlyIncome) {
            this(
                    memberId,
                    status,
                    relation,
                    sex,
                    birthDate,
                    joinedBy,
                    leftBy,
                    leftOn,
                    laborAbility,
                    health,
                    disabilityGrade,
                    educationStage,
                    schoolingStatus,
                    specialSchoolingCase,
                    schoolLocation,
                    medicalInsurance,
                    medicalInsuranceExemption,
                    pensionInsurance,
                    pensionInsuranceExemption,
                    activeSoldier,
                    employmentLocation,
                    employmentMonths,
                    employmentMonthlyIncome,
                    null,
                    true,
                    "NONE",
                    false);
        }
    }
}
