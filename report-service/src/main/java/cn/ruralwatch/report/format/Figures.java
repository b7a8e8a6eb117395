package cn.ruralwatch.report.format;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * How every document of the suite (work report, xlsx exports) writes its numbers: counts as plain integers, decimals
 * with fixed places and never in scientific notation, money in yuan and in 万元 with two decimals, percentages with two
 * decimals (half up) and a share of nothing as a dash, dates as official documents write them (2023年11月14日).
 */
public final class Figures {

    /** What a report shows for a percentage of nothing (a rate with no denominator). */
    public static final String NO_PERCENT = "—";

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    private Figures() {}

    /** {@code part} as a percentage of {@code whole}, two decimals half up; null when the whole is zero. */
    public static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? null : part.multiply(HUNDRED).divide(whole, 2, RoundingMode.HALF_UP);
    }

    /** {@link #percent(BigDecimal, BigDecimal)} as text: {@code 12.35}, or {@value #NO_PERCENT} of nothing. */
    public static String percentText(BigDecimal part, BigDecimal whole) {
        BigDecimal percent = percent(part, whole);
        return percent == null ? NO_PERCENT : percent.toPlainString();
    }

    /** {@link #percent(BigDecimal, BigDecimal)} with its sign for a sentence: {@code 80.00%}, of nothing {@value #NO_PERCENT}. */
    public static String percentSign(BigDecimal part, BigDecimal whole) {
        BigDecimal percent = percent(part, whole);
        return percent == null ? NO_PERCENT : percent.toPlainString() + "%";
    }

    /** An indicator's rate, the sum of its numerators over the sum of its denominators, as percent text. */
    public static String rateText(long numerator, long denominator) {
        return percentText(BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator));
    }

    /** An amount in yuan as text with two decimals ({@code 3577000.00}); none is zero. */
    public static String yuan(BigDecimal yuan) {
        return orZero(yuan).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** An amount in yuan as 万元 text with two decimals ({@code 357.70}); none is zero. */
    public static String wan(BigDecimal yuan) {
        return orZero(yuan).divide(TEN_THOUSAND, 2, RoundingMode.HALF_UP).toPlainString();
    }

    /** A rate as a report sentence writes it: {@code 95.23%}, a full rate {@code 100%}, of nothing {@value #NO_PERCENT}. */
    public static String rate(long numerator, long denominator) {
        BigDecimal percent = percent(BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator));
        if (percent == null) {
            return NO_PERCENT;
        }
        return (percent.compareTo(HUNDRED) == 0 ? "100" : percent.toPlainString()) + "%";
    }

    /** A decimal with {@code places} fixed decimals, never in scientific notation ({@code 12550.00}); none is zero. */
    public static String decimal(BigDecimal value, int places) {
        return orZero(value).setScale(places, RoundingMode.HALF_UP).toPlainString();
    }

    /** A month of the monthly reports ({@code 2026-10}) as documents write it: 2026年10月. */
    public static String chineseMonth(String period) {
        java.time.YearMonth month = java.time.YearMonth.parse(period);
        return "%d年%d月".formatted(month.getYear(), month.getMonthValue());
    }

    /** The months a period spans as the reports write them: 2023年5月, 2023年5月至6月, 2023年12月至2024年1月. */
    public static String monthSpan(LocalDate from, LocalDate to) {
        if (to == null || from.getYear() == to.getYear() && from.getMonthValue() == to.getMonthValue()) {
            return "%d年%d月".formatted(from.getYear(), from.getMonthValue());
        }
        if (from.getYear() == to.getYear()) {
            return "%d年%d月至%d月".formatted(from.getYear(), from.getMonthValue(), to.getMonthValue());
        }
        return "%d年%d月至%d年%d月".formatted(from.getYear(), from.getMonthValue(), to.getYear(), to.getMonthValue());
    }

    /** The months of one year a period spans, as a report of the year writes them: 1—12月, 5月. */
    public static String monthsOfYear(LocalDate from, LocalDate to) {
        return from.getMonthValue() == to.getMonthValue()
                ? from.getMonthValue() + "月"
                : from.getMonthValue() + "—" + to.getMonthValue() + "月";
    }

    /** A date as an official document writes it: 2023年11月14日. */
    public static String chineseDate(LocalDate date) {
        return "%d年%d月%d日".formatted(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
