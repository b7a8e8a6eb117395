package cn.ruralwatch.indicator.division;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.directory.KnownDivision;
import cn.ruralwatch.http.EntityTags;
import cn.ruralwatch.http.TransactionLocks;
import cn.ruralwatch.problem.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Village facts by year, with history: each change supersedes the current record (optimistic concurrency on its
 * version) and the old one stays.
 */
@ApplicationScoped
@Transactional
public class VillageFactsService {

    @Inject
    EntityManager entityManager;

    @Inject
    CallerScope scope;

    @Inject
    VillageFactsRepository repository;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper mapper;

    @Schema(name = "VillageFactsRecord", description = "某村某年度情况的一个版本")
    public record Recorded(
            String villageCode,
            int year,
            @Schema(description = "版本，从 0 起") int version,
            VillageFacts facts,
            Instant recordedAt,
            String recordedBy,
            @Schema(description = "被新版本替代的时间；为空表示当前版本") Instant supersededAt) {}

    /** The current facts of a village in a year, if any were entered. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Recorded> current(String village, int year) {
        return history(village, year, true).stream().findFirst();
    }

    /** The current facts as rules see them (a map of the entered values), for villages the caller need not see. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Object> forRules(String village, int year) {
        Optional<String> stored = repository.currentFacts(village, year);
        if (stored.isEmpty()) {
            return null;
        }
        try {
            return mapper.readValue(stored.get(), new com.fasterxml.jackson.core.type.TypeReference<>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored village facts are not valid JSON", e);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Recorded> history(String village, int year, boolean currentOnly) {
        visibleVillage(village);
        return repository.versions(village, year, currentOnly).stream()
                .map(r -> new Recorded(
                        village, year, r.version(), read(r.facts()), r.recordedAt(), r.recordedBy(), r.supersededAt()))
                .toList();
    }

    /** Enters the facts of a year: the first time without If-Match, a change with the current version. */
    public Recorded put(String village, int year, VillageFacts facts, String ifMatch) {
        visibleVillage(village);
        if (year < 2000 || year > 2100) {
            throw ProblemException.invalid(
                    cn.ruralwatch.problem.Violation.of("year", "RANGE", "problem.village-facts.year", year));
        }
        TransactionLocks.lock(entityManager, "village_facts:" + village + ":" + year);
        Optional<Recorded> current = current(village, year);
        int version = 0;
        Instant now = clock.instant();
        if (current.isPresent()) {
            EntityTags.requireMatch(ifMatch, current.get().version());
            version = current.get().version() + 1;
        }
        repository.add(village, year, version, json(facts), now, scope.subject());
        return new Recorded(village, year, version, facts, now, scope.subject(), null);
    }

    /** A village the caller may see and indicator-service knows; anything else answers 404. */
    private void visibleVillage(String village) {
        KnownDivision division = village == null ? null : entityManager.find(KnownDivision.class, village);
        if (division == null || !"VILLAGE".equals(division.level) || !scope.covers(village)) {
            throw ProblemException.notFound("village.not-found", village);
        }
    }

    private String json(VillageFacts facts) {
        try {
            return mapper.writeValueAsString(facts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private VillageFacts read(String json) {
        try {
            return mapper.readValue(json, VillageFacts.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored village facts are not valid JSON", e);
        }
    }
}
