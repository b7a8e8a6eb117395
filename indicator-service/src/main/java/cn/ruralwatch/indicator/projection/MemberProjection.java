package cn.ruralwatch.indicator.projection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** A member as the indicators need it. */
@Entity
@Table(name = "member_projection")
public class MemberProjection {

    @Id
    @Column(name = "member_id")
    public UUID memberId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "household_id")
    public HouseholdProjection household;

    @Column(nullable = false)
    public String relation;

    @Column(nullable = false)
    public String sex;

    @Column(name = "birth_date", nullable = false)
    public LocalDate birthDate;

    @Column(name = "medical_insurance", nullable = false)
    public String medicalInsurance;
}
