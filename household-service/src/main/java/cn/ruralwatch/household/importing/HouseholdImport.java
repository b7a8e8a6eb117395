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

/** An import (批量导入): the file submitted and who submitted it; its state and progress are those of its job. */
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

    /** The job (on the job engine) that imports the file now; a new one when a failed import is taken up again. */
    @Column(name = "job_id", nullable = false)
    public UUID jobId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
