package cn.ruralwatch.household.division;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.audit.AuditedChange;
import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.sql.Sql;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.type.TypeFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The change history of every division: registration, renames, population bases, imports. */
@ApplicationScoped
public class DivisionHistory {

    @Inject
    Clock clock;

    @Inject
    Sql sql;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper mapper;

    @Inject
    CallerScope caller;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String code, String operation, String reason, List<AuditedChange> changes) {
        sql.query("""
                        insert into division_revision (division_code, recorded_at, operation, actor, reason, changes)
                        values (:code, :recordedAt, :operation, :actor, :reason, cast(:changes as jsonb))""")
                .bind("code", code)
                .bind("recordedAt", clock.instant())
                .bind("operation", operation)
                .bind("actor", caller.subject())
                .bind("reason", reason)
                .bind(
                        "changes",
                        json(changes.stream().filter(AuditedChange::altersValue).toList()))
                .execute();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<DivisionApi.RevisionView> revisions(String code, PageRequest page) {
        return sql.query("""
                        select recorded_at, operation, actor, reason, cast(changes as text) as changes
                        from division_revision where division_code = :code order by recorded_at desc""").bind("code", code).page(Stored.class, page).map(this::view);
    }

    /** A revision as stored, its changes as JSON text. */
    private record Stored(Instant recordedAt, String operation, String actor, String reason, String changes) {}

    private DivisionApi.RevisionView view(Stored row) {
        try {
            return new DivisionApi.RevisionView(
                    row.recordedAt(),
                    row.operation(),
                    row.actor(),
                    row.reason(),
                    mapper.readValue(
                            row.changes(),
                            TypeFactory.defaultInstance().constructCollectionType(List.class, AuditedChange.class)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable division revision", e);
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
