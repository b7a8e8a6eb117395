package cn.ruralwatch.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TraceSamplingTest {

    private static final String DEFAULT = "http://localhost:4317/";

    @Test
    void quarkusOwnDefaultEndpointIsNoEndpoint() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withDefaultValue(TraceSampling.ENDPOINT, DEFAULT)
                .build();

        assertEquals(Optional.of(DEFAULT), config.getOptionalValue(TraceSampling.ENDPOINT, String.class));
        assertTrue(TraceSampling.configured(config, TraceSampling.ENDPOINT).isEmpty());
        assertTrue(
                TraceSampling.configured(config, TraceSampling.TRACES_ENDPOINT).isEmpty());
    }

    @Test
    void anEndpointSomeoneSetCounts() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withDefaultValue(TraceSampling.ENDPOINT, DEFAULT)
                .withSources(new PropertiesConfigSource(
                        Map.of(TraceSampling.ENDPOINT, "http://otel-collector:4317"), "environment", 300))
                .build();

        assertEquals(
                Optional.of("http://otel-collector:4317"), TraceSampling.configured(config, TraceSampling.ENDPOINT));
    }
}
