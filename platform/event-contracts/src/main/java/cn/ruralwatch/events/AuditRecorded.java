package cn.ruralwatch.events;

import java.time.Instant;
import java.util.List;

/**
 * {@code audit.recorded.v1}: a caller changed something, or read personal numbers in full. Key: the entity id. The
 * CloudEvents id is the audit entry's id. Personal values in {@code changes} are masked.
 *
 * <p>A change to an entity that keeps its own history (a household: one revision per change, append-only) is recorded
 * once, in that history: its entry names the revision ({@code revision}) and the changed fields, without their values,
 * which the revision holds (old and new, or on creation the whole entity).
 *
 * @param service the service that recorded it, e.g. {@code household-service}
 * @param actor the token subject
 * @param roles the caller's roles
 * @param actorDivision the caller's division claim
 * @param client the OIDC client the token was issued to ({@code azp}), if any
 * @param clientAddress the caller's address as the gateway saw it
 * @param requestId {@code X-Request-Id} of the request
 * @param action what was done, an {@link AuditAction}
 * @param entityType e.g. {@code household}, {@code division}, {@code fund-batch}
 * @param entityId the entity's id or code
 * @param entityDivision the division the entity belongs to, for the auditors' data scope
 * @param revision the version of the entity's history revision that holds the change's values; {@code null} when the
 *     entry holds them itself
 * @param changes field by field: old and new value for changes, only the field for reads and for changes whose
 *     revision holds the values (none for a creation recorded in a revision)
 */
public record AuditRecorded(
        Instant occurredAt,
        String service,
        String actor,
        List<String> roles,
        String actorDivision,
        String client,
        String clientAddress,
        String requestId,
        String action,
        String entityType,
        String entityId,
        String entityDivision,
        Long revision,
        List<Change> changes)
        implements AuditEvent {

    /** One field: {@code null} old value on creation, {@code null} values on reads. */
    public record Change(String field, String oldValue, String newValue) {}
}
