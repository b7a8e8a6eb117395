package cn.ruralwatch.report.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A number that moves on every time the read models change, once the transaction changing them has ended: figures
 * computed at one generation stay right until it moves, so they can be kept and answered again without asking the
 * database (a county overview at hundreds of requests a second).
 */
@ApplicationScoped
public class ReadModelGeneration {

    /** Marks the current transaction as changing the read models (a transaction-scoped resource). */
    private static final Object CHANGING = new Object();

    private final AtomicLong generation = new AtomicLong();

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** The generation now; read it before reading the read models. */
    public long current() {
        return generation.get();
    }

    /**
     * The read models change in the current transaction: the generation moves on once it has committed or rolled back
     * (at once where there is no transaction).
     */
    public void changing() {
        if (transactions.getTransactionKey() == null) {
            generation.incrementAndGet();
            return;
        }
        if (transactions.getResource(CHANGING) == null) {
            transactions.putResource(CHANGING, Boolean.TRUE);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {}

                @Override
                public void afterCompletion(int status) {
                    generation.incrementAndGet();
                }
            });
        }
    }
}
