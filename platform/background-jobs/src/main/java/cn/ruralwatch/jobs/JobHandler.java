package cn.ruralwatch.jobs;

import java.util.Map;
import java.util.UUID;

/**
 * What one kind of job does with its typed parameters. A CDI bean; the {@link JobEngine} runs it on a worker thread,
 * outside any transaction.
 *
 * <p>A long job works in pieces: after each piece it calls {@link RunningJob#save} in the piece's transaction (its
 * progress and a checkpoint to resume from) and then {@link RunningJob#proceed()}, where the engine may stop it
 * (cancelled, its turn over while another county's job waits, the service stopping). A job taken up again — after a
 * turn, a restart, or on another replica when its worker vanished — is run again with the last saved checkpoint.
 *
 * @param <P> the job's parameters, stored as JSON
 */
public interface JobHandler<P> {

    /** The kind's name, e.g. {@code HOUSEHOLD_IMPORT}. */
    String kind();

    Class<P> parameterType();

    /**
     * How often a run of one job may be cut off (the worker's process killed, out of memory) before the job is given
     * up as FAILED rather than taken up again: a job that kills its worker cannot kill every worker forever.
     */
    default int maxAttempts() {
        return 3;
    }

    /**
     * Does the job, from {@link RunningJob#checkpoint()} when there is one. An exception fails the job with its message
     * as the reason, unless it is transient (the database away), in which case the job is taken up again later.
     *
     * @return the figures to show with the finished job
     */
    Map<String, Object> run(RunningJob<P> job) throws Exception;

    /** Called once after the job ended (succeeded, failed or cancelled), e.g. to delete what it no longer needs. */
    default void ended(UUID id, JobState state) {}
}
