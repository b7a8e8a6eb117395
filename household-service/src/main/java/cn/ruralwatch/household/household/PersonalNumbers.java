package cn.ruralwatch.household.household;

import cn.ruralwatch.personal.PersonalDataKind;
import cn.ruralwatch.personal.PersonalDataProtector;
import com.github.f4b6a3.uuid.UuidCreator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The personal numbers of households and members between the API and the entities: what follows from an ID number
 * (its keyed look-up hash, sex and birth date) is set with it. The numbers are encrypted and decrypted by the mapping
 * ({@link PersonalNumberColumns}).
 */
@ApplicationScoped
public class PersonalNumbers {

    @Inject
    PersonalDataProtector protector;

    /** A new member from its registration, already validated, with its ID number and its look-up hash. */
    Member newMember(HouseholdApi.MemberRegistration m, MemberChange joinedBy, LocalDate joinedOn) {
        Member member = new Member();
        member.id = UuidCreator.getTimeOrderedEpoch();
        member.name = m.name().trim();
        member.relation = m.relation();
        setIdNumber(member, IdNumbers.normalize(m.idNumber()));
        member.joinedBy = joinedBy;
        member.joinedOn = joinedOn;
        HouseholdMapper.apply(m.attributes(), member);
        return member;
    }

    /** Sets the ID number and what follows from it: look-up hash, sex and birth date. */
    void setIdNumber(Member member, String idNumber) {
        member.idNumber = idNumber;
        member.idNumberHash = protector.lookupHash(PersonalDataKind.ID_NUMBER, idNumber);
        member.sex = IdNumbers.sex(idNumber);
        member.birthDate = IdNumbers.birthDate(idNumber).orElseThrow();
    }

    /** The member's ID number. */
    String idNumber(Member member) {
        return member.idNumber;
    }

    /** Sets the phone and bank account numbers of a new household's attributes. */
    void seal(HouseholdApi.HouseholdAttributes attributes, Household household) {
        household.phone = attributes == null ? null : attributes.phone();
        household.bankAccount = attributes == null ? null : attributes.bankAccount();
    }

    /**
     * Sets the phone and bank account numbers of updated attributes; an unchanged number is left as it is.
     */
    void reseal(
            Household household, HouseholdApi.HouseholdAttributes updated, HouseholdApi.HouseholdAttributes current) {
        HouseholdApi.HouseholdAttributes now = updated == null ? HouseholdApi.HouseholdAttributes.NONE : updated;
        if (!Objects.equals(now.phone(), current.phone())) {
            household.phone = now.phone();
        }
        if (!Objects.equals(now.bankAccount(), current.bankAccount())) {
            household.bankAccount = now.bankAccount();
        }
    }

    /** The household's attributes as stored, with its personal numbers. */
    HouseholdApi.HouseholdAttributes attributes(Household household) {
        return HouseholdMapper.attributes(household, household.phone, household.bankAccount);
    }
}
