package cn.ruralwatch.sql;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

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
}
