package cn.ruralwatch.household.division;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.audit.AuditedChange;
import cn.ruralwatch.http.NativeValues;
import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.type.TypeFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** The change history of every division: registration, renames, population bases, imports. */
@ApplicationScoped
public class DivisionHistory {

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper mapper;

    @Inject
    CallerScope caller;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String code, String operation, String reason, List<AuditedChange> changes) {
        entityManager
                .createNativeQuery("""
                        insert into division_revision (division_code, recorded_at, operation, actor, reason, changes)
                        values (?1, ?2, ?3, ?4, ?5, cast(?6 as jsonb))""")
                .setParameter(1, code)
                .setParameter(2, Timestamp.from(Instant.now()))
                .setParameter(3, operation)
                .setParameter(4, caller.subject())
                .setParameter(5, reason)
                .setParameter(
                        6,
                        json(changes.stream().filter(AuditedChange::altersValue).toList()))
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<DivisionApi.RevisionView> revisions(String code, PageRequest page) {
        List<DivisionApi.RevisionView> items = entityManager
                .createNativeQuery("""
                        select recorded_at, operation, actor, reason, cast(changes as text) from division_revision
                        where division_code = ?1 order by recorded_at desc""", Object[].class)
                .setParameter(1, code)
                .setFirstResult(page.offset())
                .setMaxResults(page.size())
                .getResultList()
                .stream()
                .map(row -> view((Object[]) row))
                .toList();
        long total = ((Number) entityManager
                        .createNativeQuery("select count(*) from division_revision where division_code = ?1")
                        .setParameter(1, code)
                        .getSingleResult())
                .longValue();
        return page.page(items, total);
    }

    private DivisionApi.RevisionView view(Object[] row) {
        try {
            return new DivisionApi.RevisionView(
                    NativeValues.instant(row[0]),
                    (String) row[1],
                    (String) row[2],
                    (String) row[3],
                    mapper.readValue(
                            (String) row[4],
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
