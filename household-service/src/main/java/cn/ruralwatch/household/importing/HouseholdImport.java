package cn.ruralwatch.household.importing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An import job (批量导入任务); its file is read and written with native queries, never loaded with the job. */
@Entity
@Table(name = "household_import")
public class HouseholdImport {

    @Id
    public UUID id;

    @Column(name = "scope_division", nullable = false)
    public String scopeDivision;

    @Column(name = "file_sha256", nullable = false)
    public String fileSha256;

    @Column(name = "file_name", nullable = false)
    public String fileName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ImportFormat format;

    @Column(name = "file_size", nullable = false)
    public long fileSize;

    public String reason;

    /** {@link ImportRequester} as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String requester;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ImportStatus status;

    @Column(name = "total_rows")
    public Integer totalRows;

    @Column(name = "processed_rows", nullable = false)
    public int processedRows;

    @Column(name = "last_row", nullable = false)
    public int lastRow = 1;

    @Column(name = "households_created", nullable = false)
    public int householdsCreated;

    @Column(name = "households_updated", nullable = false)
    public int householdsUpdated;

    @Column(name = "households_unchanged", nullable = false)
    public int householdsUnchanged;

    @Column(name = "households_rejected", nullable = false)
    public int householdsRejected;

    @Column(name = "rows_rejected", nullable = false)
    public int rowsRejected;

    @Column(name = "members_stored", nullable = false)
    public int membersStored;

    public String failure;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "lease_until")
    public Instant leaseUntil;
}
