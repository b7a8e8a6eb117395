package cn.ruralwatch.report.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FiguresTest {

    @Test
    void aPercentageHasTwoDecimalsRoundedHalfUp() {
        assertEquals(new BigDecimal("83.33"), Figures.percent(new BigDecimal("5"), new BigDecimal("6")));
        assertEquals(new BigDecimal("66.67"), Figures.percent(new BigDecimal("2"), new BigDecimal("3")));
        // 1 of 800 is 0.125 %: half up, not half even
        assertEquals(new BigDecimal("0.13"), Figures.percent(BigDecimal.ONE, new BigDecimal("800")));
        assertEquals(
                new BigDecimal("100.00"), Figures.percent(new BigDecimal("3577000.00"), new BigDecimal("3577000.00")));
        assertEquals(new BigDecimal("0.00"), Figures.percent(new BigDecimal("0.00"), new BigDecimal("3577000.00")));
    }

    @Test
    void aPercentageOfNothingIsNoneAndShowsAsADash() {
        assertNull(Figures.percent(new BigDecimal("12.00"), new BigDecimal("0.00")));
        assertEquals("—", Figures.percentText(new BigDecimal("12.00"), BigDecimal.ZERO));
        assertEquals("—", Figures.rateText(0, 0));
    }

    @Test
    void anIndicatorRateIsItsNumeratorsOverItsDenominators() {
        assertEquals("83.33", Figures.rateText(5, 6));
        assertEquals("100.00", Figures.rateText(3, 3));
        assertEquals("0.00", Figures.rateText(0, 7));
        assertEquals("33.33", Figures.rateText(1, 3));
    }

    @Test
    void wagesAndLabourShareOfAPlanIsWrittenAsPercentText() {
        // seed 003: 11.6万 wages and 1.2万 labour of 16万 distributable
        assertEquals(
                "80.00",
                Figures.percentText(
                        new BigDecimal("116000.00").add(new BigDecimal("12000.00")), new BigDecimal("160000.00")));
    }

    @Test
    void amountsAreWrittenInYuanAndTenThousandYuanWithTwoDecimals() {
        assertEquals("3577000.00", Figures.yuan(new BigDecimal("3577000")));
        assertEquals("357.70", Figures.wan(new BigDecimal("3577000.00")));
        assertEquals("0.20", Figures.wan(new BigDecimal("2040.00")));
        assertEquals("0.15", Figures.wan(new BigDecimal("1540.00")));
        // 50 yuan is 0.005万: half up
        assertEquals("0.01", Figures.wan(new BigDecimal("50.00")));
        assertEquals("0.00", Figures.wan(new BigDecimal("49.99")));
        assertEquals("1.01", Figures.yuan(new BigDecimal("1.005")));
    }

    @Test
    void noAmountIsZero() {
        assertEquals("0.00", Figures.yuan(null));
        assertEquals("0.00", Figures.wan(null));
    }

    @Test
    void aDateIsWrittenAsOfficialDocumentsWriteIt() {
        assertEquals("2023年11月14日", Figures.chineseDate(LocalDate.of(2023, 11, 14)));
        assertEquals("2023年3月5日", Figures.chineseDate(LocalDate.of(2023, 3, 5)));
    }

    @Test
    void documentsWriteRatesWithASignAndDecimalsNeverInScientificNotation() {
        assertEquals("95.23%", Figures.rate(719, 755));
        assertEquals("100%", Figures.rate(135, 135));
        assertEquals("—", Figures.rate(0, 0));
        assertEquals("12550.00", Figures.decimal(new BigDecimal("1.255E+4"), 2));
        assertEquals("0.0", Figures.decimal(null, 1));
        assertEquals("2026年10月", Figures.chineseMonth("2026-10"));
        assertEquals("2026年12月3日", Figures.chineseDate(LocalDate.of(2026, 12, 3)));
        assertEquals("大梳村程海源户", HouseholdNames.inSentence("程海源", null, "大梳村"));
    }
}
