package cn.ruralwatch.http;

import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.ProblemType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} on creating POSTs. The key is stored in the same transaction as the resource it created, so a
 * retried request returns the first result instead of creating a second resource; a key reused for a different body is
 * refused with 422. Concurrent requests with one key are serialized by the primary key of {@code idempotency_key}.
 */
@ApplicationScoped
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,100}");

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper mapper;

    @Inject
    Instance<RequestFingerprint> keyed;

    /** What a creating request resolved to: the created resource's id, and whether this was a replay. */
    public record Outcome(String resourceId, boolean replayed) {}

    /**
     * Runs {@code create} once per key. Without a key it simply runs. Must be called inside the transaction that
     * creates the resource.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome once(String scope, String key, Object request, Supplier<String> create) {
        if (key == null) {
            return new Outcome(create.get(), false);
        }
        if (!VALID_KEY.matcher(key).matches()) {
            throw ProblemException.of(ProblemType.BAD_REQUEST, "problem.idempotency-key.invalid");
        }
        String fingerprint = fingerprint(request);
        int inserted = entityManager
                .createNativeQuery(
                        "insert into idempotency_key (scope, idem_key, fingerprint) values (?1, ?2, ?3) on conflict do nothing")
                .setParameter(1, scope)
                .setParameter(2, key)
                .setParameter(3, fingerprint)
                .executeUpdate();
        if (inserted == 0) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager
                    .createNativeQuery(
                            "select fingerprint, resource_id from idempotency_key where scope = ?1 and idem_key = ?2")
                    .setParameter(1, scope)
                    .setParameter(2, key)
                    .getResultList();
            Object[] row = rows.getFirst();
            if (!fingerprint.equals(row[0])) {
                throw ProblemException.of(ProblemType.UNPROCESSABLE, "problem.idempotency-key.reused", key);
            }
            return new Outcome((String) row[1], true);
        }
        String resourceId = create.get();
        entityManager
                .createNativeQuery("update idempotency_key set resource_id = ?1 where scope = ?2 and idem_key = ?3")
                .setParameter(1, resourceId)
                .setParameter(2, scope)
                .setParameter(3, key)
                .executeUpdate();
        return new Outcome(resourceId, false);
    }

    /** A service whose requests carry personal numbers provides a keyed {@link RequestFingerprint}. */
    private String fingerprint(Object request) {
        try {
            String json = mapper.writeValueAsString(request);
            if (keyed.isResolvable()) {
                return keyed.get().of(json);
            }
            byte[] canonical = json.getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot fingerprint request", e);
        }
    }
}
