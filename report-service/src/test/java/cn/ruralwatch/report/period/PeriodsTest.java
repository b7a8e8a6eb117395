package cn.ruralwatch.report.period;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.ruralwatch.problem.ProblemException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PeriodsTest {

    @Test
    void theScheduleOnTheFirstOfAMonthKeepsTheMonthBefore() {
        assertEquals(YearMonth.of(2022, 12), Periods.justEnded(LocalDate.of(2023, 1, 1)));
        assertEquals(YearMonth.of(2024, 2), Periods.justEnded(LocalDate.of(2024, 3, 1)));
        assertEquals(YearMonth.of(2024, 2), Periods.justEnded(LocalDate.of(2024, 3, 31)));
    }

    @Test
    void aMonthIsReadAsYearDashMonth() {
        assertEquals(YearMonth.of(2020, 1), Periods.parse("period", "2020-01"));
        ProblemException malformed = assertThrows(ProblemException.class, () -> Periods.parse("period", "2020-13"));
        assertEquals("period", malformed.violations().getFirst().field());
        assertEquals("FORMAT", malformed.violations().getFirst().code());
        ProblemException missing = assertThrows(ProblemException.class, () -> Periods.parse("from", null));
        assertEquals("from", missing.violations().getFirst().field());
        assertEquals("REQUIRED", missing.violations().getFirst().code());
        assertThrows(ProblemException.class, () -> Periods.parse("to", "2020-1"));
    }

    @Test
    void aSeriesRunsForwardForTenYearsAtMost() {
        assertDoesNotThrow(() -> Periods.checkSeries(YearMonth.of(2015, 1), YearMonth.of(2024, 12)));
        assertDoesNotThrow(() -> Periods.checkSeries(YearMonth.of(2020, 5), YearMonth.of(2020, 5)));
        ProblemException tooLong = assertThrows(
                ProblemException.class, () -> Periods.checkSeries(YearMonth.of(2015, 1), YearMonth.of(2025, 1)));
        assertEquals("RANGE", tooLong.violations().getFirst().code());
        ProblemException inverted = assertThrows(
                ProblemException.class, () -> Periods.checkSeries(YearMonth.of(2020, 5), YearMonth.of(2020, 4)));
        assertEquals("BEFORE_FROM", inverted.violations().getFirst().code());
    }

    @Test
    void theChangeIsThisMonthLessTheMonthBeforeAndAMissingFigureCountsAsZero() {
        assertEquals(
                Map.of("households", 1L, "members", -2L, "byPovertyStatus.EXITED", 3L, "byPovertyStatus.NOT_POOR", -4L),
                Periods.change(
                        Map.of("households", 4L, "members", 10L, "byPovertyStatus.EXITED", 3L),
                        Map.of("households", 3L, "members", 12L, "byPovertyStatus.NOT_POOR", 4L)));
    }
}
