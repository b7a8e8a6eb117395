package cn.ruralwatch.household.importing;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.http.TransactionLocks;
import cn.ruralwatch.jobs.Job;
import cn.ruralwatch.jobs.JobEngine;
import cn.ruralwatch.jobs.JobState;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.ProblemType;
import cn.ruralwatch.problem.Violation;
import cn.ruralwatch.sql.Sql;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.f4b6a3.uuid.UuidCreator;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Accepts import files as jobs on the suite's job engine and answers what became of them. The file is kept encrypted
 * only while its job needs it ({@link ImportFiles}); a county's imports run one at a time and take turns with other
 * counties'.
 */
@ApplicationScoped
public class HouseholdImportJobs {

    @Inject
    Clock clock;

    @Inject
    Sql sql;

    @Inject
    EntityManager entityManager;

    @Inject
    CallerScope scope;

    @Inject
    SecurityIdentity identity;

    @Inject
    ObjectMapper mapper;

    @Inject
    JobEngine engine;

    @Inject
    ImportFiles files;

    /**
     * The largest workbook taken: a workbook is read part by part, but its shared strings are held in memory, and a
     * small workbook may unpack to millions of rows. A CSV file may be as large as the upload limit.
     */
    @ConfigProperty(name = "ruralwatch.household-import.max-xlsx-size", defaultValue = "40M")
    MemorySize maxXlsxSize;

    /** A job and whether this submission created it (or found the job of the same file). */
    public record Submitted(HouseholdImport job, boolean created) {}

    /**
     * Accepts a file as a job: the header must name known columns, including the required ones; the same file
     * submitted again within the same region is the job already made of it (a failed or cancelled one is taken up
     * again with the file just sent).
     */
    @Transactional
    public Submitted submit(Path file, ImportFormat format, String fileName, String reason) {
        String division = scope.division();
        long size = size(file);
        if (size == 0) {
            throw ProblemException.invalid(Violation.of("file", "EMPTY", "household-import.file.empty"));
        }
        if (format == ImportFormat.XLSX && size > maxXlsxSize.asLongValue()) {
            throw ProblemException.of(
                    ProblemType.PAYLOAD_TOO_LARGE,
                    "household-import.file.xlsx-too-large",
                    maxXlsxSize.asLongValue() / (1024 * 1024));
        }
        checkHeader(file, format);
        String sha256 = sha256(file);
        // one submission of a file at a time per region: the second finds the first's job
        TransactionLocks.lock(entityManager, "household-import:" + division + ":" + sha256);
        Optional<HouseholdImport> existing = entityManager
                .createQuery(
                        "from HouseholdImport where scopeDivision = :division and fileSha256 = :sha256",
                        HouseholdImport.class)
                .setParameter("division", division)
                .setParameter("sha256", sha256)
                .getResultStream()
                .findFirst();
        if (existing.isPresent()) {
            HouseholdImport known = existing.get();
            JobState state = engine.find(known.jobId).map(Job::state).orElse(JobState.FAILED);
            if (state == JobState.FAILED || state == JobState.CANCELLED) {
                files.store(known.id, file);
                known.jobId = enqueue(UuidCreator.getTimeOrderedEpoch(), known);
            }
            return new Submitted(known, false);
        }
        HouseholdImport created = new HouseholdImport();
        created.id = UuidCreator.getTimeOrderedEpoch();
        created.jobId = created.id;
        created.scopeDivision = division;
        created.fileSha256 = sha256;
        created.fileName = fileName;
        created.format = format;
        created.fileSize = size;
        created.reason = reason;
        created.requester = json(ImportRequester.of(identity));
        created.requestedBy = scope.subject() == null ? "system" : scope.subject();
        created.createdAt = clock.instant();
        entityManager.persist(created);
        entityManager.flush();
        files.store(created.id, file);
        enqueue(created.jobId, created);
        return new Submitted(created, true);
    }

    private UUID enqueue(UUID jobId, HouseholdImport source) {
        return engine.enqueue(
                jobId,
                HouseholdImportWorker.KIND,
                new HouseholdImportWorker.Parameters(source.id),
                source.scopeDivision,
                source.scopeDivision.substring(0, Math.min(6, source.scopeDivision.length())),
                source.requestedBy);
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

    /**
     * Cancels an import of the caller's region: a queued one at once, a running one after the chunk it is storing
     * (the households stored so far stay). Its file is deleted.
     */
    public HouseholdImportApi.ImportView cancel(UUID id) {
        HouseholdImport source = get(id);
        try {
            engine.cancel(source.jobId);
        } catch (JobEngine.AlreadyEnded ended) {
            throw ProblemException.conflict(
                    "household-import.ended", id, status(ended.job().state()));
        }
        return view(source);
    }

    /** The errors of a job in the order of the file's rows. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<HouseholdImportApi.ErrorView> errors(UUID id, PageRequest page) {
        get(id);
        List<HouseholdImportApi.ErrorView> items = errorRows(id, page.offset(), page.size());
        long total = sql.query("select count(*) from household_import_error where import_id = :id")
                .bind("id", id)
                .count();
        return page.page(items, total);
    }

    /** Errors of a job from a position on, in the order of the file's rows. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<HouseholdImportApi.ErrorView> errorRows(UUID id, int offset, int limit) {
        return sql.query("""
                        select row_number as "row", household_ref, column_name as "column", field, code, message
                        from household_import_error where import_id = :id order by row_number, id
                        offset :offset limit :limit""")
                .bind("id", id)
                .bind("offset", offset)
                .bind("limit", limit)
                .list(HouseholdImportApi.ErrorView.class);
    }

    /** An import as callers see it: the file, and its current job's state and progress. */
    public HouseholdImportApi.ImportView view(HouseholdImport source) {
        Job job = engine.find(source.jobId).orElse(null);
        Map<String, Object> progress = job == null ? Map.of() : job.result() != null ? job.result() : job.progress();
        return new HouseholdImportApi.ImportView(
                source.id,
                source.fileName,
                source.format,
                source.fileSize,
                source.fileSha256,
                source.scopeDivision,
                source.reason,
                source.requestedBy,
                job == null ? ImportStatus.FAILED : status(job.state()),
                progress.get("totalRows") instanceof Number n ? n.intValue() : null,
                counter(progress, "processedRows"),
                counter(progress, "householdsCreated"),
                counter(progress, "householdsUpdated"),
                counter(progress, "householdsUnchanged"),
                counter(progress, "householdsRejected"),
                counter(progress, "rowsRejected"),
                counter(progress, "membersStored"),
                counter(progress, "errorsNotListed"),
                job == null ? null : job.error(),
                source.createdAt,
                job == null ? null : job.startedAt(),
                job == null ? null : job.finishedAt());
    }

    private static int counter(Map<String, Object> progress, String name) {
        return progress.get(name) instanceof Number n ? n.intValue() : 0;
    }

    static ImportStatus status(JobState state) {
        return switch (state) {
            case QUEUED -> ImportStatus.QUEUED;
            case RUNNING -> ImportStatus.RUNNING;
            case SUCCEEDED -> ImportStatus.COMPLETED;
            case FAILED -> ImportStatus.FAILED;
            case CANCELLED -> ImportStatus.CANCELLED;
        };
    }

    private static void checkHeader(Path file, ImportFormat format) {
        FileHouseholds.HeaderProblems problems;
        try (ImportTable table = format == ImportFormat.XLSX
                ? ImportTable.open(file)
                : ImportTable.open(format, Files.newInputStream(file))) {
            problems = FileHouseholds.checkHeader(table);
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

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
