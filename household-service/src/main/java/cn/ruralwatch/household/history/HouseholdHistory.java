package cn.ruralwatch.household.history;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.audit.AuditedChange;
import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.sql.CopyRows;
import cn.ruralwatch.sql.Sql;
import cn.ruralwatch.time.ChinaTime;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.type.TypeFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The history of every household: one revision per change, written in the transaction of the change, holding who,
 * when, why, the changed fields with old and new values, and the household as it stood afterwards. Personal numbers
 * appear masked, as in the audit log.
 */
@ApplicationScoped
public class HouseholdHistory {

    @Inject
    Clock clock;

    @Inject
    EntityManager entityManager;

    @Inject
    Sql sql;

    @Inject
    ObjectMapper mapper;

    @Inject
    CallerScope caller;

    /** One change as the history keeps it. */
    public record Revision(
            UUID householdId,
            long version,
            Instant recordedAt,
            LocalDate effectiveOn,
            String operation,
            String actor,
            String reason,
            List<AuditedChange> changes,
            JsonNode snapshot) {}

    /** The fields that differ from {@code before} to {@code after}. */
    public List<AuditedChange> changes(JsonNode before, JsonNode after) {
        return SnapshotDiff.between(before, after);
    }

    /**
     * A revision to record, by the caller; {@code effectiveOn} is the day the change took effect, today when null.
     * {@code changes} is null for a registration: every field of the snapshot is new, and the changes are derived from
     * it when the revision is read.
     */
    public record Entry(
            UUID householdId,
            long version,
            Instant recordedAt,
            LocalDate effectiveOn,
            String operation,
            String reason,
            List<AuditedChange> changes,
            JsonNode snapshot) {}

    /** Records a revision. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Entry revision) {
        recordAll(List.of(revision));
    }

    private static final List<String> REVISION_COLUMNS = List.of(
            "household_id",
            "version",
            "recorded_at",
            "effective_on",
            "operation",
            "actor",
            "reason",
            "changes",
            "snapshot");

    /** Records revisions in one batch (a bulk import records thousands in a transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(List<Entry> entries) {
        String actor = actor();
        LocalDate today = ChinaTime.today(clock);
        List<Object[]> rows = entries.stream()
                .map(entry -> new Object[] {
                    entry.householdId(),
                    entry.version(),
                    Timestamp.from(entry.recordedAt()),
                    entry.effectiveOn() == null ? today : entry.effectiveOn(),
                    entry.operation(),
                    actor,
                    entry.reason(),
                    entry.changes() == null ? null : json(entry.changes()),
                    json(entry.snapshot())
                })
                .toList();
        // an import records thousands in a transaction: COPY spares binding each row
        entityManager
                .unwrap(Session.class)
                .doWork(connection -> CopyRows.copy(connection, "household_revision", REVISION_COLUMNS, rows));
    }

    /** The household's revisions, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Revision> revisions(UUID householdId, PageRequest page) {
        return sql.query(SELECT + " where household_id = :household order by version desc")
                .bind("household", householdId)
                .page(Stored.class, page)
                .map(this::revision);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Revision> revision(UUID householdId, long version) {
        return sql.query(SELECT + " where household_id = :household and version = :version")
                .bind("household", householdId)
                .bind("version", version)
                .first(Stored.class)
                .map(this::revision);
    }

    /** The last revision recorded by the end of the day (China Standard Time), if the household existed then. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Revision> asOf(UUID householdId, LocalDate day) {
        return sql.query(SELECT
                        + " where household_id = :household and recorded_at < :endOfDay"
                        + " order by recorded_at desc, version desc")
                .bind("household", householdId)
                .bind("endOfDay", day.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant())
                .first(Stored.class)
                .map(this::revision);
    }

    /** A revision's income records as the history keeps them (the household document's {@code incomes}). */
    public record Incomes(long version, Instant recordedAt, JsonNode incomes) {}

    /**
     * The income records of every revision, oldest first: each version of each year's record, including those later
     * replaced.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Incomes> incomes(UUID householdId) {
        return sql.query("""
                        select version, recorded_at, cast(snapshot -> 'incomes' as text) as incomes
                        from household_revision where household_id = :household order by version""").bind("household", householdId).list(StoredIncomes.class).stream()
                .map(row -> {
                    try {
                        return new Incomes(
                                row.version(),
                                row.recordedAt(),
                                row.incomes() == null ? mapper.createArrayNode() : mapper.readTree(row.incomes()));
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException("Unreadable revision of household " + householdId, e);
                    }
                })
                .toList();
    }

    private record StoredIncomes(long version, Instant recordedAt, String incomes) {}

    private static final String SELECT = """
            select household_id, version, recorded_at, effective_on, operation, actor, reason,
                   cast(changes as text) as changes, cast(snapshot as text) as snapshot
            from household_revision""";

    /** A revision as stored: its changes and snapshot as JSON text; no changes for a registration. */
    private record Stored(
            UUID householdId,
            long version,
            Instant recordedAt,
            LocalDate effectiveOn,
            String operation,
            String actor,
            String reason,
            String changes,
            String snapshot) {}

    private Revision revision(Stored row) {
        try {
            JsonNode snapshot = mapper.readTree(row.snapshot());
            return new Revision(
                    row.householdId(),
                    row.version(),
                    row.recordedAt(),
                    row.effectiveOn(),
                    row.operation(),
                    row.actor(),
                    row.reason(),
                    row.changes() == null
                            ? changes(null, snapshot)
                            : mapper.readValue(
                                    row.changes(),
                                    TypeFactory.defaultInstance()
                                            .constructCollectionType(List.class, AuditedChange.class)),
                    snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable revision of household " + row.householdId(), e);
        }
    }

    private String actor() {
        String subject = caller.subject();
        return subject == null ? "system" : subject;
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
