package cn.ruralwatch.household.importing;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.Violation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.f4b6a3.uuid.UuidCreator;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

/** Accepts import files as jobs and answers what became of them. */
@ApplicationScoped
public class HouseholdImportJobs {

    @Inject
    EntityManager entityManager;

    @Inject
    CallerScope scope;

    @Inject
    SecurityIdentity identity;

    @Inject
    ObjectMapper mapper;

    @Inject
    HouseholdImportWorker worker;

    /** A job and whether this submission created it (or found the job of the same file). */
    public record Submitted(HouseholdImport job, boolean created) {}

    /**
     * Accepts a file as a job: the header must name known columns, including the required ones; the same file
     * submitted again within the same region is the job already made of it (a failed one is taken up again).
     */
    @Transactional
    public Submitted submit(Path file, ImportFormat format, String fileName, String reason) {
        String division = scope.division();
        if (size(file) == 0) {
            throw ProblemException.invalid(Violation.of("file", "EMPTY", "household-import.file.empty"));
        }
        checkHeader(file, format);
        String sha256 = sha256(file);
        UUID id = UuidCreator.getTimeOrderedEpoch();
        ImportRequester requester = ImportRequester.of(identity);
        int inserted = entityManager
                .createNativeQuery("""
                        insert into household_import (id, scope_division, file_sha256, file_name, format, file_size,
                                                      content_gzip, reason, requester, requested_by, status, created_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, cast(?9 as jsonb), ?10, 'QUEUED', ?11)
                        on conflict (scope_division, file_sha256) do nothing
                        """)
                .setParameter(1, id)
                .setParameter(2, division)
                .setParameter(3, sha256)
                .setParameter(4, fileName)
                .setParameter(5, format.name())
                .setParameter(6, size(file))
                .setParameter(7, gzip(file))
                .setParameter(8, reason)
                .setParameter(9, json(requester))
                .setParameter(10, scope.subject() == null ? "system" : scope.subject())
                .setParameter(11, Timestamp.from(Instant.now()))
                .executeUpdate();
        HouseholdImport job = entityManager
                .createQuery(
                        "from HouseholdImport where scopeDivision = :division and fileSha256 = :sha256",
                        HouseholdImport.class)
                .setParameter("division", division)
                .setParameter("sha256", sha256)
                .getSingleResult();
        if (inserted == 0 && job.status == ImportStatus.FAILED) {
            job.status = ImportStatus.QUEUED;
            job.failure = null;
            job.finishedAt = null;
        }
        if (inserted > 0 || job.status == ImportStatus.QUEUED) {
            worker.wakeUpAfterCommit();
        }
        return new Submitted(job, inserted > 0);
    }

    /** A job of the caller's region. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public HouseholdImport get(UUID id) {
        HouseholdImport job = entityManager.find(HouseholdImport.class, id);
        if (job == null || !scope.covers(job.scopeDivision)) {
            throw ProblemException.notFound("household-import.not-found", id);
        }
        return job;
    }

    /** The jobs of the caller's region, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<HouseholdImport> list(PageRequest page) {
        String prefix = scope.division() + "%";
        List<HouseholdImport> items = entityManager
                .createQuery(
                        "from HouseholdImport where scopeDivision like :prefix order by createdAt desc, id",
                        HouseholdImport.class)
                .setParameter("prefix", prefix)
                .setFirstResult(page.offset())
                .setMaxResults(page.size())
                .getResultList();
        long total = entityManager
                .createQuery("select count(*) from HouseholdImport where scopeDivision like :prefix", Long.class)
                .setParameter("prefix", prefix)
                .getSingleResult();
        return page.page(items, total);
    }

    /** The errors of a job in the order of the file's rows. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<HouseholdImportApi.ErrorView> errors(UUID id, PageRequest page) {
        get(id);
        List<HouseholdImportApi.ErrorView> items = errorRows(id, page.offset(), page.size());
        long total = ((Number) entityManager
                        .createNativeQuery("select count(*) from household_import_error where import_id = ?1")
                        .setParameter(1, id)
                        .getSingleResult())
                .longValue();
        return page.page(items, total);
    }

    /** Errors of a job from a position on, in the order of the file's rows. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<HouseholdImportApi.ErrorView> errorRows(UUID id, int offset, int limit) {
        List<HouseholdImportApi.ErrorView> items = new ArrayList<>();
        for (Object row : entityManager
                .createNativeQuery("""
                        select row_number, household_ref, column_name, field, code, message
                        from household_import_error where import_id = ?1 order by row_number, id""", Object[].class)
                .setParameter(1, id)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList()) {
            Object[] r = (Object[]) row;
            items.add(new HouseholdImportApi.ErrorView(
                    ((Number) r[0]).intValue(), (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String)
                            r[5]));
        }
        return items;
    }

    static HouseholdImportApi.ImportView view(HouseholdImport job) {
        return new HouseholdImportApi.ImportView(
                job.id,
                job.fileName,
                job.format,
                job.fileSize,
                job.fileSha256,
                job.scopeDivision,
                job.reason,
                job.requestedBy,
                job.status,
                job.totalRows,
                job.processedRows,
                job.householdsCreated,
                job.householdsUpdated,
                job.householdsUnchanged,
                job.householdsRejected,
                job.rowsRejected,
                job.membersStored,
                job.failure,
                job.createdAt,
                job.startedAt,
                job.finishedAt);
    }

    private static void checkHeader(Path file, ImportFormat format) {
        FileHouseholds.HeaderProblems problems;
        try (InputStream in = Files.newInputStream(file)) {
            problems = FileHouseholds.checkHeader(ImportTable.open(format, in));
        } catch (ImportTable.Unreadable e) {
            throw ProblemException.invalid(
                    Violation.of("file", "UNREADABLE", "household-import.file.unreadable", format, e.getMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Violation> violations = new ArrayList<>();
        problems.missing()
                .forEach(c ->
                        violations.add(Violation.of("header", "MISSING_COLUMN", "household-import.header.missing", c)));
        problems.unknown()
                .forEach(c ->
                        violations.add(Violation.of("header", "UNKNOWN_COLUMN", "household-import.header.unknown", c)));
        problems.repeated()
                .forEach(c -> violations.add(
                        Violation.of("header", "REPEATED_COLUMN", "household-import.header.repeated", c)));
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(Path file) {
        try (DigestInputStream in =
                new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gzip(Path file) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes, 1 << 16)) {
            Files.copy(file, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
