package cn.ruralwatch.household;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ruralwatch.household.household.IdNumbers;
import cn.ruralwatch.household.household.Sex;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IdNumbersTest {

    @Test
    void acceptsPublishedExamplesOfTheStandard() {
        // examples printed in GB 11643-1999 and widely used as references
        assertTrue(IdNumbers.checkDigitValid("11010519491231002X"));
        assertTrue(IdNumbers.checkDigitValid("440524188001010014"));
        assertEquals('X', IdNumbers.expectedCheckCharacter("11010519491231002X"));
    }

    @Test
    void rejectsWrongCheckDigit() {
        assertFalse(IdNumbers.checkDigitValid("110105194912310021"));
        assertFalse(IdNumbers.checkDigitValid("440524188001010015"));
    }

    @Test
    void readsBirthDateAndSex() {
        assertEquals(
                LocalDate.of(1949, 12, 31),
                IdNumbers.birthDate("11010519491231002X").orElseThrow());
        assertEquals(Sex.FEMALE, IdNumbers.sex("11010519491231002X"));
        assertEquals(Sex.MALE, IdNumbers.sex("440524188001010014"));
        assertTrue(IdNumbers.birthDate("110105194902300021").isEmpty());
    }

    @Test
    void lowerCaseXIsTheSameNumber() {
        assertEquals("11010519491231002X", IdNumbers.normalize(" 11010519491231002x "));
    }
}
