package cn.ruralwatch.household.household;

import cn.ruralwatch.personal.PersonalDataKind;
import cn.ruralwatch.personal.PersonalDataProtector;
import cn.ruralwatch.sql.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Who lives where: the household (and its village) each registered person lives in now, found by the keyed look-up
 * hashes of ID numbers. Answers for the whole county, not the caller's region: the caller decides what of it to reveal.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Residences {

    /** The household a person lives in, and its village. */
    public record Residence(UUID householdId, String villageCode) {}

    private record Resident(String idNumberHash, UUID householdId, String villageCode) {}

    /** A member id no one has, for look-ups that leave nobody out. */
    private static final UUID NOBODY = new UUID(0, 0);

    @Inject
    Sql sql;

    @Inject
    EntityManager entityManager;

    @Inject
    PersonalDataProtector protector;

    /** Where the person with this ID number (normalised) lives now, if anywhere. */
    public Optional<Residence> of(String idNumber) {
        return byHashes(protector.lookupHashes(PersonalDataKind.ID_NUMBER, idNumber), null).values().stream()
                .findFirst();
    }

    /**
     * Where people live now, by the look-up hashes of their ID numbers: for each hash held by a member living in a
     * household, that household, leaving out the member {@code except} (a member whose own number is being corrected).
     */
    public Map<String, Residence> byHashes(Collection<String> hashes, UUID except) {
        if (entityManager.isJoinedToTransaction()) {
            entityManager.flush(); // people who just joined or left in this transaction count
        }
        // one array parameter rather than an IN list: an import looks up thousands of hashes at a time
        Map<String, Residence> found = new HashMap<>();
        sql.query("""
                        select m.id_number_hash, m.household_id, h.village_code
                        from member m join household h on h.id = m.household_id
                        where m.id_number_hash = any(:hashes) and m.status = 'ACTIVE' and m.id <> :except""")
                .bind("hashes", hashes.toArray(String[]::new))
                .bind("except", except == null ? NOBODY : except)
                .list(Resident.class)
                .forEach(r -> found.put(r.idNumberHash(), new Residence(r.householdId(), r.villageCode())));
        return found;
    }
}
