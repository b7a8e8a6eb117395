package cn.ruralwatch.indicator.parameter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Current parameter values, resolved for a division and year: the value of the latest year not after the year, and
 * among values of that year the one of the most specific region (a county's own line before its province's, the
 * province's before the national one). Values set on another replica are seen within {@link #FRESHNESS}; a change
 * also starts a re-evaluation job, which reads them afresh.
 */
@ApplicationScoped
public class ParameterValues {

    static final Duration FRESHNESS = Duration.ofSeconds(2);

    @Inject
    ParameterRepository repository;

    public record Value(String name, String regionCode, int year, BigDecimal value) {}

    private volatile List<Value> values = List.of();
    private volatile long readAtNanos;

    /** The value in force for a division in a year, if any is set. */
    public Optional<Value> resolve(String name, String divisionCode, int year) {
        return all().stream()
                .filter(v -> v.name().equals(name) && divisionCode.startsWith(v.regionCode()) && v.year() <= year)
                .max(Comparator.comparingInt(Value::year)
                        .thenComparingInt(v -> v.regionCode().length()));
    }

    /** The declared parameters as CEL variables ({@code params.<name>}), those without a value left out. */
    public Map<String, Object> variables(List<String> names, String divisionCode, int year) {
        Map<String, Object> variables = new HashMap<>();
        for (String name : names) {
            resolve(name, divisionCode, year)
                    .ifPresent(v -> variables.put("params." + name, v.value().doubleValue()));
        }
        return variables;
    }

    /** Re-read the values now (after a change here, and at the start of a job). */
    public void refresh() {
        readAtNanos = 0;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    List<Value> all() {
        if (readAtNanos == 0 || System.nanoTime() - readAtNanos > FRESHNESS.toNanos()) {
            values = repository.current();
            readAtNanos = System.nanoTime();
        }
        return values;
    }
}
