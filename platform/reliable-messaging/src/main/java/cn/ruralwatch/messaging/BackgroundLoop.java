package cn.ruralwatch.messaging;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * A background thread that does one step of work at a time (a job's chunk, a batch of events) and, when a step finds
 * nothing to do or fails, waits until it is woken up or the idle interval has passed. A failing step (the database is
 * away) is logged and retried after the interval, so that work is never dropped.
 */
public final class BackgroundLoop {

    private static final Logger LOG = Logger.getLogger(BackgroundLoop.class);

    private final String name;
    private final Duration idle;
    private final BooleanSupplier step;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private volatile Thread thread;

    /**
     * @param step does one piece of work; answers whether there may be more right away
     */
    public BackgroundLoop(String name, Duration idle, BooleanSupplier step) {
        this.name = name;
        this.idle = idle;
        this.step = step;
    }

    public void start() {
        running = true;
        thread = Thread.ofPlatform().name(name).daemon().start(this::loop);
    }

    /** Stops after the current step (waiting at most ten seconds for it). */
    public void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            wakeUp();
            try {
                t.join(Duration.ofSeconds(10));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Looks for work now. */
    public void wakeUp() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    /** Looks for work once the caller's transaction has committed what it queued. */
    public void wakeUpAfterCommit(TransactionSynchronizationRegistry transactions) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    wakeUp();
                }
            }
        });
    }

    private void loop() {
        while (running) {
            try {
                if (!step.getAsBoolean()) {
                    wakeUps.tryAcquire(idle.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException failure) {
                LOG.warnf("%s interrupted, will retry: %s", name, failure.toString());
                try {
                    wakeUps.tryAcquire(idle.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
