package cn.ruralwatch.events;

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
 * a state older than the one it holds). Enumerations are the names household-service's API documents.
 */
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
        List<Member> members) {

    public HouseholdState {
        Objects.requireNonNull(householdId, "householdId");
        Objects.requireNonNull(villageCode, "villageCode");
        Objects.requireNonNull(status, "status");
        industries = industries == null ? List.of() : List.copyOf(industries);
        incomes = incomes == null ? List.of() : List.copyOf(incomes);
        members = List.copyOf(Objects.requireNonNull(members, "members"));
    }

    /** The members living in the household now. */
    public List<Member> activeMembers() {
        return members.stream().filter(m -> "ACTIVE".equals(m.status())).toList();
    }

    /** 监测对象; {@code null} for a household that is not monitored. */
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

    public record Housing(String safetyGrade, BigDecimal areaPerCapita, boolean noHouse, String renovation) {}

    /** The four aspects of 饮水安全; {@code null} while not verified. */
    public record DrinkingWater(Boolean quantity, Boolean quality, Boolean convenience, Boolean supplyGuarantee) {}

    public record Income(
            int year,
            BigDecimal wage,
            BigDecimal business,
            BigDecimal property,
            BigDecimal transfer,
            BigDecimal productionCosts,
            BigDecimal netIncomePerCapita) {}

    /** A member without name or ID number; REMOVED members (died, moved away) stay listed with how they left. */
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
            BigDecimal employmentMonthlyIncome) {
        public Member {
            Objects.requireNonNull(memberId, "memberId");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(relation, "relation");
            Objects.requireNonNull(medicalInsurance, "medicalInsurance");
        }
    }
}
