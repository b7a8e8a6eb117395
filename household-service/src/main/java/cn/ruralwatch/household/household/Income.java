package cn.ruralwatch.household.household;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.math.RoundingMode;

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
