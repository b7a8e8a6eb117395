package cn.ruralwatch.household.household;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * A household's incomes of one year: 工资性, 生产经营性, 财产性, 转移性 (低保金, 养老金, subsidies), less 生产经营费用; the
 * per-capita net income divides the net over the members living in the household.
 */
@Embeddable
public class Income {

    @Column(nullable = false)
    public int year;

    @Column(nullable = false)
    public BigDecimal wage = BigDecimal.ZERO;

    @Column(nullable = false)
    public BigDecimal business = BigDecimal.ZERO;

    @Column(nullable = false)
    public BigDecimal property = BigDecimal.ZERO;

    @Column(nullable = false)
    public BigDecimal transfer = BigDecimal.ZERO;

    @Column(name = "production_costs", nullable = false)
    public BigDecimal productionCosts = BigDecimal.ZERO;

    @Column(name = "net_income_per_capita", nullable = false)
    public BigDecimal netIncomePerCapita = BigDecimal.ZERO;

    /**
     * 收入核定日期: the day the year's income was established, on or after 1 January of the year and never in the
     * future; risk elimination judges whether income stayed above the line on these days.
     */
    @Column(name = "assessed_on", nullable = false)
    public LocalDate assessedOn;

    /** Whether the amounts are those of the record given (the per-capita figure and the date aside). */
    boolean sameAmounts(HouseholdApi.IncomeRecord record) {
        return wage.compareTo(zeroIfNull(record.wage())) == 0
                && business.compareTo(zeroIfNull(record.business())) == 0
                && property.compareTo(zeroIfNull(record.property())) == 0
                && transfer.compareTo(zeroIfNull(record.transfer())) == 0
                && productionCosts.compareTo(zeroIfNull(record.productionCosts())) == 0;
    }

    private static BigDecimal zeroIfNull(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    /** 家庭纯收入 = 总收入 − 生产经营费用. */
    public BigDecimal netIncome() {
        return wage.add(business).add(property).add(transfer).subtract(productionCosts);
    }

    void recompute(int people) {
        netIncomePerCapita = people == 0
                ? BigDecimal.ZERO.setScale(2)
                : netIncome().divide(BigDecimal.valueOf(people), 2, RoundingMode.HALF_UP);
    }
}
