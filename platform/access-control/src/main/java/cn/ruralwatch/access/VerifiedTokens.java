package cn.ruralwatch.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Tokens whose signature, issuer, audience and expiry were checked a moment ago, so that the next request with the
 * same token does not check its RSA signature again (the largest single cost of a request at the gateway and in the
 * services: a caller sends the same token for minutes).
 *
 * <p>Only tokens that passed are kept, keyed by the whole token text (a token differing in any character is checked in
 * full). One is reused until the earlier of its {@code exp} and {@code ttl} after it was checked, so a token signed
 * with a key the issuer has withdrawn stops passing within {@code ttl} of the suite reading the new key set. At most
 * {@code size} tokens are kept, the least used leaving first; tokens longer than {@value #LONGEST_TOKEN} characters are
 * never kept, which bounds the memory the cache holds.
 */
@ApplicationScoped
public class VerifiedTokens {

    /** Longest token kept, in characters; a longer one is checked on every request. */
    static final int LONGEST_TOKEN = 8192;

    private final Cache<String, Verified> cache;
    private final LongSupplier epochSeconds;

    @Inject
    public VerifiedTokens(
            @ConfigProperty(name = "ruralwatch.auth.verified-tokens.size", defaultValue = "1000") int size,
            @ConfigProperty(name = "ruralwatch.auth.verified-tokens.ttl", defaultValue = "PT60S") Duration ttl) {
        this(size, ttl, Ticker.systemTicker(), () -> System.currentTimeMillis() / 1000);
    }

    /** With the clocks the cache's expiry ({@code ticker}) and the tokens' {@code exp} ({@code epochSeconds}) use. */
    VerifiedTokens(int size, Duration ttl, Ticker ticker, LongSupplier epochSeconds) {
        this.epochSeconds = epochSeconds;
        this.cache = Caffeine.newBuilder()
                .maximumSize(size)
                .ticker(ticker)
                // upkeep (eviction, expiry) on the calling thread, a request's own, rather than a wake-up of a
                // common-pool thread every few requests
                .executor(Runnable::run)
                // the earlier of the token's expiry and the reuse limit
                .expireAfter(Expiry.<String, Verified>creating(
                        (token, verified) -> verified.untilExpiry().compareTo(ttl) < 0 ? verified.untilExpiry() : ttl))
                .build();
    }

    /** The token as it was checked, if it passed a moment ago and has not expired since. */
    public Optional<JsonWebToken> get(String token) {
        Verified verified = cache.getIfPresent(token);
        return verified == null ? Optional.empty() : Optional.of(verified.token());
    }

    /** Keeps a token that just passed every check; one without an expiry, or too long, is not kept. */
    public void put(String token, JsonWebToken verified) {
        long expiresAt = expiry(verified);
        long untilExpiry = expiresAt - epochSeconds.getAsLong();
        if (token.length() > LONGEST_TOKEN || expiresAt <= 0 || untilExpiry <= 0) {
            return;
        }
        cache.put(token, new Verified(verified, Duration.ofSeconds(untilExpiry)));
    }

    /** The token's {@code exp} in epoch seconds, 0 without one. */
    private static long expiry(JsonWebToken token) {
        Object exp = token.getClaim(Claims.exp.name());
        if (exp instanceof Number number) {
            return number.longValue();
        }
        return exp instanceof JsonNumber number ? number.longValue() : 0;
    }

    /** How many tokens are kept now (for tests). */
    long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    private record Verified(JsonWebToken token, Duration untilExpiry) {}
}
