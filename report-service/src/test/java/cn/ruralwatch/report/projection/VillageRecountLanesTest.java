package cn.ruralwatch.report.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ruralwatch.tracing.Lane;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The villages a person's change marked are recounted at once, before those the events of a bulk job marked; those
 * once their marks have stopped coming for a while, or their oldest mark has waited long enough, a few at a time.
 */
@QuarkusTest
class VillageRecountLanesTest {

    static final String PERSONS_VILLAGE = "459971101201";
    static final String[] IMPORTED_VILLAGES = IntStream.range(0, 20)
            .mapToObj(i -> "4599711012%02d".formatted(i + 10))
            .toArray(String[]::new);

    @Inject
    VillageSummaries summaries;

    @Inject
    EntityManager entityManager;

    @Test
    void aVillageMarkedByInteractiveWorkIsRecountedFirstAndBulkVillagesAFewAtATime() {
        // the refresher stands still, so that each step is the test's own
        summaries.stop(null);
        try {
            // an import's events marked twenty villages, then a person's registration marked one more
            QuarkusTransaction.requiringNew().run(() -> {
                try (Lane.Scope bulk = Lane.BULK.follow()) {
                    summaries.touched(IMPORTED_VILLAGES);
                }
                summaries.touched(PERSONS_VILLAGE);
            });
            assertEquals(1, marks(true));
            assertEquals(20, marks(false));

            assertTrue(summaries.step());
            assertEquals(0, marks(true));
            assertEquals(20, marks(false));
            assertEquals(1, summaries(PERSONS_VILLAGE));
            assertEquals(0, summaries(IMPORTED_VILLAGES));

            // the bulk marks wait until they have settled (3 s by default) ...
            assertEquals(false, summaries.step());
            assertEquals(20, marks(false));
            assertEquals(0, summaries(IMPORTED_VILLAGES));
            QuarkusTransaction.requiringNew().run(() -> entityManager
                    .createNativeQuery("update report_dirty_village set marked_at = marked_at - interval '1 minute'"
                            + " where village_code like '4599711%'")
                    .executeUpdate());

            // ... then the oldest are recounted, sixteen villages at a time
            assertTrue(summaries.step());
            assertEquals(4, marks(false));
            assertEquals(16, summaries(IMPORTED_VILLAGES));
            assertTrue(summaries.step());
            assertEquals(0, marks(false));
            assertEquals(20, summaries(IMPORTED_VILLAGES));
            assertEquals(false, summaries.step());

            // while an import's events keep marking a village, it waits for them to stop ...
            QuarkusTransaction.requiringNew().run(() -> {
                try (Lane.Scope bulk = Lane.BULK.follow()) {
                    summaries.touched(IMPORTED_VILLAGES[0], IMPORTED_VILLAGES[1]);
                }
            });
            age(IMPORTED_VILLAGES[0], "5 seconds");
            age(IMPORTED_VILLAGES[1], "5 seconds");
            QuarkusTransaction.requiringNew().run(() -> {
                try (Lane.Scope bulk = Lane.BULK.follow()) {
                    summaries.touched(IMPORTED_VILLAGES[0]);
                }
            });
            assertTrue(summaries.step());
            assertEquals(2, marks(false));
            assertEquals(List.of(IMPORTED_VILLAGES[0], IMPORTED_VILLAGES[0]), markedVillages());
            assertEquals(false, summaries.step());
            // ... or for its oldest mark to have waited 15 s
            age(IMPORTED_VILLAGES[0], "11 seconds");
            assertTrue(summaries.step());
            assertEquals(0, marks(false));
            assertEquals(false, summaries.step());
        } finally {
            summaries.start(null);
        }
    }

    private long marks(boolean interactive) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                        .createNativeQuery(
                                "select count(*) from report_dirty_village where village_code like '4599711%'"
                                        + " and interactive = :interactive")
                        .setParameter("interactive", interactive)
                        .getSingleResult())
                .longValue());
    }

    /** Makes the marks of a village older, as if time had passed since they were made. */
    private void age(String village, String interval) {
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("update report_dirty_village set marked_at = marked_at - cast(:interval as interval)"
                        + " where village_code = :village")
                .setParameter("interval", interval)
                .setParameter("village", village)
                .executeUpdate());
    }

    @SuppressWarnings("unchecked")
    private List<String> markedVillages() {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select village_code from report_dirty_village where village_code like '4599711%'"
                        + " order by village_code")
                .getResultList());
    }

    private long summaries(String... villages) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                        .createNativeQuery(
                                "select count(*) from report_village_summary where village_code = any(:villages)")
                        .setParameter("villages", villages)
                        .getSingleResult())
                .longValue());
    }
}
