package cn.ruralwatch.jobs;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A job as its handler sees it while running. */
public interface RunningJob<P> {

    UUID id();

    P parameters();

    String scopeDivision();

    String requestedBy();

    /** The run this is: 1 for the first, more when earlier runs were cut off. */
    int attempt();

    /** Where the last run stopped, as its handler saved it; empty on the first run. */
    Optional<String> checkpoint();

    /** The progress last saved. */
    Map<String, Object> progress();

    /**
     * Records progress and a checkpoint in the caller's transaction, so that they commit with the piece of work they
     * describe. Throws {@link JobInterruption} (rolling the caller's transaction back) when this worker no longer holds
     * the job: another took it over, and this worker's work must not be written twice.
     */
    void save(Map<String, Object> progress, String checkpoint);

    /** Records progress alone, in a transaction of its own (fenced like {@link #save}). */
    void report(Map<String, Object> progress);

    /**
     * Between two pieces of work: throws {@link JobInterruption} when the job is to stop here — cancelled, its turn
     * over while another county's job waits, the service stopping, or its lease lost. The handler lets it pass.
     */
    void proceed();
}
