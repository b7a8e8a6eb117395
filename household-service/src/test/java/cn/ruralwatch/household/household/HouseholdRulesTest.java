package cn.ruralwatch.household.household;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ruralwatch.problem.Violation;
import cn.ruralwatch.testing.TestIdNumbers;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The household's rules on a fixed day: no database, no clock. */
class HouseholdRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    @Test
    void anExitedHouseholdNeedsAnExitYearThatHasBegun() {
        Household household = household(member(Relation.HEAD, TODAY.minusYears(40)));
        household.povertyStatus = PovertyStatus.EXITED;
        assertEquals(List.of("attributes.exitYear REQUIRED"), codes(household, TODAY));

        household.exitYear = TODAY.getYear() + 1;
        assertEquals(List.of("attributes.exitYear FUTURE"), codes(household, TODAY));
        // the same year is no longer in the future once it has begun
        assertEquals(List.of(), codes(household, LocalDate.of(TODAY.getYear() + 1, 1, 1)));
    }

    @Test
    void exactlyOneHeadAndAtMostOneSpouseAmongTheMembersLivingThere() {
        Member formerHead = member(Relation.HEAD, TODAY.minusYears(70));
        formerHead.leave(MemberChange.DEATH, TODAY.minusMonths(1));
        Household household = household(
                formerHead,
                member(Relation.SPOUSE, TODAY.minusYears(65)),
                member(Relation.SPOUSE, TODAY.minusYears(60)));
        assertEquals(List.of("members HEAD_COUNT", "members SPOUSE_COUNT"), codes(household, TODAY));

        household.members.get(1).relation = Relation.HEAD;
        assertEquals(List.of(), codes(household, TODAY));
    }

    @Test
    void agesAreCountedOnTheGivenDay() {
        Member child = member(Relation.SON, TODAY.minusYears(16).plusDays(1));
        child.laborAbility = LaborAbility.ORDINARY;
        Household household = household(member(Relation.HEAD, TODAY.minusYears(45)), child);
        assertEquals(List.of("members[1].attributes.laborAbility UNDER_WORKING_AGE"), codes(household, TODAY));
        // sixteen the next day: of working age then
        assertEquals(List.of(), codes(household, TODAY.plusDays(1)));
    }

    @Test
    void contradictoryMemberAttributesNameTheirField() {
        Member head = member(Relation.HEAD, TODAY.minusYears(50));
        head.health = Health.DISABLED;
        head.employmentMonths = 6;
        Household household = household(head);
        assertEquals(
                List.of(
                        "members[0].attributes.disabilityGrade REQUIRED",
                        "members[0].attributes.employmentLocation REQUIRED"),
                codes(household, TODAY));
    }

    @Test
    void aRenovationsPlanAndStageFollowItsStatus() {
        Household household = household(member(Relation.HEAD, TODAY.minusYears(50)));
        household.housingSafetyGrade = HousingSafetyGrade.D;
        household.housingRenovation = HousingRenovation.IN_PROGRESS;
        household.renovationStage = RenovationStage.COLUMNS_POURED;
        // the plan is recorded when known: a renovation under way need not name its method yet
        assertEquals(List.of(), codes(household, TODAY));

        household.renovationMethod = RenovationMethod.RELOCATION;
        assertEquals(List.of("attributes.renovationMethod NOT_RELOCATED"), codes(household, TODAY));
        household.relocated = true;
        assertEquals(List.of(), codes(household, TODAY));

        // a plan may be made for next year, not beyond
        household.renovationYear = TODAY.getYear() + 1;
        assertEquals(List.of(), codes(household, TODAY));
        household.renovationYear = TODAY.getYear() + 2;
        assertEquals(List.of("attributes.renovationYear FUTURE"), codes(household, TODAY));
        household.renovationYear = TODAY.getYear();

        household.housingRenovation = HousingRenovation.COMPLETED;
        household.housingSafetyGrade = HousingSafetyGrade.B;
        assertEquals(List.of("attributes.renovationStage COMPLETED"), codes(household, TODAY));
        household.renovationStage = RenovationStage.COMPLETED;
        assertEquals(List.of(), codes(household, TODAY));
        // completed without the method recorded (records from before it was): still valid
        household.renovationMethod = null;
        household.relocated = false;
        assertEquals(List.of(), codes(household, TODAY));

        household.housingRenovation = HousingRenovation.NONE;
        assertEquals(
                List.of("attributes.renovationYear NO_RENOVATION", "attributes.renovationStage NO_RENOVATION"),
                codes(household, TODAY));
    }

    @Test
    void aChronicDiseaseCertificateNeedsAnIllnessAndLocalWorkIsInTheCounty() {
        Member head = member(Relation.HEAD, TODAY.minusYears(50));
        head.health = Health.HEALTHY;
        head.chronicDiseaseCertificate = ChronicDiseaseCertificate.PENDING;
        head.employmentKind = EmploymentKind.PUBLIC_WELFARE_JOB;
        Household household = household(head);
        assertEquals(
                List.of(
                        "members[0].attributes.employmentLocation REQUIRED",
                        "members[0].attributes.chronicDiseaseCertificate HEALTHY"),
                codes(household, TODAY));

        // a disabled member may hold one for a chronic illness as well
        head.health = Health.DISABLED;
        head.disabilityGrade = 2;
        head.employmentLocation = EmploymentLocation.IN_PROVINCE;
        assertEquals(List.of("members[0].attributes.employmentKind OUT_OF_COUNTY"), codes(household, TODAY));
        head.employmentLocation = EmploymentLocation.IN_COUNTY;
        assertEquals(List.of(), codes(household, TODAY));
        // migrant work and self-employment may be anywhere
        head.employmentKind = EmploymentKind.SELF_EMPLOYED;
        head.employmentLocation = EmploymentLocation.OUT_OF_PROVINCE;
        assertEquals(List.of(), codes(household, TODAY));
    }

    @Test
    void anIdNumberBornAfterTheGivenDayIsNotReal() {
        String idNumber = idNumber(TODAY.plusDays(1), true);
        List<Violation> violations = new ArrayList<>();
        assertFalse(HouseholdRules.checkIdNumber(registration(idNumber, null, null), "", violations, TODAY));
        assertEquals("BIRTH_DATE", violations.getFirst().code());

        violations.clear();
        assertTrue(HouseholdRules.checkIdNumber(registration(idNumber, null, null), "", violations, TODAY.plusDays(1)));
        assertEquals(List.of(), violations);
    }

    @Test
    void sexAndBirthDateGivenMustAgreeWithTheIdNumber() {
        LocalDate born = TODAY.minusYears(30);
        String idNumber = idNumber(born, true);
        List<Violation> violations = new ArrayList<>();
        assertTrue(HouseholdRules.checkIdNumber(
                registration(idNumber, Sex.FEMALE, born.plusDays(1)), "members[0].", violations, TODAY));
        assertEquals(
                List.of("members[0].sex ID_NUMBER_MISMATCH", "members[0].birthDate ID_NUMBER_MISMATCH"),
                violations.stream().map(v -> v.field() + " " + v.code()).toList());
    }

    private static List<String> codes(Household household, LocalDate today) {
        return HouseholdRules.check(household, today).stream()
                .map(v -> v.field() + " " + v.code())
                .toList();
    }

    private static Household household(Member... members) {
        Household household = new Household();
        household.villageCode = "450422101201";
        for (Member member : members) {
            household.addMember(member);
        }
        return household;
    }

    private static Member member(Relation relation, LocalDate born) {
        Member member = new Member();
        member.name = "成员";
        member.relation = relation;
        member.birthDate = born;
        member.sex = Sex.MALE;
        return member;
    }

    private static HouseholdApi.MemberRegistration registration(String idNumber, Sex sex, LocalDate birthDate) {
        return new HouseholdApi.MemberRegistration("成员", idNumber, Relation.HEAD, sex, birthDate, null);
    }

    private static String idNumber(LocalDate born, boolean male) {
        return TestIdNumbers.next(born.format(DateTimeFormatter.BASIC_ISO_DATE), male);
    }
}
