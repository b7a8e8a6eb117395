package cn.ruralwatch.household.household;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.personal.PersonalDataKind;
import cn.ruralwatch.personal.PersonalDataProtector;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.Violation;
import cn.ruralwatch.sql.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Who lives where: the household (and its village) each registered person lives in now, found by the keyed look-up
 * hashes of ID numbers, and the rule that one person lives in one household. The look-ups answer for the whole county,
 * not the caller's region: the caller decides what of it to reveal ({@link #requireNotRegistered} names the other
 * household only to a caller who may see it).
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
    CallerScope scope;

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
        // one array parameter rather than an IN list: an import looks up thousands of hashes at a time. The village is
        // read per member found (by primary key): a join lets the planner hash the whole household table for an
        // import chunk's two thousand hashes, which grows with the county (120 ms a chunk at 80,000 households) while
        // the members found are few or none
        Map<String, Residence> found = new HashMap<>();
        sql.query("""
                        select m.id_number_hash, m.household_id,
                               (select h.village_code from household h where h.id = m.household_id) as village_code
                        from member m
                        where m.id_number_hash = any(:hashes) and m.status = 'ACTIVE' and m.id <> :except""")
                .bind("hashes", hashes.toArray(String[]::new))
                .bind("except", except == null ? NOBODY : except)
                .list(Resident.class)
                .forEach(r -> found.put(r.idNumberHash(), new Residence(r.householdId(), r.villageCode())));
        return found;
    }

    /**
     * Refuses with 409 when any of the people already lives in a household (one person, one household), naming the
     * other household only to a caller who may see it.
     *
     * @param field the name of the list the people came in, for the problem's field paths ({@code members[2]})
     * @param except a member who may hold the number already (the member whose number is being corrected)
     */
    public void requireNotRegistered(List<HouseholdApi.MemberRegistration> people, String field, UUID except) {
        Map<String, String> idNumberByHash = new HashMap<>();
        for (HouseholdApi.MemberRegistration m : people) {
            String idNumber = IdNumbers.normalize(m.idNumber());
            protector
                    .lookupHashes(PersonalDataKind.ID_NUMBER, idNumber)
                    .forEach(hash -> idNumberByHash.put(hash, idNumber));
        }
        Map<String, Residence> found = new HashMap<>();
        byHashes(idNumberByHash.keySet(), except)
                .forEach((hash, residence) -> found.put(idNumberByHash.get(hash), residence));
        List<Violation> conflicts = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            if (people.get(i).leftBeforeRegistration()) {
                continue; // gone before the household was registered: may well live elsewhere now
            }
            Residence other = found.get(IdNumbers.normalize(people.get(i).idNumber()));
            if (other != null) {
                String path = field.isEmpty() ? "idNumber" : field + "[" + i + "].idNumber";
                conflicts.add(
                        scope.covers(other.villageCode())
                                ? Violation.of(
                                        path,
                                        "ALREADY_REGISTERED",
                                        "household.id-number.registered",
                                        other.householdId())
                                : Violation.of(path, "ALREADY_REGISTERED", "household.id-number.registered-elsewhere"));
            }
        }
        if (!conflicts.isEmpty()) {
            throw ProblemException.conflict(conflicts);
        }
    }
}
