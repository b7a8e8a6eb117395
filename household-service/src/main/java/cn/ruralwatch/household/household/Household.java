package cn.ruralwatch.household.household;

import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.Violation;
import cn.ruralwatch.time.ChinaTime;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A household 农户 registered in a village. */
@Entity
@Table(name = "household")
public class Household {

    @Id
    public UUID id;

    @Column(name = "village_code", nullable = false)
    public String villageCode;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    /** 联系电话; stored encrypted ({@link PersonalNumberColumns}). */
    @Convert(converter = PersonalNumberColumns.Phone.class)
    @Column(name = "phone_cipher")
    public String phone;

    /** 一卡通银行账号 subsidies are paid into; stored encrypted ({@link PersonalNumberColumns}). */
    @Convert(converter = PersonalNumberColumns.BankAccount.class)
    @Column(name = "bank_account_cipher")
    public String bankAccount;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public HouseholdStatus status = HouseholdStatus.ACTIVE;

    /** The household this one was merged into (合户). */
    @Column(name = "merged_into")
    public UUID mergedInto;

    /** The household this one was split from (分户). */
    @Column(name = "split_from")
    public UUID splitFrom;

    public String address;

    @Enumerated(EnumType.STRING)
    @Column(name = "poverty_status", nullable = false)
    public PovertyStatus povertyStatus = PovertyStatus.NOT_POOR;

    /** 脱贫年度, present exactly when the household has exited. */
    @Column(name = "exit_year")
    public Integer exitYear;

    @Enumerated(EnumType.STRING)
    @Column(name = "monitoring_category")
    public MonitoringCategory monitoringCategory;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "risk_types", nullable = false)
    public List<String> riskTypes = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(name = "risk_state")
    public RiskState riskState;

    @Column(name = "identified_year")
    public Integer identifiedYear;

    /** 纳入监测日期 */
    @Column(name = "monitored_since")
    public LocalDate monitoredSince;

    /** 风险消除日期 */
    @Column(name = "risk_eliminated_on")
    public LocalDate riskEliminatedOn;

    /** 低保 */
    @Column(name = "minimum_living", nullable = false)
    public boolean minimumLiving;

    /** 特困供养 */
    @Column(name = "extreme_poverty", nullable = false)
    public boolean extremePoverty;

    @Enumerated(EnumType.STRING)
    @Column(name = "housing_safety_grade")
    public HousingSafetyGrade housingSafetyGrade;

    @Column(name = "housing_area_per_capita")
    public BigDecimal housingAreaPerCapita;

    @Column(name = "no_house", nullable = false)
    public boolean noHouse;

    @Enumerated(EnumType.STRING)
    @Column(name = "housing_renovation", nullable = false)
    public HousingRenovation housingRenovation = HousingRenovation.NONE;

    /** 饮水安全: 水量, 水质, 用水方便, 供水保证率; {@code null} while not yet verified. */
    @Column(name = "water_quantity")
    public Boolean waterQuantity;

    @Column(name = "water_quality")
    public Boolean waterQuality;

    @Column(name = "water_convenience")
    public Boolean waterConvenience;

    @Column(name = "water_supply_guarantee")
    public Boolean waterSupplyGuarantee;

    /** 危房改造的方式, 年度, 进度 and its description: the plan and progress of {@link #housingRenovation}. */
    @Enumerated(EnumType.STRING)
    @Column(name = "renovation_method")
    public RenovationMethod renovationMethod;

    @Column(name = "renovation_year")
    public Integer renovationYear;

    @Enumerated(EnumType.STRING)
    @Column(name = "renovation_stage")
    public RenovationStage renovationStage;

    @Column(name = "renovation_progress")
    public String renovationProgress;

    /** 易地扶贫搬迁户 */
    @Column(nullable = false)
    public boolean relocated;

    public Boolean electricity;

    @Column(name = "tv_broadband")
    public Boolean tvBroadband;

    @Column(name = "road_to_hamlet")
    public Boolean roadToHamlet;

    /** 有电视机, 有电脑, 有智能手机; {@code null} while not recorded. */
    public Boolean television;

    public Boolean computer;

    public Boolean smartphone;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> industries = new ArrayList<>();

    public String cooperative;

    /** Per-capita net income of the latest year recorded (search by income band). */
    @Column(name = "net_income_per_capita")
    public BigDecimal netIncomePerCapita;

    @ElementCollection
    @CollectionTable(name = "household_income", joinColumns = @JoinColumn(name = "household_id"))
    @OrderBy("year")
    public List<Income> incomes = new ArrayList<>();

    /** 此前的监测经历: the episodes before the one the monitoring fields hold, oldest first. */
    @ElementCollection
    @CollectionTable(name = "household_monitoring_episode", joinColumns = @JoinColumn(name = "household_id"))
    @OrderBy("identifiedOn")
    public List<MonitoringEpisode> pastMonitoring = new ArrayList<>();

    @Version
    public long version;

    /** Every member ever recorded, including those who died or moved away ({@link MemberStatus#REMOVED}). */
    @OneToMany(mappedBy = "household", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<Member> members = new ArrayList<>();

    public void addMember(Member member) {
        member.household = this;
        member.position = members.stream().mapToInt(m -> m.position + 1).max().orElse(0);
        members.add(member);
    }

    /**
     * The day the household's record begins: its registration, or for a household split off another, the day of the
     * split (its members joined it then, though it was recorded later). Nothing dated before it can act on it.
     */
    public LocalDate startedOn() {
        LocalDate registered = LocalDate.ofInstant(registeredAt, ChinaTime.ZONE);
        if (splitFrom == null) {
            return registered;
        }
        return members.stream()
                .filter(m -> m.joinedBy == MemberChange.SPLIT && m.joinedOn != null)
                .map(m -> m.joinedOn)
                .min(Comparator.naturalOrder())
                .filter(split -> split.isBefore(registered))
                .orElse(registered);
    }

    /** A household merged into another or dissolved takes no more changes: they answer 409. */
    public void requireActive() {
        if (status != HouseholdStatus.ACTIVE) {
            throw ProblemException.conflict("household.inactive", id, status);
        }
    }

    /**
     * The member living in the household with this id; any other id is refused as a violation at {@code field} of the
     * request.
     */
    public Member activeMember(UUID memberId, String field) {
        return member(memberId)
                .filter(Member::active)
                .orElseThrow(() -> ProblemException.invalid(
                        Violation.of(field, "NOT_A_MEMBER", "household.member.not-active", memberId)));
    }

    /**
     * A member leaves (死亡, 婚出, 迁出…) on the given day; the record stays. A head who leaves others behind hands over
     * to the member {@code newHeadMemberId}; the last member to leave dissolves the household.
     */
    public void removeMember(Member member, MemberChange change, LocalDate on, UUID newHeadMemberId) {
        if (member.relation == Relation.HEAD && activeMembers().size() > 1) {
            if (newHeadMemberId == null || newHeadMemberId.equals(member.id)) {
                throw ProblemException.invalid(
                        Violation.of("newHeadMemberId", "REQUIRED", "household.member-change.new-head-required"));
            }
            activeMember(newHeadMemberId, "newHeadMemberId").relation = Relation.HEAD;
        }
        member.leave(change, on);
        if (activeMembers().isEmpty()) {
            status = HouseholdStatus.DISSOLVED;
        }
    }

    /** 入伍: the member stays in the household, counted as an active soldier; enlisting twice is a conflict. */
    public void enlist(Member member) {
        if (member.activeSoldier) {
            throw ProblemException.conflict("household.member-change.already-soldier", member.id);
        }
        member.activeSoldier = true;
    }

    /** 户主变更: the new head must live in the household; the former head takes the relation given. */
    public void changeHead(UUID newHeadMemberId, Relation formerHeadRelation) {
        Member newHead = activeMember(newHeadMemberId, "memberId");
        if (newHead.relation == Relation.HEAD) {
            throw ProblemException.invalid(Violation.of("memberId", "ALREADY_HEAD", "household.head.already"));
        }
        if (formerHeadRelation == Relation.HEAD) {
            throw ProblemException.invalid(Violation.of("formerHeadRelation", "HEAD", "household.member-change.head"));
        }
        head().relation = formerHeadRelation;
        newHead.relation = Relation.HEAD;
    }

    /** The members who live in the household now. */
    public List<Member> activeMembers() {
        return members.stream().filter(Member::active).toList();
    }

    /**
     * Keeps the episode the monitoring fields hold as an earlier one before they take a new identification: only a
     * household whose risk was eliminated can be identified again.
     */
    public void keepEliminatedEpisode() {
        if (monitoringCategory != null && riskState == RiskState.ELIMINATED && riskEliminatedOn != null) {
            pastMonitoring.add(new MonitoringEpisode(monitoringCategory, riskTypes, monitoredSince, riskEliminatedOn));
        }
    }

    public Member head() {
        return members.stream()
                .filter(m -> m.active() && m.relation == Relation.HEAD)
                .findFirst()
                .orElseThrow();
    }

    public Optional<Member> member(UUID memberId) {
        return members.stream().filter(m -> m.id.equals(memberId)).findFirst();
    }

    public Optional<Income> income(int year) {
        return incomes.stream().filter(i -> i.year == year).findFirst();
    }

    /**
     * Recomputes every year's per-capita net income over the members living in the household now, and the latest
     * year's figure kept on the household.
     */
    public void recomputeIncomes() {
        int people = activeMembers().size();
        incomes.forEach(income -> income.recompute(people));
        netIncomePerCapita = incomes.stream()
                .max(Comparator.comparingInt(i -> i.year))
                .map(i -> i.netIncomePerCapita)
                .orElse(null);
    }

    /** 饮水安全 achieved: all four aspects verified as met. */
    public boolean drinkingWaterSecured() {
        return Boolean.TRUE.equals(waterQuantity)
                && Boolean.TRUE.equals(waterQuality)
                && Boolean.TRUE.equals(waterConvenience)
                && Boolean.TRUE.equals(waterSupplyGuarantee);
    }

    /**
     * 农业户: the household counts as agricultural when its head holds an agricultural registration (户籍 belongs to
     * the person; the county counts a household by its head's).
     */
    public boolean agricultural() {
        return activeMembers().stream().anyMatch(m -> m.relation == Relation.HEAD && m.agriculturalRegistration);
    }

    /** 残疾户: a member living in the household has a disability. */
    public boolean disabled() {
        return activeMembers().stream().anyMatch(m -> m.health == Health.DISABLED);
    }
}
