package cn.ruralwatch.jobs;

/** Stops a running job between two pieces of work; handlers let it pass to the engine. */
public final class JobInterruption extends RuntimeException {

    /** Why the job stops. */
    public enum Reason {
        /** Cancelled by a caller: the job ends as CANCELLED. */
        CANCELLED,
        /** Its turn is over and another county's job waits: queued again, resumed from its checkpoint. */
        TURN_OVER,
        /** The service stops: queued again for any replica. */
        STOPPING,
        /** Another worker holds the job now: this one stops without writing anything more. */
        LEASE_LOST
    }

    private final Reason reason;

    public JobInterruption(Reason reason) {
        super("job interrupted: " + reason, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
