package cn.ruralwatch.indicator.standard;

import cn.ruralwatch.indicator.rules.CompiledStandard;
import cn.ruralwatch.indicator.rules.RuleCompiler;
import cn.ruralwatch.indicator.rules.StandardDefinition;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The standards in force, compiled once per version. Another replica may save a version at any time, so the list of
 * current versions is re-read when it is older than {@link #FRESHNESS}; compiled versions are kept by id for good
 * (versions are immutable).
 */
@ApplicationScoped
public class Standards {

    static final Duration FRESHNESS = Duration.ofSeconds(2);

    @Inject
    StandardRepository repository;

    @Inject
    ObjectMapper mapper;

    private final Map<UUID, CompiledStandard> compiled = new ConcurrentHashMap<>();
    private volatile Snapshot snapshot = new Snapshot(List.of(), 0);

    /** A standard version in force. */
    public record Current(UUID id, String code, int version, String regionCode, CompiledStandard standard) {

        /** Whether the standard applies to a division (or a household's village) code. */
        public boolean covers(String divisionCode) {
            return divisionCode.startsWith(regionCode);
        }
    }

    private record Snapshot(List<Current> standards, long readAtNanos) {}

    /** The latest version of every active standard. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Current> current() {
        Snapshot s = snapshot;
        if (System.nanoTime() - s.readAtNanos() > FRESHNESS.toNanos() || s.readAtNanos() == 0) {
            s = new Snapshot(load(), System.nanoTime());
            snapshot = s;
        }
        return s.standards();
    }

    /** The latest active version of one standard, if any. */
    public java.util.Optional<Current> current(String code) {
        return current().stream().filter(c -> c.code().equals(code)).findFirst();
    }

    /** Forget the list of current versions: a version was just saved here. */
    public void invalidate() {
        snapshot = new Snapshot(List.of(), 0);
    }

    private List<Current> load() {
        return repository.latestOfEach().stream()
                .filter(stored -> "ACTIVE".equals(stored.status()))
                .map(stored -> new Current(
                        stored.id(),
                        stored.code(),
                        stored.version(),
                        stored.regionCode(),
                        compiled.computeIfAbsent(stored.id(), k -> compile(stored.definition()))))
                .toList();
    }

    CompiledStandard compile(String definitionJson) {
        try {
            return RuleCompiler.compile(mapper.readValue(definitionJson, StandardDefinition.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored standard definition is not readable", e);
        }
    }
}
