package cn.ruralwatch.household.household;

import cn.ruralwatch.personal.PersonalDataConfig;
import cn.ruralwatch.personal.PersonalDataKind;
import cn.ruralwatch.personal.Reencryption;
import cn.ruralwatch.personal.Reencryption.ProtectedColumn;
import cn.ruralwatch.personal.Reencryption.ProtectedTable;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The encrypted columns of household-service. After a key rotation or a switch of algorithms, the service re-encrypts
 * them in the background when it starts; reads and look-ups work throughout, since retired keys stay in the key ring
 * until {@link #pending()} is zero (docs/security.md, 密钥轮换).
 */
@ApplicationScoped
public class PersonalDataReencryption {

    private static final Logger LOG = Logger.getLogger(PersonalDataReencryption.class);

    static final ProtectedTable MEMBERS = new ProtectedTable(
            "member",
            "id",
            List.of(ProtectedColumn.withLookupHash("id_number_cipher", PersonalDataKind.ID_NUMBER, "id_number_hash")));
    static final ProtectedTable HOUSEHOLDS = new ProtectedTable(
            "household",
            "id",
            List.of(
                    ProtectedColumn.encrypted("phone_cipher", PersonalDataKind.PHONE),
                    ProtectedColumn.encrypted("bank_account_cipher", PersonalDataKind.BANK_ACCOUNT)));
    /** The phones of the cadre roster (帮扶责任人). */
    static final ProtectedTable CADRES = new ProtectedTable(
            "cadre", "id", List.of(ProtectedColumn.encrypted("phone_cipher", PersonalDataKind.PHONE)));
    /** The phones of the village work teams' members (驻村工作队). */
    static final ProtectedTable WORK_TEAM_MEMBERS = new ProtectedTable(
            "work_team_member", "id", List.of(ProtectedColumn.encrypted("phone_cipher", PersonalDataKind.PHONE)));

    @Inject
    Reencryption reencryption;

    @Inject
    PersonalDataConfig config;

    void onStart(@Observes StartupEvent start) {
        if (!config.reencryptOnStart()) {
            return;
        }
        Thread.ofVirtual().name("personal-data-reencryption").start(() -> {
            try {
                run();
            } catch (RuntimeException e) {
                LOG.error("Re-encryption of personal data stopped; it resumes at the next start", e);
            }
        });
    }

    /** Re-encrypts every value not under the current key; returns the number of rows rewritten. */
    public long run() {
        return reencryption.run(MEMBERS)
                + reencryption.run(HOUSEHOLDS)
                + reencryption.run(CADRES)
                + reencryption.run(WORK_TEAM_MEMBERS);
    }

    /** Rows still holding values under a retired key (or in plain text from before encryption). */
    public long pending() {
        return reencryption.pending(MEMBERS)
                + reencryption.pending(HOUSEHOLDS)
                + reencryption.pending(CADRES)
                + reencryption.pending(WORK_TEAM_MEMBERS);
    }
}
