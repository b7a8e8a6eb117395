package cn.ruralwatch.audit;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.events.AuditAction;
import cn.ruralwatch.events.AuditRecorded;
import cn.ruralwatch.events.EventTypes;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.messaging.Outbox;
import cn.ruralwatch.problem.Problems;
import cn.ruralwatch.tracing.Cause;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records audit entries: who (subject, roles, division, client, address, request id) did what to which entity. An entry
 * is written to the outbox in the transaction of the change it describes, so a change is never without its entry and
 * an entry never without its change; report-service keeps them in the append-only audit log that auditors query.
 */
@ApplicationScoped
public class AuditTrail {

    @Inject
    Outbox outbox;

    @Inject
    SecurityIdentity identity;

    @Inject
    CallerScope caller;

    @Inject
    CurrentVertxRequest request;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    /**
     * Records a change in the caller's transaction.
     *
     * @param entityDivision the division the entity belongs to (a village code for a household), so that auditors see
     *     the entries of their region
     * @param changes the changed fields; fields whose value did not change are left out
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(
            AuditAction action,
            String entityType,
            String entityId,
            String entityDivision,
            List<AuditedChange> changes) {
        write(entry(action, entityType, entityId, entityDivision, changes));
    }

    /**
     * The entry {@link #changed} records, for a caller who records many changes in one batch with
     * {@link Outbox#publishAll}.
     */
    public Outbox.Message entry(
            AuditAction action,
            String entityType,
            String entityId,
            String entityDivision,
            List<AuditedChange> changes) {
        return message(
                action,
                entityType,
                entityId,
                entityDivision,
                null,
                changes.stream().filter(AuditedChange::altersValue).toList());
    }

    /**
     * Records a change whose values the entity's own history holds, in the caller's transaction: the entry names the
     * revision the change produced and the changed fields, and does not copy their values. The history must be
     * append-only (a household's is, by trigger), so that what the entry points to cannot change after it.
     *
     * @param revision the version of the revision that holds the change
     * @param fields the changed fields; none for a creation, whose revision is the whole entity
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void revised(
            AuditAction action,
            String entityType,
            String entityId,
            String entityDivision,
            long revision,
            List<String> fields) {
        write(revisionEntry(action, entityType, entityId, entityDivision, revision, fields));
    }

    /** The entry {@link #revised} records, for a caller who records many changes in one batch. */
    public Outbox.Message revisionEntry(
            AuditAction action,
            String entityType,
            String entityId,
            String entityDivision,
            long revision,
            List<String> fields) {
        return message(
                action,
                entityType,
                entityId,
                entityDivision,
                revision,
                fields.stream().map(AuditedChange::named).toList());
    }

    /** Records that the caller was shown personal numbers in full; in a transaction of its own when there is none. */
    @Transactional
    public void revealed(String entityType, String entityId, String entityDivision, List<String> fields) {
        write(message(
                AuditAction.READ_UNMASKED,
                entityType,
                entityId,
                entityDivision,
                null,
                fields.stream().map(AuditedChange::named).toList()));
    }

    private void write(Outbox.Message entry) {
        outbox.publish(entry.topic(), entry.aggregateType(), entry.aggregateId(), entry.eventType(), entry.payload());
    }

    private Outbox.Message message(
            AuditAction action,
            String entityType,
            String entityId,
            String entityDivision,
            Long revision,
            List<AuditedChange> changes) {
        RoutingContext http = request.getCurrent();
        AuditRecorded entry = new AuditRecorded(
                Instant.now(),
                service,
                identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName(),
                identity.getRoles().stream().sorted().toList(),
                claim(CallerScope.DIVISION),
                client(),
                http == null || http.request().remoteAddress() == null
                        ? null
                        : http.request().remoteAddress().hostAddress(),
                // a request's own id; in a consumer or a job, the id of the request that caused the work
                http == null ? Cause.currentRequestId() : http.request().getHeader(Problems.REQUEST_ID_HEADER),
                action.name(),
                entityType,
                entityId,
                entityDivision,
                revision,
                changes.stream()
                        .map(c -> new AuditRecorded.Change(c.field(), c.oldValue(), c.newValue()))
                        .toList());
        return new Outbox.Message(Topics.AUDIT_EVENTS, "audit", entityId, EventTypes.AUDIT_RECORDED, entry);
    }

    /** The OIDC client the token was issued to: {@code azp}, or {@code client_id} of client-credential tokens. */
    private String client() {
        String azp = claim("azp");
        return azp != null ? azp : claim("client_id");
    }

    private String claim(String name) {
        if (identity.isAnonymous()) {
            return null;
        }
        return caller.claim(name);
    }
}
