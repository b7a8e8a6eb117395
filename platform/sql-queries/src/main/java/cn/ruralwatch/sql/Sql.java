package cn.ruralwatch.sql;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

/**
 * The suite's one way to run SQL that Hibernate's entities do not express (reports, counts, locks, bulk changes): a
 * native statement with named ({@code :name}) or numbered ({@code ?1}) parameters whose rows come back as records,
 * each component read from the column of the same name in snake case ({@code villageCode} from {@code village_code}).
 * Statements run in the caller's transaction, through the service's own persistence unit.
 *
 * <pre>{@code
 * record Asset(UUID id, String name, BigDecimal value, LocalDate registeredOn) {}
 * Page<Asset> assets = sql.query("select id, name, value, registered_on from project_asset where county_code = :county")
 *         .bind("county", county)
 *         .page(Asset.class, PageRequest.of(page, size));
 * }</pre>
 */
@ApplicationScoped
public class Sql {

    @Inject
    EntityManager entityManager;

    /** A statement to bind and run. */
    public Statement query(String text) {
        return new Statement(entityManager, text);
    }

    /**
     * For the rest of the current transaction, lets PostgreSQL keep the plan of a statement it runs again and again.
     * The suite's connections plan every statement with its values ({@code plan_cache_mode=force_custom_plan}) for
     * the reads scoped by division code prefix, whose generic plan cannot use the division index. A transaction
     * writing in bulk (a chunk of an import, a batch of a re-evaluation, a batch of bulk events applied) runs the same
     * inserts, upserts and reads by key many times, which plan alike whatever their values: planning each anew made a
     * county's re-evaluation a third slower (20,000 households under a new standard, 9.3–9.6 s against 6.8–7.4 s).
     * With {@code plan_cache_mode=auto} PostgreSQL still plans a statement with its values while that is much cheaper
     * to run, so a division-prefix read in the same transaction keeps its index. The connection's own setting returns
     * at commit or rollback.
     */
    public void planOnce() {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (java.sql.Statement statement = connection.createStatement()) {
                statement.execute("set local plan_cache_mode = auto");
            }
        });
    }
}
