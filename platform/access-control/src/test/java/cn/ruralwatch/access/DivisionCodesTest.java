package cn.ruralwatch.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DivisionCodesTest {

    @Test
    void paddedProvinceAndCityCodesNameTheirPrefixes() {
        assertEquals("45", DivisionCodes.normalize("450000"));
        assertEquals("4504", DivisionCodes.normalize("450400"));
        assertEquals("450422", DivisionCodes.normalize("450422"));
        assertEquals("450422101", DivisionCodes.normalize("450422101"));
        // a township or village code ending in zeros is not padded: only six-digit codes are
        assertEquals("450422100", DivisionCodes.normalize("450422100"));
        assertEquals("450422101200", DivisionCodes.normalize("450422101200"));
        assertEquals("45", DivisionCodes.normalize("45"));
        assertEquals(null, DivisionCodes.normalize(null));
    }

    @Test
    void regionCodesAreTwoFourSixNineOrTwelveDigits() {
        for (String code : new String[] {"45", "4504", "450422", "450422101", "450422101201", "450000"}) {
            assertTrue(DivisionCodes.isRegion(code), code);
        }
        for (String code : new String[] {"4", "450", "45042210", "4504221012011", "45a422", "", null}) {
            assertFalse(DivisionCodes.isRegion(code), String.valueOf(code));
        }
    }

    @Test
    void theDivisionsOneLevelDownHaveLongerCodes() {
        assertEquals(4, DivisionCodes.childLength("45"));
        assertEquals(6, DivisionCodes.childLength("4504"));
        assertEquals(9, DivisionCodes.childLength("450422"));
        assertEquals(12, DivisionCodes.childLength("450422101"));
        assertEquals(0, DivisionCodes.childLength("450422101201"));
    }
}
