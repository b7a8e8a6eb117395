package cn.ruralwatch.fund.pv;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A village's or township's plan for one year's PV revenue 光伏收益分配方案: public-welfare jobs 公益性岗位 with the
 * members holding them, small public-welfare works 小型公益事业 and rewards 奖励补助.
 */
@Entity
@Table(name = "pv_distribution_plan")
public class PvDistributionPlan {

    @Schema(name = "PvDistributionPlanStatus", description = "光伏收益分配方案状态")
    public enum Status {
        /** 草拟：可修改 */
        DRAFT,
        /** 已公示：方案生效，岗位工资计入农户帮扶 */
        PUBLISHED
    }

    @Id
    public UUID id;

    @Column(name = "county_code", nullable = false)
    public String countyCode;

    @Column(name = "division_code", nullable = false)
    public String divisionCode;

    @Column(name = "plan_year", nullable = false)
    public int year;

    /** 可分配收益 (yuan). */
    @Column(nullable = false)
    public BigDecimal distributable;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "published_on")
    public LocalDate publishedOn;

    @Column(name = "document_number")
    public String documentNumber;

    public String note;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Job> jobs = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Works> works = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Reward> rewards = new ArrayList<>();

    @Version
    public long version;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Schema(name = "PvPlanJob", description = "一类公益性岗位及其在岗人员")
    public record Job(String title, String villageCode, List<Holder> holders) {}

    @Schema(name = "PvPlanJobHolder", description = "在岗人员：成员、所在农户、月工资、在岗月数")
    public record Holder(UUID memberId, UUID householdId, BigDecimal monthlyWage, int months) {
        public BigDecimal wages() {
            return monthlyWage.multiply(BigDecimal.valueOf(months));
        }
    }

    @Schema(name = "PvPlanWorks", description = "一项小型公益事业及其劳务费用")
    public record Works(String name, String villageCode, BigDecimal amount, BigDecimal labourAmount) {}

    @Schema(name = "PvPlanReward", description = "一项奖励补助：依据与受奖农户")
    public record Reward(String name, String basis, List<Recipient> recipients) {
        public BigDecimal amount() {
            return recipients.stream().map(Recipient::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    @Schema(name = "PvPlanRewardRecipient")
    public record Recipient(UUID householdId, BigDecimal amount) {}
}
