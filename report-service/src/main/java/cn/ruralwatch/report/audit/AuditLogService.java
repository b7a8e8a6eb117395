package cn.ruralwatch.report.audit;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.http.NativeValues;
import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.Violation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
    EntityManager entityManager;

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

        Query select = entityManager.createNativeQuery(
                """
                select entry_id, occurred_at, service, actor, array_to_string(roles, ','), actor_division, client,
                       client_address, request_id, action, entity_type, entity_id, entity_division, changes::text
                from audit_entry""" + where + " order by occurred_at desc, entry_id limit :limit offset :offset");
        parameters.forEach(select::setParameter);
        select.setParameter("limit", page.size()).setParameter("offset", page.offset());
        List<AuditEntry> items = new ArrayList<>();
        for (Object row : select.getResultList()) {
            items.add(entry((Object[]) row));
        }
        Query count = entityManager.createNativeQuery("select count(*) from audit_entry" + where);
        parameters.forEach(count::setParameter);
        return page.page(items, ((Number) count.getSingleResult()).longValue());
    }

    private static void condition(
            StringBuilder where, Map<String, Object> parameters, String name, String sql, Object value) {
        if (value != null) {
            where.append(" and ").append(sql);
            parameters.put(name, value);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private AuditEntry entry(Object[] row) {
        try {
            String roles = (String) row[4];
            return new AuditEntry(
                    (UUID) row[0],
                    NativeValues.instant(row[1]),
                    (String) row[2],
                    (String) row[3],
                    roles.isEmpty() ? List.of() : Arrays.asList(roles.split(",")),
                    (String) row[5],
                    (String) row[6],
                    (String) row[7],
                    (String) row[8],
                    (String) row[9],
                    (String) row[10],
                    (String) row[11],
                    (String) row[12],
                    mapper.readValue((String) row[13], CHANGES));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Audit entry " + row[0] + " holds unreadable changes", e);
        }
    }
}
