package cn.ruralwatch.fund.pv;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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
    PvRepository repository;

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
        if (!repository.claimBackfill(NAME)) {
            return 0;
        }
        int published = 0;
        for (PvStation station : entityManager
                .createQuery("from PvStation s order by s.createdAt, s.id", PvStation.class)
                .getResultList()) {
            stations.publishRegistered(station);
            published++;
            for (PvApi.OutputView month : repository.outputs(station.id)) {
                stations.publishRecorded(
                        station,
                        month.year(),
                        month.month(),
                        month.generationKwh(),
                        month.revenue(),
                        month.recordedAt());
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
