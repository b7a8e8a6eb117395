package cn.ruralwatch.household.household;

import com.github.f4b6a3.uuid.UuidCreator;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A member 家庭成员 of a household. */
@Entity
@Table(name = "member")
public class Member {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "household_id")
    public Household household;

    /**
     * The household's township: the first nine digits of its village code, so that a search by name within a division
     * reads that division's members only. A new member is stored with it (taken from the household as the member is
     * persisted); from then on the database keeps it (triggers set it when the member moves to another household, and
     * when the household moves to another township, V25), so nothing here updates it, and only queries read it.
     */
    @Column(name = "township_code", updatable = false)
    String townshipCode;

    @PrePersist
    void townshipOfTheHousehold() {
        townshipCode = household.villageCode.substring(0, 9);
    }

    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public String name;

    /** 身份证号; stored encrypted ({@link PersonalNumberColumns}). */
    @Convert(converter = PersonalNumberColumns.IdNumber.class)
    @Column(name = "id_number_cipher", nullable = false)
    public String idNumber;

    /** Keyed hash of the ID number for exact look-ups; unique: one person, one household. */
    @Column(name = "id_number_hash")
    public String idNumberHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Relation relation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Sex sex;

    @Column(name = "birth_date", nullable = false)
    public LocalDate birthDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "medical_insurance", nullable = false)
    public MedicalInsurance medicalInsurance = MedicalInsurance.UNKNOWN;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MemberStatus status = MemberStatus.ACTIVE;

    @Enumerated(EnumType.STRING)
    @Column(name = "joined_by", nullable = false)
    public MemberChange joinedBy = MemberChange.REGISTRATION;

    @Column(name = "joined_on")
    public LocalDate joinedOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "left_by")
    public MemberChange leftBy;

    @Column(name = "left_on")
    public LocalDate leftOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "labor_ability")
    public LaborAbility laborAbility;

    @Enumerated(EnumType.STRING)
    public Health health;

    @Column(name = "disability_grade")
    public Integer disabilityGrade;

    @Enumerated(EnumType.STRING)
    @Column(name = "education_stage")
    public EducationStage educationStage;

    @Enumerated(EnumType.STRING)
    @Column(name = "schooling_status")
    public SchoolingStatus schoolingStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "special_schooling_case")
    public SpecialSchoolingCase specialSchoolingCase;

    @Enumerated(EnumType.STRING)
    @Column(name = "school_location")
    public SchoolLocation schoolLocation;

    @Enumerated(EnumType.STRING)
    @Column(name = "medical_insurance_exemption")
    public InsuranceExemption medicalInsuranceExemption;

    @Enumerated(EnumType.STRING)
    @Column(name = "pension_insurance", nullable = false)
    public PensionInsurance pensionInsurance = PensionInsurance.UNKNOWN;

    @Enumerated(EnumType.STRING)
    @Column(name = "pension_insurance_exemption")
    public InsuranceExemption pensionInsuranceExemption;

    /** 现役军人 */
    @Column(name = "active_soldier", nullable = false)
    public boolean activeSoldier;

    @Enumerated(EnumType.STRING)
    @Column(name = "employment_location")
    public EmploymentLocation employmentLocation;

    @Column(name = "employment_months")
    public Integer employmentMonths;

    @Column(name = "employment_monthly_income")
    public BigDecimal employmentMonthlyIncome;

    /** 外出务工, 就近就业, 公益性岗位, 自主创业; {@code null} while not recorded. */
    @Enumerated(EnumType.STRING)
    @Column(name = "employment_kind")
    public EmploymentKind employmentKind;

    /**
     * 农业户籍: the person's own registration (户口性质). A member of a rural household holds one unless recorded
     * otherwise; the household counts as agricultural by its head's ({@link Household#agricultural()}).
     */
    @Column(name = "agricultural_registration", nullable = false)
    public boolean agriculturalRegistration = true;

    /** 慢病证 */
    @Enumerated(EnumType.STRING)
    @Column(name = "chronic_disease_certificate", nullable = false)
    public ChronicDiseaseCertificate chronicDiseaseCertificate = ChronicDiseaseCertificate.NONE;

    /** 家庭医生签约 */
    @Column(name = "family_doctor_contract", nullable = false)
    public boolean familyDoctorContract;

    public boolean active() {
        return status == MemberStatus.ACTIVE;
    }

    /**
     * The same person as a member of another household (分户, 合户): a new record there with the attributes carried
     * over; this record stays here, marked as left.
     */
    Member movedTo(Household target, Relation newRelation, MemberChange change, LocalDate on) {
        Member moved = new Member();
        moved.id = UuidCreator.getTimeOrderedEpoch();
        moved.name = name;
        moved.idNumber = idNumber;
        moved.idNumberHash = idNumberHash;
        moved.relation = newRelation;
        moved.sex = sex;
        moved.birthDate = birthDate;
        moved.joinedBy = change;
        moved.joinedOn = on;
        HouseholdMapper.apply(HouseholdMapper.attributes(this), moved);
        leave(change, on);
        target.addMember(moved);
        return moved;
    }

    /** Records that the member left the household (死亡, 婚出, 迁出); the record stays. */
    void leave(MemberChange change, LocalDate on) {
        status = MemberStatus.REMOVED;
        leftBy = change;
        leftOn = on;
    }
}
