package cn.ruralwatch.household.importing;

import cn.ruralwatch.household.household.HouseholdApi;
import cn.ruralwatch.household.household.IdNumbers;
import cn.ruralwatch.household.household.ImportedHouseholds;
import cn.ruralwatch.messaging.BackgroundLoop;
import cn.ruralwatch.problem.Messages;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.ProblemExceptionMappers;
import cn.ruralwatch.problem.Violation;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Runs import jobs in the background, one at a time, as the user who submitted each. A job is read in chunks of whole
 * households; each chunk is stored with its errors and the job's progress in one transaction, so that a job
 * interrupted by a restart (its lease runs out) is taken up again after its last stored chunk and nothing is stored
 * twice. A chunk that fails as a whole (a person registered by someone else meanwhile) is stored again household by
 * household.
 */
@ApplicationScoped
public class HouseholdImportWorker {

    private static final Logger LOG = Logger.getLogger(HouseholdImportWorker.class);

    @ConfigProperty(name = "ruralwatch.household-import.chunk-households", defaultValue = "500")
    int chunkHouseholds;

    @ConfigProperty(name = "ruralwatch.household-import.poll-interval", defaultValue = "30s")
    Duration pollInterval;

    @ConfigProperty(name = "ruralwatch.household-import.lease", defaultValue = "5m")
    Duration lease;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper mapper;

    @Inject
    ImportedHouseholds imported;

    @Inject
    CurrentIdentityAssociation identity;

    @Inject
    TransactionSynchronizationRegistry transactions;

    private BackgroundLoop loop;

    @PostConstruct
    void createLoop() {
        loop = new BackgroundLoop("household-import", pollInterval, () -> {
            UUID job = claim();
            if (job == null) {
                return false;
            }
            runAsRequester(job);
            return true;
        });
    }

    void start(@Observes @Priority(2000) StartupEvent startup) {
        loop.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        loop.stop();
    }

    /** Looks for jobs once the caller's transaction has committed the one it submitted. */
    void wakeUpAfterCommit() {
        loop.wakeUpAfterCommit(transactions);
    }

    /** Takes the oldest queued job, or a running one whose worker stopped holding it. */
    private UUID claim() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> ids = entityManager
                    .createNativeQuery("""
                            update household_import set status = 'RUNNING', started_at = coalesce(started_at, now()),
                                   lease_until = ?1
                            where id = (select id from household_import
                                        where status = 'QUEUED' or (status = 'RUNNING' and lease_until < now())
                                        order by created_at limit 1 for update skip locked)
                            returning id""")
                    .setParameter(1, Timestamp.from(Instant.now().plus(lease)))
                    .getResultList();
            return ids.isEmpty() ? null : (UUID) ids.getFirst();
        });
    }

    private void runAsRequester(UUID id) {
        HouseholdImport job =
                QuarkusTransaction.requiringNew().call(() -> entityManager.find(HouseholdImport.class, id));
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            identity.setIdentity(
                    mapper.readValue(job.requester, ImportRequester.class).identity());
            run(job);
        } catch (ImportTable.Unreadable unreadable) {
            finish(
                    id,
                    ImportStatus.FAILED,
                    Messages.get(
                            Messages.CHINESE, "household-import.file.unreadable", job.format, unreadable.getMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            requestContext.terminate();
        }
    }

    private void run(HouseholdImport job) throws IOException {
        byte[] content = QuarkusTransaction.requiringNew().call(() -> (byte[]) entityManager
                .createNativeQuery("select content_gzip from household_import where id = ?1")
                .setParameter(1, job.id)
                .getSingleResult());
        if (job.totalRows == null) {
            int rows = countRows(job.format, content);
            QuarkusTransaction.requiringNew().run(() -> entityManager
                    .createNativeQuery("update household_import set total_rows = ?1 where id = ?2")
                    .setParameter(1, rows)
                    .setParameter(2, job.id)
                    .executeUpdate());
        }
        String reason = job.reason == null
                ? Messages.get(Messages.CHINESE, "household-import.reason", job.fileName)
                : job.reason;
        try (FileHouseholds households = FileHouseholds.open(ImportTable.open(job.format, unzipped(content)))) {
            ImportedHouseholds.Fields fields = fields(households.columns());
            Map<String, Integer> firstRowOfPerson = new HashMap<>();
            List<FileHouseholds.FileHousehold> chunk = new ArrayList<>();
            while (households.hasNext()) {
                FileHouseholds.FileHousehold household = households.next();
                boolean stored = household.lastRow() <= job.lastRow;
                noteIdNumbers(household, firstRowOfPerson, !stored);
                if (stored) {
                    continue;
                }
                chunk.add(household);
                if (chunk.size() >= chunkHouseholds) {
                    store(job.id, chunk, fields, reason);
                    chunk = new ArrayList<>();
                }
            }
            if (!chunk.isEmpty()) {
                store(job.id, chunk, fields, reason);
            }
        }
        finish(job.id, ImportStatus.COMPLETED, null);
    }

    /** The fields the file's columns fill, which a later file changes in registered households. */
    private static ImportedHouseholds.Fields fields(Set<ImportColumn> columns) {
        return new ImportedHouseholds.Fields(
                columns.stream()
                        .filter(c -> c.scope() == ImportColumn.Scope.HOUSEHOLD)
                        .map(ImportColumn::path)
                        .collect(Collectors.toSet()),
                columns.stream()
                        .filter(c -> c.scope() == ImportColumn.Scope.MEMBER)
                        .map(ImportColumn::path)
                        .collect(Collectors.toSet()));
    }

    /** The same person twice in one file is an error at the second row. */
    private static void noteIdNumbers(
            FileHouseholds.FileHousehold household, Map<String, Integer> firstRowOfPerson, boolean report) {
        JsonNode members = household.document().get("members");
        for (int i = 0; i < members.size(); i++) {
            JsonNode idNumber = members.get(i).get("idNumber");
            if (idNumber == null) {
                continue;
            }
            int row = household.memberRows().get(i);
            Integer first = firstRowOfPerson.putIfAbsent(IdNumbers.normalize(idNumber.asText()), row);
            if (first != null && first != row && report) {
                household.problem(
                        "members[" + i + "].idNumber",
                        Violation.of("", "DUPLICATE_IN_FILE", "household-import.id-number.in-file", first));
            }
        }
    }

    private void store(
            UUID job, List<FileHouseholds.FileHousehold> chunk, ImportedHouseholds.Fields fields, String reason) {
        List<Integer> problemsBefore =
                chunk.stream().map(h -> h.problems().size()).toList();
        try {
            QuarkusTransaction.requiringNew().run(() -> storeChunk(job, chunk, fields, reason));
        } catch (RuntimeException failure) {
            // what the rolled-back attempt found is found again
            for (int i = 0; i < chunk.size(); i++) {
                List<FileHouseholds.RowProblem> problems = chunk.get(i).problems();
                problems.subList(problemsBefore.get(i), problems.size()).clear();
            }
            if (chunk.size() > 1) {
                LOG.debugf(
                        "Import %s: chunk ending at row %d stored household by household: %s",
                        job, chunk.getLast().lastRow(), failure.toString());
                chunk.forEach(household -> store(job, List.of(household), fields, reason));
                return;
            }
            FileHouseholds.FileHousehold household = chunk.getFirst();
            if (failure instanceof ProblemException refused
                    && !refused.violations().isEmpty()) {
                refused.violations().forEach(v -> household.problem(v.field(), v));
            } else {
                LOG.errorf(failure, "Import %s: household at row %d could not be stored", job, household.firstRow());
                household.problem("", Violation.of("", "NOT_STORED", "household-import.household.not-stored"));
            }
            QuarkusTransaction.requiringNew().run(() -> storeChunk(job, chunk, fields, reason));
        }
    }

    /** Checks and stores a chunk, with its errors and the job's progress. */
    private void storeChunk(
            UUID job, List<FileHouseholds.FileHousehold> chunk, ImportedHouseholds.Fields fields, String reason) {
        Instant now = Instant.now();
        Progress progress = new Progress();
        List<ImportedHouseholds.Checked> checked = new ArrayList<>();
        List<FileHouseholds.FileHousehold> checkedFrom = new ArrayList<>();
        for (FileHouseholds.FileHousehold household : chunk) {
            progress.rows += household.memberRows().size();
            if (!household.problems().isEmpty()) {
                continue;
            }
            HouseholdApi.Registration registration;
            try {
                registration = mapper.treeToValue(household.document(), HouseholdApi.Registration.class);
            } catch (IOException unreadable) {
                String field = unreadable instanceof JsonMappingException mapping
                        ? ProblemExceptionMappers.jsonPath(mapping.getPath())
                        : "";
                household.problem(field, Violation.of(field, "INVALID", "household-import.value.invalid"));
                continue;
            }
            ImportedHouseholds.Checked check = imported.check(registration, now);
            if (check.violations().isEmpty()) {
                checked.add(check);
                checkedFrom.add(household);
            } else {
                check.violations().forEach(v -> household.problem(v.field(), v));
            }
        }
        List<ImportedHouseholds.Result> results = imported.store(checked, fields, reason);
        for (int i = 0; i < results.size(); i++) {
            ImportedHouseholds.Result result = results.get(i);
            FileHouseholds.FileHousehold household = checkedFrom.get(i);
            int members = household.memberRows().size();
            switch (result.outcome()) {
                case CREATED -> {
                    progress.created++;
                    progress.members += members;
                }
                case UPDATED -> {
                    progress.updated++;
                    progress.members += members;
                }
                case UNCHANGED -> progress.unchanged++;
                case REJECTED -> result.violations().forEach(v -> household.problem(v.field(), v));
            }
        }
        List<FileHouseholds.RowProblem> problems = new ArrayList<>();
        for (FileHouseholds.FileHousehold household : chunk) {
            if (!household.problems().isEmpty()) {
                progress.rejected++;
                progress.rowsRejected += household.memberRows().size();
                problems.addAll(household.problems());
            }
        }
        writeProblems(job, problems);
        entityManager
                .createNativeQuery("""
                        update household_import set processed_rows = processed_rows + ?1, last_row = ?2,
                               households_created = households_created + ?3, households_updated = households_updated + ?4,
                               households_unchanged = households_unchanged + ?5, households_rejected = households_rejected + ?6,
                               rows_rejected = rows_rejected + ?7, members_stored = members_stored + ?8, lease_until = ?9
                        where id = ?10""")
                .setParameter(1, progress.rows)
                .setParameter(2, chunk.getLast().lastRow())
                .setParameter(3, progress.created)
                .setParameter(4, progress.updated)
                .setParameter(5, progress.unchanged)
                .setParameter(6, progress.rejected)
                .setParameter(7, progress.rowsRejected)
                .setParameter(8, progress.members)
                .setParameter(9, Timestamp.from(Instant.now().plus(lease)))
                .setParameter(10, job)
                .executeUpdate();
    }

    private static final class Progress {
        int rows;
        int created;
        int updated;
        int unchanged;
        int rejected;
        int rowsRejected;
        int members;
    }

    private void writeProblems(UUID job, List<FileHouseholds.RowProblem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into household_import_error (import_id, row_number, household_ref, column_name, field, code,
                                                        message)
                    values (?, ?, ?, ?, ?, ?, ?)""")) {
                for (FileHouseholds.RowProblem problem : problems) {
                    Violation violation = problem.violation();
                    insert.setObject(1, job);
                    insert.setInt(2, problem.row());
                    insert.setString(3, problem.householdRef());
                    insert.setString(4, problem.column());
                    insert.setString(5, violation.field().isEmpty() ? null : violation.field());
                    insert.setString(6, violation.code());
                    insert.setString(7, Messages.get(Messages.CHINESE, violation.messageKey(), violation.args()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    private void finish(UUID job, ImportStatus status, String failure) {
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("""
                        update household_import set status = ?1, failure = ?2, finished_at = now(), lease_until = null,
                               content_gzip = case when ?1 = 'COMPLETED' then null else content_gzip end
                        where id = ?3""")
                .setParameter(1, status.name())
                .setParameter(2, failure)
                .setParameter(3, job)
                .executeUpdate());
    }

    private static int countRows(ImportFormat format, byte[] content) throws IOException {
        int rows = 0;
        try (ImportTable table = ImportTable.open(format, unzipped(content))) {
            while (table.hasNext()) {
                table.next();
                rows++;
            }
        }
        return Math.max(0, rows - 1);
    }

    private static InputStream unzipped(byte[] content) throws IOException {
        return new GZIPInputStream(new ByteArrayInputStream(content), 1 << 16);
    }
}
