package cn.ruralwatch.household.household;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
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

    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public String name;

    /** 身份证号, encrypted ({@code PersonalDataProtector}). */
    @Column(name = "id_number_cipher", nullable = false)
    public String idNumberCipher;

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
    public MedicalInsurance medicalInsurance;
}
