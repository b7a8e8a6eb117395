package cn.ruralwatch.http;

import jakarta.persistence.EntityManager;

/**
 * A PostgreSQL advisory lock held until the transaction ends, for rules a row lock cannot guard because the row does
 * not exist yet: "one plan per village and year", "once a household a year". Requests naming the same key wait for
 * each other, so a check followed by an insert sees what the other request wrote.
 */
public final class TransactionLocks {

    private TransactionLocks() {}

    /** Waits for and takes the lock of {@code key} (e.g. {@code "pv-plan:420281105:2023"}) in the current transaction. */
    public static void lock(EntityManager entityManager, String key) {
        entityManager
                .createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, key)
                .getSingleResult();
    }
}
