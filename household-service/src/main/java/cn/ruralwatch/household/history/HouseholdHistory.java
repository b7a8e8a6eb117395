package cn.ruralwatch.household.history;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.audit.AuditedChange;
import cn.ruralwatch.household.household.HouseholdRules;
import cn.ruralwatch.http.NativeValues;
import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.type.TypeFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
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
    EntityManager entityManager;

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

    /** Records revisions in one batch (a bulk import records thousands in a transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(List<Entry> entries) {
        String actor = actor();
        LocalDate today = HouseholdRules.today();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into household_revision (household_id, version, recorded_at, effective_on, operation,
                                                    actor, reason, changes, snapshot)
                    values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb))
                    """)) {
                for (Entry entry : entries) {
                    insert.setObject(1, entry.householdId());
                    insert.setLong(2, entry.version());
                    insert.setTimestamp(3, Timestamp.from(entry.recordedAt()));
                    insert.setObject(4, entry.effectiveOn() == null ? today : entry.effectiveOn());
                    insert.setString(5, entry.operation());
                    insert.setString(6, actor);
                    insert.setString(7, entry.reason());
                    insert.setString(8, entry.changes() == null ? null : json(entry.changes()));
                    insert.setString(9, json(entry.snapshot()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /** The household's revisions, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Revision> revisions(UUID householdId, PageRequest page) {
        List<Revision> items = entityManager
                .createNativeQuery(SELECT + " where household_id = ?1 order by version desc", Object[].class)
                .setParameter(1, householdId)
                .setFirstResult(page.offset())
                .setMaxResults(page.size())
                .getResultList()
                .stream()
                .map(row -> revision((Object[]) row))
                .toList();
        long total = ((Number) entityManager
                        .createNativeQuery("select count(*) from household_revision where household_id = ?1")
                        .setParameter(1, householdId)
                        .getSingleResult())
                .longValue();
        return page.page(items, total);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Revision> revision(UUID householdId, long version) {
        return entityManager
                .createNativeQuery(SELECT + " where household_id = ?1 and version = ?2", Object[].class)
                .setParameter(1, householdId)
                .setParameter(2, version)
                .getResultStream()
                .findFirst()
                .map(row -> revision((Object[]) row));
    }

    /** The last revision recorded by the end of the day (China Standard Time), if the household existed then. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Revision> asOf(UUID householdId, LocalDate day) {
        Instant endOfDay = day.plusDays(1).atStartOfDay(HouseholdRules.ZONE).toInstant();
        return entityManager
                .createNativeQuery(
                        SELECT
                                + " where household_id = ?1 and recorded_at < ?2 order by recorded_at desc, version desc",
                        Object[].class)
                .setParameter(1, householdId)
                .setParameter(2, Timestamp.from(endOfDay))
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .map(row -> revision((Object[]) row));
    }

    /** The revisions recorded from the start of the day (China Standard Time) on, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Revision> since(UUID householdId, LocalDate day) {
        return entityManager
                .createNativeQuery(
                        SELECT + " where household_id = ?1 and recorded_at >= ?2 order by version", Object[].class)
                .setParameter(1, householdId)
                .setParameter(
                        2, Timestamp.from(day.atStartOfDay(HouseholdRules.ZONE).toInstant()))
                .getResultList()
                .stream()
                .map(row -> revision((Object[]) row))
                .toList();
    }

    private static final String SELECT = """
            select household_id, version, recorded_at, effective_on, operation, actor, reason, cast(changes as text),
                   cast(snapshot as text)
            from household_revision""";

    private Revision revision(Object[] row) {
        try {
            JsonNode snapshot = mapper.readTree((String) row[8]);
            return new Revision(
                    (UUID) row[0],
                    ((Number) row[1]).longValue(),
                    NativeValues.instant(row[2]),
                    row[3] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) row[3],
                    (String) row[4],
                    (String) row[5],
                    (String) row[6],
                    row[7] == null
                            ? changes(null, snapshot)
                            : mapper.readValue(
                                    (String) row[7],
                                    TypeFactory.defaultInstance()
                                            .constructCollectionType(List.class, AuditedChange.class)),
                    snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable revision of household " + row[0], e);
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
