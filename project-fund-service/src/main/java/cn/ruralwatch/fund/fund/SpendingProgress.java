package cn.ruralwatch.fund.fund;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** 支出进度 = disbursed ÷ allocated, as a percentage with two decimals. */
public final class SpendingProgress {

    private SpendingProgress() {}

    /** {@code part} as a percentage of {@code whole} (two decimals, half up); {@code null} when there is no whole. */
    public static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        if (whole == null || whole.signum() == 0) {
            return null;
        }
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 2, RoundingMode.HALF_UP);
    }
}
