package cn.ruralwatch.household.importing;

import cn.ruralwatch.household.household.HouseholdApi;
import cn.ruralwatch.household.household.IdNumbers;
import cn.ruralwatch.household.household.ImportedHouseholds;
import cn.ruralwatch.jobs.JobHandler;
import cn.ruralwatch.jobs.JobState;
import cn.ruralwatch.jobs.RunningJob;
import cn.ruralwatch.personal.PersonalDataKind;
import cn.ruralwatch.personal.PersonalDataProtector;
import cn.ruralwatch.problem.Messages;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.ProblemExceptionMappers;
import cn.ruralwatch.problem.Violation;
import cn.ruralwatch.sql.Sql;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Runs import jobs on the suite's job engine, as the user who submitted each. The file is read as a stream (its
 * stored blocks decrypted one at a time) in chunks of whole households, each read and checked as registration
 * documents on a thread of its own while the one before is stored; each chunk is stored with its errors, the
 * people it met and the job's progress and checkpoint (the last row) in one transaction, so that a job taken up
 * again — after a restart, on another replica, after its turn went to another county's import — goes on after its
 * last stored chunk and nothing is stored twice. A chunk that fails as a whole (a person registered by someone else
 * meanwhile) is stored again household by household. The errors listed are capped; beyond, they are counted.
 */
@ApplicationScoped
public class HouseholdImportWorker implements JobHandler<HouseholdImportWorker.Parameters> {

    private static final Logger LOG = Logger.getLogger(HouseholdImportWorker.class);

    static final String KIND = "HOUSEHOLD_IMPORT";

    /** The counters of an import's progress, as its view shows them. */
    static final List<String> COUNTERS = List.of(
            "processedRows",
            "householdsCreated",
            "householdsUpdated",
            "householdsUnchanged",
            "householdsRejected",
            "rowsRejected",
            "membersStored",
            "errorsListed",
            "errorsNotListed");

    @ConfigProperty(name = "ruralwatch.household-import.chunk-households", defaultValue = "500")
    int chunkHouseholds;

    /** Errors of one import listed row by row; beyond, only counted (a broken file could list millions). */
    @ConfigProperty(name = "ruralwatch.household-import.max-listed-errors", defaultValue = "10000")
    int maxListedErrors;

    /** The row of the file in which a person (by ID number hash) first appeared. */
    private record FirstOccurrence(String idHash, int firstRow) {}

    @Inject
    Clock clock;

    @Inject
    Sql sql;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper mapper;

    @Inject
    ImportedHouseholds imported;

    @Inject
    CurrentIdentityAssociation identity;

    @Inject
    ImportFiles files;

    @Inject
    MeterRegistry registry;

    /** What the households of the chunks stored count for, by their progress counter. */
    private static final Map<String, String> OUTCOMES = Map.of(
            "householdsCreated", "created",
            "householdsUpdated", "updated",
            "householdsUnchanged", "unchanged",
            "householdsRejected", "rejected");

    @Inject
    PersonalDataProtector protector;

    /** The import a job works on. */
    public record Parameters(UUID importId) {}

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Class<Parameters> parameterType() {
        return Parameters.class;
    }

    @Override
    public Map<String, Object> run(RunningJob<Parameters> job) throws IOException {
        UUID importId = job.parameters().importId();
        HouseholdImport source =
                QuarkusTransaction.requiringNew().call(() -> entityManager.find(HouseholdImport.class, importId));
        identity.setIdentity(
                mapper.readValue(source.requester, ImportRequester.class).identity());
        Map<String, Object> progress = new LinkedHashMap<>(job.progress());
        COUNTERS.forEach(counter -> progress.putIfAbsent(counter, 0));
        int lastRow = job.checkpoint().map(Integer::parseInt).orElse(1);
        try (Readable file = readable(source)) {
            if (!progress.containsKey("totalRows")) {
                progress.put("totalRows", countRows(file));
                job.report(progress);
            }
            String reason = source.reason == null
                    ? Messages.get(Messages.CHINESE, "household-import.reason", source.fileName)
                    : source.reason;
            try (FileHouseholds households = FileHouseholds.open(file.table());
                    ReadAhead ahead = new ReadAhead(households, lastRow)) {
                Chunks chunks = new Chunks(job, importId, fields(households.columns()), reason, progress);
                for (ReadChunk read = ahead.next(); !read.households().isEmpty(); read = ahead.next()) {
                    chunks.store(read);
                    if (read.households().size() >= chunkHouseholds) {
                        job.proceed();
                    }
                }
            }
        } catch (ImportTable.Unreadable unreadable) {
            throw new IllegalStateException(Messages.get(
                    Messages.CHINESE, "household-import.file.unreadable", source.format, unreadable.getMessage()));
        }
        return progress;
    }

    /** The file and the people an import met are no longer needed once its job ended. */
    @Override
    public void ended(UUID jobId, JobState state) {
        Counter.builder("household.import.jobs")
                .description("Household import jobs ended, by outcome: COMPLETED, FAILED, CANCELLED")
                .tag("outcome", state == JobState.SUCCEEDED ? ImportStatus.COMPLETED.name() : state.name())
                .register(registry)
                .increment();
        QuarkusTransaction.requiringNew().run(() -> sql.query("delete from household_import_person where job_id = :job")
                .bind("job", jobId)
                .execute());
        List<UUID> imports = QuarkusTransaction.requiringNew()
                .call(() -> sql.query("select id from household_import where job_id = :job")
                        .bind("job", jobId)
                        .column(UUID.class));
        imports.forEach(files::delete);
    }

    /** The stored file as the import reads it: a CSV as a stream, a workbook from a temporary file of its own. */
    private interface Readable extends AutoCloseable {
        ImportTable table() throws IOException;

        @Override
        void close() throws IOException;
    }

    private Readable readable(HouseholdImport source) throws IOException {
        if (source.format == ImportFormat.CSV) {
            return new Readable() {
                private final List<InputStream> opened = new ArrayList<>();

                @Override
                public ImportTable table() throws IOException {
                    InputStream in = files.open(source.id);
                    opened.add(in);
                    return ImportTable.open(ImportFormat.CSV, in);
                }

                @Override
                public void close() throws IOException {
                    for (InputStream in : opened) {
                        in.close();
                    }
                }
            };
        }
        // a workbook is a zip: read from a file, its parts are streamed rather than held in memory
        Path copy = Files.createTempFile("household-import-", ".xlsx");
        try (InputStream in = files.open(source.id)) {
            Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return new Readable() {
            @Override
            public ImportTable table() {
                return ImportTable.open(copy);
            }

            @Override
            public void close() throws IOException {
                Files.deleteIfExists(copy);
            }
        };
    }

    private static int countRows(Readable file) throws IOException {
        int rows = 0;
        try (ImportTable table = file.table()) {
            while (table.hasNext()) {
                table.next();
                rows++;
            }
        }
        return Math.max(0, rows - 1);
    }

    /**
     * A household of a chunk as the reader checked it: the registration it reads as and what is wrong with it short of
     * look-ups, or the field that does not read as a registration.
     */
    private record Read(ImportedHouseholds.Checked checked, String unreadableField) {}

    /**
     * Households of the file read and checked together, each with what its check found (same order; null for a
     * household whose rows could not be read, which is not checked).
     */
    private record ReadChunk(List<FileHouseholds.FileHousehold> households, List<Read> reads) {}

    /**
     * Reads the file's next chunk of households and checks them as documents on a thread of its own, while the job's
     * thread stores the current chunk: on two cores, reading, parsing and checking a chunk (about a third of the
     * import's Java work) then overlaps with PostgreSQL storing the one before. One chunk is read ahead at most.
     */
    private final class ReadAhead implements AutoCloseable {
        private final ExecutorService reader = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "household-import-reader");
            thread.setDaemon(true);
            return thread;
        });
        private final FileHouseholds households;
        private final int after;
        private Future<ReadChunk> next;

        /** Starts reading the households whose rows come after {@code after} (those stored before a restart). */
        ReadAhead(FileHouseholds households, int after) {
            this.households = households;
            this.after = after;
            this.next = reader.submit(this::read);
        }

        /** The next chunk (empty at the end of the file); the one after it is read meanwhile. */
        ReadChunk next() throws IOException {
            ReadChunk chunk;
            try {
                chunk = next.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while the import file was read");
            } catch (ExecutionException e) {
                switch (e.getCause()) {
                    case IOException io -> throw io;
                    case RuntimeException runtime -> throw runtime;
                    case Error error -> throw error;
                    default -> throw new IllegalStateException(e.getCause());
                }
            }
            next = chunk.households().isEmpty() ? null : reader.submit(this::read);
            return chunk;
        }

        private ReadChunk read() {
            List<FileHouseholds.FileHousehold> part = new ArrayList<>();
            while (part.size() < chunkHouseholds && households.hasNext()) {
                FileHouseholds.FileHousehold household = households.next();
                if (household.lastRow() > after) {
                    part.add(household);
                }
            }
            Instant now = clock.instant();
            List<Read> reads = new ArrayList<>(part.size());
            for (FileHouseholds.FileHousehold household : part) {
                reads.add(household.problems().isEmpty() ? checkDocument(household, now) : null);
            }
            return new ReadChunk(part, reads);
        }

        /** Waits for a read under way, so that the file is not closed under it. */
        @Override
        public void close() {
            if (next != null) {
                next.cancel(true);
            }
            reader.shutdownNow();
            try {
                if (!reader.awaitTermination(30, TimeUnit.SECONDS)) {
                    LOG.warn("An import's reader did not stop within 30 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A household of the file as a registration, checked short of look-ups. */
    private Read checkDocument(FileHouseholds.FileHousehold household, Instant now) {
        HouseholdApi.Registration registration;
        try {
            registration = mapper.treeToValue(household.document(), HouseholdApi.Registration.class);
        } catch (IOException unreadable) {
            return new Read(
                    null,
                    unreadable instanceof JsonMappingException mapping
                            ? ProblemExceptionMappers.jsonPath(mapping.getPath())
                            : "");
        }
        return new Read(imported.checkDocument(registration, now), null);
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

    /** Stores an import's chunks of households, each with what it adds to the job's progress. */
    private final class Chunks {
        private final RunningJob<Parameters> job;
        private final UUID importId;
        private final ImportedHouseholds.Fields fields;
        private final String reason;
        private final Map<String, Object> progress;

        Chunks(
                RunningJob<Parameters> job,
                UUID importId,
                ImportedHouseholds.Fields fields,
                String reason,
                Map<String, Object> progress) {
            this.job = job;
            this.importId = importId;
            this.fields = fields;
            this.reason = reason;
            this.progress = progress;
        }

        /** Stores the households read, with the checks the reader made. */
        void store(ReadChunk read) {
            storeAll(read.households(), read.reads());
        }

        /**
         * Stores households; {@code reads} holds the reader's checks, or is null: the households are checked here
         * (again, after an attempt that failed: the households its checks built were handed to that attempt's
         * persistence context and are not used twice).
         */
        private void storeAll(List<FileHouseholds.FileHousehold> part, List<Read> reads) {
            List<Integer> problemsBefore =
                    part.stream().map(h -> h.problems().size()).toList();
            Map<String, Object> next = new LinkedHashMap<>(progress);
            try {
                QuarkusTransaction.requiringNew().run(() -> storeChunk(part, reads, next));
                counted(progress, next);
                progress.putAll(next);
            } catch (RuntimeException failure) {
                if (failure instanceof cn.ruralwatch.jobs.JobInterruption
                        || cn.ruralwatch.failures.TransientFailures.isTransient(failure)) {
                    throw failure;
                }
                // what the rolled-back attempt found is found again
                for (int i = 0; i < part.size(); i++) {
                    List<FileHouseholds.RowProblem> problems = part.get(i).problems();
                    problems.subList(problemsBefore.get(i), problems.size()).clear();
                }
                if (part.size() > 1) {
                    LOG.debugf(
                            "Import %s: chunk ending at row %d stored household by household: %s",
                            importId, part.getLast().lastRow(), failure.toString());
                    part.forEach(household -> storeAll(List.of(household), null));
                    return;
                }
                FileHouseholds.FileHousehold household = part.getFirst();
                if (failure instanceof ProblemException refused
                        && !refused.violations().isEmpty()) {
                    refused.violations().forEach(v -> household.problem(v.field(), v));
                } else {
                    LOG.errorf(
                            failure,
                            "Import %s: household at row %d could not be stored",
                            importId,
                            household.firstRow());
                    household.problem("", Violation.of("", "NOT_STORED", "household-import.household.not-stored"));
                }
                Map<String, Object> again = new LinkedHashMap<>(progress);
                QuarkusTransaction.requiringNew().run(() -> storeChunk(part, null, again));
                counted(progress, again);
                progress.putAll(again);
            }
        }

        /** Checks and stores households, with their errors, the people met and the job's progress and checkpoint. */
        private void storeChunk(List<FileHouseholds.FileHousehold> part, List<Read> reads, Map<String, Object> next) {
            Instant now = clock.instant();
            notePeople(job.id(), part);
            List<ImportedHouseholds.Checked> checked = new ArrayList<>();
            List<FileHouseholds.FileHousehold> checkedFrom = new ArrayList<>();
            for (int h = 0; h < part.size(); h++) {
                FileHouseholds.FileHousehold household = part.get(h);
                add(next, "processedRows", household.memberRows().size());
                if (!household.problems().isEmpty()) {
                    continue; // rows that could not be read, or a person met earlier in the file: not checked
                }
                Read read = reads == null ? checkDocument(household, now) : reads.get(h);
                if (read.unreadableField() != null) {
                    String field = read.unreadableField();
                    household.problem(field, Violation.of(field, "INVALID", "household-import.value.invalid"));
                    continue;
                }
                ImportedHouseholds.Checked check = imported.checkVillage(read.checked());
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
                        add(next, "householdsCreated", 1);
                        add(next, "membersStored", members);
                    }
                    case UPDATED -> {
                        add(next, "householdsUpdated", 1);
                        add(next, "membersStored", members);
                    }
                    case UNCHANGED -> add(next, "householdsUnchanged", 1);
                    case REJECTED -> result.violations().forEach(v -> household.problem(v.field(), v));
                }
            }
            List<FileHouseholds.RowProblem> problems = new ArrayList<>();
            for (FileHouseholds.FileHousehold household : part) {
                if (!household.problems().isEmpty()) {
                    add(next, "householdsRejected", 1);
                    add(next, "rowsRejected", household.memberRows().size());
                    problems.addAll(household.problems());
                }
            }
            int listed = ((Number) next.get("errorsListed")).intValue();
            int room = Math.max(0, maxListedErrors - listed);
            writeProblems(importId, problems.subList(0, Math.min(room, problems.size())));
            add(next, "errorsListed", Math.min(room, problems.size()));
            add(next, "errorsNotListed", Math.max(0, problems.size() - room));
            job.save(next, String.valueOf(part.getLast().lastRow()));
        }
    }

    /**
     * Counts what a chunk stored (committed) in the metrics: households by outcome and members stored, over every
     * import of this instance.
     */
    private void counted(Map<String, Object> before, Map<String, Object> after) {
        OUTCOMES.forEach((counter, outcome) -> Counter.builder("household.imports.households")
                .description("Households of import files, by outcome: created, updated, unchanged, rejected")
                .tag("outcome", outcome)
                .register(registry)
                .increment(difference(before, after, counter)));
        Counter.builder("household.imports.members")
                .description("Members stored by household imports")
                .register(registry)
                .increment(difference(before, after, "membersStored"));
    }

    private static int difference(Map<String, Object> before, Map<String, Object> after, String counter) {
        return ((Number) after.getOrDefault(counter, 0)).intValue()
                - ((Number) before.getOrDefault(counter, 0)).intValue();
    }

    private static void add(Map<String, Object> progress, String counter, int amount) {
        progress.put(counter, ((Number) progress.getOrDefault(counter, 0)).intValue() + amount);
    }

    /**
     * The same person twice in one file is an error at the later row. The people an import met are kept by keyed hash
     * with the row they first appeared on, in the chunk's transaction, so that this holds across chunks and after the
     * job was taken up again, without holding a county's people in memory.
     */
    private void notePeople(UUID job, List<FileHouseholds.FileHousehold> part) {
        List<String> hashes = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        Map<String, List<int[]>> occurrences = new HashMap<>();
        for (int h = 0; h < part.size(); h++) {
            JsonNode members = part.get(h).document().get("members");
            for (int i = 0; members != null && i < members.size(); i++) {
                JsonNode idNumber = members.get(i).get("idNumber");
                if (idNumber == null || idNumber.asText().isBlank()) {
                    continue;
                }
                String hash = protector.lookupHash(PersonalDataKind.ID_NUMBER, IdNumbers.normalize(idNumber.asText()));
                int row = part.get(h).memberRows().get(i);
                hashes.add(hash);
                rows.add(row);
                occurrences.computeIfAbsent(hash, k -> new ArrayList<>()).add(new int[] {h, i, row});
            }
        }
        if (hashes.isEmpty()) {
            return;
        }
        sql.query("""
                        insert into household_import_person (job_id, id_hash, first_row)
                        select :job, p.hash, min(p.row)
                        from unnest(cast(:hashes as text[]), cast(:rows as int[])) as p(hash, row)
                        group by p.hash
                        on conflict (job_id, id_hash) do nothing""")
                .bind("job", job)
                .bind("hashes", hashes.toArray(String[]::new))
                .bind("rows", rows.toArray(Integer[]::new))
                .execute();
        Map<String, Integer> first = new HashMap<>();
        sql.query("""
                        select id_hash, first_row from household_import_person
                        where job_id = :job and id_hash = any(cast(:hashes as text[]))""")
                .bind("job", job)
                .bind("hashes", new HashSet<>(hashes).toArray(String[]::new))
                .list(FirstOccurrence.class)
                .forEach(person -> first.put(person.idHash(), person.firstRow()));
        occurrences.forEach((hash, seen) -> {
            int firstRow = first.getOrDefault(hash, Integer.MAX_VALUE);
            for (int[] occurrence : seen) {
                if (occurrence[2] != firstRow) {
                    part.get(occurrence[0])
                            .problem(
                                    "members[" + occurrence[1] + "].idNumber",
                                    Violation.of(
                                            "", "DUPLICATE_IN_FILE", "household-import.id-number.in-file", firstRow));
                }
            }
        });
    }

    private void writeProblems(UUID importId, List<FileHouseholds.RowProblem> problems) {
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
                    insert.setObject(1, importId);
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
}
