package cn.ruralwatch.report.job;

import java.util.Map;

/** Does the work of one kind of job. Runs on the job worker's thread, outside any transaction. */
public interface JobRunner {

    JobKind kind();

    /**
     * Does the job; a job interrupted by a restart is run again from the start, so running twice must give the same
     * result.
     *
     * @param progress records how far the job has come, for whoever polls it
     */
    Result run(QueuedJob job, Progress progress) throws Exception;

    /** A job as the worker hands it to its runner. */
    record QueuedJob(java.util.UUID id, String division, String requestedBy, Map<String, Object> parameters) {}

    @FunctionalInterface
    interface Progress {
        void report(Map<String, Object> progress);
    }

    /** What a job produced: a file to download (or none) and the figures to show with it. */
    record Result(String fileName, String contentType, byte[] content, Map<String, Object> summary) {
        public static Result of(Map<String, Object> summary) {
            return new Result(null, null, null, summary);
        }
    }
}
