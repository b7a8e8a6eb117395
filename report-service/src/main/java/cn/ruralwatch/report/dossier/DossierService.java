package cn.ruralwatch.report.dossier;

import cn.ruralwatch.audit.AuditTrail;
import cn.ruralwatch.audit.AuditedChange;
import cn.ruralwatch.events.AuditAction;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Draws a household's dossier and records that it left the suite: an {@code EXPORT} audit entry on the household
 * (its village as the entry's division) naming the document and whether ID numbers and phones were printed in full
 * or masked. household-service has already recorded its own full reads of the numbers (READ_UNMASKED).
 */
@ApplicationScoped
public class DossierService {

    static final String DOCUMENT = "一户一册（docx）";

    @Inject
    DossierSources sources;

    @Inject
    AuditTrail audit;

    /** The dossier's file name and content. */
    public record File(String name, byte[] content) {}

    /** Reads and writes outside a transaction (the sources answer over HTTP); only the audit entry is written. */
    public File draw(UUID householdId, String authorization, String language) {
        Dossier dossier = sources.read(householdId, authorization, language);
        byte[] docx = DossierDocument.write(dossier);
        QuarkusTransaction.requiringNew()
                .run(() -> audit.changed(
                        AuditAction.EXPORT,
                        "household",
                        householdId.toString(),
                        dossier.villageCode(),
                        printed(dossier)));
        return new File(DossierDocument.title(dossier) + ".docx", docx);
    }

    /** What the entry records: the document, and how each kind of personal number was printed. */
    private static List<AuditedChange> printed(Dossier dossier) {
        List<AuditedChange> changes = new ArrayList<>();
        changes.add(AuditedChange.created("document", DOCUMENT));
        List<String> ids = new ArrayList<>();
        dossier.household()
                .path("members")
                .forEach(m -> ids.add(m.path("idNumber").asText("")));
        shown(changes, "members.idNumber", ids);
        shown(
                changes,
                "phone",
                List.of(dossier.household().path("attributes").path("phone").asText("")));
        List<String> phones = new ArrayList<>();
        dossier.roster().values().forEach(c -> phones.add(c.path("phone").asText("")));
        shown(changes, "cadres.phone", phones);
        return changes;
    }

    /** FULL when any number of the kind was printed in full, MASKED when all were masked, nothing when none was. */
    private static void shown(List<AuditedChange> changes, String field, List<String> numbers) {
        List<String> printed =
                numbers.stream().filter(n -> n != null && !n.isBlank()).toList();
        if (!printed.isEmpty()) {
            changes.add(
                    AuditedChange.created(field, printed.stream().anyMatch(n -> !n.contains("*")) ? "FULL" : "MASKED"));
        }
    }
}
