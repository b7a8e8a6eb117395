package cn.ruralwatch.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private static final long NOW = 1_800_000_000L;

    /** One clock for both the cache's ticker (nanos) and the tokens' exp (epoch seconds). */
    private final AtomicLong nanos = new AtomicLong();

    private final VerifiedTokens tokens =
            new VerifiedTokens(2, Duration.ofSeconds(60), nanos::get, () -> NOW + nanos.get() / 1_000_000_000L);

    @Test
    void aTokenThatPassedIsReusedUntilTheReuseLimit() {
        JsonWebToken checked = token("clerk", NOW + 3600);
        tokens.put("header.claims.signature", checked);

        assertSame(checked, tokens.get("header.claims.signature").orElseThrow());
        assertTrue(tokens.get("header.claims.signaturf").isEmpty());

        later(59);
        assertSame(checked, tokens.get("header.claims.signature").orElseThrow());
        later(1);
        assertTrue(tokens.get("header.claims.signature").isEmpty());
    }

    @Test
    void aTokenIsNeverReusedPastItsExpiry() {
        tokens.put("expires-soon", token("clerk", NOW + 10));

        later(9);
        assertTrue(tokens.get("expires-soon").isPresent());
        later(1);
        assertTrue(tokens.get("expires-soon").isEmpty());
    }

    @Test
    void tokensWithoutExpiryAlreadyExpiredOrTooLongAreNotKept() {
        tokens.put("no-exp", token("clerk", 0));
        tokens.put("expired", token("clerk", NOW - 1));
        tokens.put("x".repeat(VerifiedTokens.LONGEST_TOKEN + 1), token("clerk", NOW + 3600));

        assertTrue(tokens.get("no-exp").isEmpty());
        assertTrue(tokens.get("expired").isEmpty());
        assertEquals(0, tokens.size());
    }

    @Test
    void atMostSizeTokensAreKept() {
        tokens.put("a", token("a", NOW + 3600));
        tokens.put("b", token("b", NOW + 3600));
        tokens.put("c", token("c", NOW + 3600));

        assertEquals(2, tokens.size());
    }

    private void later(long seconds) {
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
    }

    private static JsonWebToken token(String subject, long exp) {
        Map<String, Object> claims = exp > 0 ? Map.of("sub", subject, "exp", exp) : Map.of("sub", subject);
        return new JsonWebToken() {
            @Override
            public String getName() {
                return subject;
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @SuppressWarnings("unchecked")
            @Override
            public <T> T getClaim(String name) {
                return (T) claims.get(name);
            }
        };
    }
}
