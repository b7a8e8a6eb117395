package cn.ruralwatch.household.household;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.http.EntityTags;
import cn.ruralwatch.personal.PersonalDataKind;
import cn.ruralwatch.personal.PersonalDataProtector;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.sql.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.hibernate.Hibernate;

/**
 * The households in the caller's region, to read or to change: any other household answers 404, the same as one that
 * does not exist.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Households {

    @Inject
    EntityManager entityManager;

    @Inject
    CallerScope scope;

    @Inject
    PersonalDataProtector protector;

    @Inject
    Sql sql;

    /** The household with its members and incomes. */
    public Household get(UUID id) {
        Household household = entityManager
                .createQuery("select h from Household h left join fetch h.members where h.id = :id", Household.class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst()
                .orElse(null);
        if (household == null || !scope.covers(household.villageCode)) {
            throw ProblemException.notFound("household.not-found", id);
        }
        // the view is built after the transaction, from a complete household
        Hibernate.initialize(household.incomes);
        Hibernate.initialize(household.pastMonitoring);
        return household;
    }

    /**
     * The household of a person, found by the exact ID number through its keyed hash (the number itself is never
     * searched for or stored in plain text); the household the person lives in now before one the person has left.
     * Outside the caller's region it does not exist.
     */
    public Household findByIdNumber(String idNumber) {
        // the hash is indexed twice, for the living (unique) and for those who left: each half of the condition names
        // its index's status as a literal, so that the plan reads both indexes whatever the parameters
        Household household = sql.query("""
                        select m.household_id from member m
                        where (m.id_number_hash = any(:hashes) and m.status = 'ACTIVE')
                           or (m.id_number_hash = any(:hashes) and m.status <> 'ACTIVE')
                        order by case when m.status = 'ACTIVE' then 0 else 1 end, m.left_on desc""")
                .bind(
                        "hashes",
                        protector
                                .lookupHashes(PersonalDataKind.ID_NUMBER, IdNumbers.normalize(idNumber))
                                .toArray(String[]::new))
                .value(UUID.class)
                .map(id -> entityManager.find(Household.class, id))
                .orElse(null);
        if (household == null || !scope.covers(household.villageCode)) {
            // the same answer whether the person is unknown or registered outside the caller's region
            throw ProblemException.notFound("household.id-number.not-found");
        }
        return household;
    }

    /**
     * The household for a change: locked against concurrent changes for the rest of the transaction, at the version
     * the caller read ({@code If-Match}), and still active.
     */
    @Transactional
    public Household forChange(UUID id, String ifMatch) {
        Household household = locked(id);
        EntityTags.requireMatch(ifMatch, household.version);
        household.requireActive();
        Hibernate.initialize(household.members);
        Hibernate.initialize(household.incomes);
        Hibernate.initialize(household.pastMonitoring);
        return household;
    }

    /** The household, locked against concurrent changes for the rest of the transaction. */
    @Transactional
    public Household locked(UUID id) {
        Household household = entityManager.find(Household.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (household == null || !scope.covers(household.villageCode)) {
            throw ProblemException.notFound("household.not-found", id);
        }
        return household;
    }
}
