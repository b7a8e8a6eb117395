package cn.ruralwatch.gateway;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * A token bucket per client (Bucket4j): {@code burst} requests at once, refilled at {@code requests-per-second}. Buckets
 * of clients that stop calling are forgotten after ten minutes.
 */
@ApplicationScoped
public class ClientRateLimiter {

    /**
     * The cache's upkeep (access order, expiry) runs on the calling event loop: it is a few pointer moves, where handing
     * it to the common pool woke another thread every few requests.
     */
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10))
            .executor(Runnable::run)
            .build();

    @Inject
    GatewayConfig config;

    /** Takes one request from the client's bucket; empty when allowed, else the seconds to wait. */
    public OptionalLong tryAcquire(String client) {
        ConsumptionProbe probe = buckets.get(client, this::newBucket).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L));
    }

    private Bucket newBucket(String client) {
        GatewayConfig.RateLimit limit = config.rateLimit();
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(limit.burst())
                        .refillGreedy(limit.requestsPerSecond(), Duration.ofSeconds(1))
                        .build())
                .build();
    }
}
