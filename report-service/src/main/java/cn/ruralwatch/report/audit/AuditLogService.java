package cn.ruralwatch.report.audit;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.Violation;
import cn.ruralwatch.sql.Sql;
import cn.ruralwatch.sql.Statement;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads the audit log within the auditor's region, newest first. */
@ApplicationScoped
public class AuditLogService {

    private static final TypeReference<List<AuditEntry.Change>> CHANGES = new TypeReference<>() {};

    @Inject
    Sql sql;

    @Inject
    CallerScope scope;

    @Inject
    ObjectMapper mapper;

    /** Filters of a query; {@code null} means any. */
    public record Filter(String actor, String entityType, String entityId, String action, Instant from, Instant to) {}

    public Page<AuditEntry> find(Filter filter, PageRequest page) {
        if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
            throw ProblemException.invalid(Violation.of("from", "AFTER_TO", "audit.range.inverted"));
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder(" where scope_division like :scope");
        // an auditor of a township sees the entries of the township's villages and of its own officers
        parameters.put("scope", scope.division() + "%");
        condition(where, parameters, "actor", "actor = :actor", filter.actor());
        condition(where, parameters, "entityType", "entity_type = :entityType", filter.entityType());
        condition(where, parameters, "entityId", "entity_id = :entityId", filter.entityId());
        condition(where, parameters, "action", "action = :action", filter.action());
        condition(where, parameters, "from", "occurred_at >= :from", utc(filter.from()));
        condition(where, parameters, "to", "occurred_at < :to", utc(filter.to()));

        Statement select = sql.query("""
                select entry_id, occurred_at, service, actor, array_to_string(roles, ',') as roles, actor_division,
                       client, client_address, request_id, action, entity_type, entity_id, entity_division,
                       revision, changes::text as changes
                from audit_entry""" + where + " order by occurred_at desc, entry_id");
        parameters.forEach(select::bind);
        return select.page(Stored.class, page).map(this::entry);
    }

    private static void condition(
            StringBuilder where, Map<String, Object> parameters, String name, String clause, Object value) {
        if (value != null) {
            where.append(" and ").append(clause);
            parameters.put(name, value);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** An entry as stored: its roles comma-separated, its changes as JSON. */
    private record Stored(
            UUID entryId,
            Instant occurredAt,
            String service,
            String actor,
            String roles,
            String actorDivision,
            String client,
            String clientAddress,
            String requestId,
            String action,
            String entityType,
            String entityId,
            String entityDivision,
            Long revision,
            String changes) {}

    /** Where an entry's revision is read: the history of the entity types whose entries name revisions. */
    private static String revisionPath(Stored stored) {
        if (stored.revision() == null) {
            return null;
        }
        return switch (stored.entityType()) {
            case "household" -> "/api/v1/households/" + stored.entityId() + "/revisions/" + stored.revision();
            default -> null;
        };
    }

    private AuditEntry entry(Stored stored) {
        try {
            return new AuditEntry(
                    stored.entryId(),
                    stored.occurredAt(),
                    stored.service(),
                    stored.actor(),
                    stored.roles().isEmpty()
                            ? List.of()
                            : Arrays.asList(stored.roles().split(",")),
                    stored.actorDivision(),
                    stored.client(),
                    stored.clientAddress(),
                    stored.requestId(),
                    stored.action(),
                    stored.entityType(),
                    stored.entityId(),
                    stored.entityDivision(),
                    stored.revision(),
                    revisionPath(stored),
                    mapper.readValue(stored.changes(), CHANGES));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Audit entry " + stored.entryId() + " holds unreadable changes", e);
        }
    }
}
