package cn.ruralwatch.fund.pv;

import cn.ruralwatch.http.NativeValues;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Publishes, once, the PV events of what was recorded before project-fund-service published them — every station, every
 * recorded month and every published plan — so that report-service counts the whole history. The backfill's row in
 * {@code event_backfill} is written in the same transaction as the events: it happens exactly once, whichever replica
 * starts first; events already published before are sent again, which their consumers ignore (a station or plan once, a
 * month by its newest record).
 */
@ApplicationScoped
public class PvEventBackfill {

    static final String NAME = "pv-events-v1";

    private static final Logger LOG = Logger.getLogger(PvEventBackfill.class);

    @Inject
    EntityManager entityManager;

    @Inject
    PvStationService stations;

    @Inject
    PvPlanService plans;

    void onStart(@Observes StartupEvent started) {
        int published = publishOnce();
        if (published > 0) {
            LOG.infof("Published %d PV events of what was recorded before they existed", published);
        }
    }

    /** Publishes the events unless done before, in a transaction of its own; answers how many it published. */
    public int publishOnce() {
        return QuarkusTransaction.requiringNew().call(this::publishUnlessDone);
    }

    private int publishUnlessDone() {
        int claimed = entityManager
                .createNativeQuery(
                        "insert into event_backfill (name, done_at) values (?1, now()) on conflict (name) do nothing")
                .setParameter(1, NAME)
                .executeUpdate();
        if (claimed == 0) {
            return 0;
        }
        int published = 0;
        for (PvStation station : entityManager
                .createQuery("from PvStation s order by s.createdAt, s.id", PvStation.class)
                .getResultList()) {
            stations.publishRegistered(station);
            published++;
            @SuppressWarnings("unchecked")
            List<Object[]> months = entityManager
                    .createNativeQuery("""
                            select output_year, output_month, generation_kwh, revenue, recorded_at
                            from pv_monthly_output where station_id = ?1 order by output_year, output_month
                            """)
                    .setParameter(1, station.id)
                    .getResultList();
            for (Object[] month : months) {
                stations.publishRecorded(
                        station,
                        ((Number) month[0]).intValue(),
                        ((Number) month[1]).intValue(),
                        (BigDecimal) month[2],
                        (BigDecimal) month[3],
                        NativeValues.instant(month[4]));
                published++;
            }
        }
        for (PvDistributionPlan plan : entityManager
                .createQuery(
                        "from PvDistributionPlan p where p.status = :published order by p.publishedOn, p.id",
                        PvDistributionPlan.class)
                .setParameter("published", PvDistributionPlan.Status.PUBLISHED)
                .getResultList()) {
            plans.publishPublished(plan);
            published++;
        }
        return published;
    }
}
