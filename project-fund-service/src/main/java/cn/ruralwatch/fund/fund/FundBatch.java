package cn.ruralwatch.fund.fund;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A batch 批次 of linkage funds 衔接资金 allocated to a county. */
@Entity
@Table(name = "fund_batch")
public class FundBatch {

    @Id
    public UUID id;

    @Column(name = "county_code", nullable = false)
    public String countyCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "source_level", nullable = false)
    public SourceLevel sourceLevel;

    @Column(name = "fund_year", nullable = false)
    public int year;

    @Column(name = "batch_number", nullable = false)
    public int batchNumber;

    @Column(nullable = false, precision = 16, scale = 2)
    public BigDecimal amount;

    @Column(name = "document_number")
    public String documentNumber;

    public String purpose;

    /** What approved project budgets have taken from the batch; kept by the project lifecycle. */
    @Column(insertable = false, updatable = false)
    public BigDecimal allocated;

    @Version
    public long version;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;
}
