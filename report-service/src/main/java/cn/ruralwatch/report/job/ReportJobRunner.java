package cn.ruralwatch.report.job;

import cn.ruralwatch.jobs.JobHandler;
import cn.ruralwatch.jobs.RunningJob;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;

/**
 * Does the work of one kind of report job on the suite's job engine: produces the job's figures and, for most kinds,
 * a file to download, which is kept in {@code report_job_file}. A job cut off by a restart is run again from the
 * start (on any replica), so running twice must give the same result.
 */
public abstract class ReportJobRunner implements JobHandler<Map<String, Object>> {

    @Inject
    ReportJobFiles files;

    public abstract JobKind jobKind();

    /**
     * Does the job.
     *
     * @param progress records how far the job has come, for whoever polls it
     */
    public abstract Result run(QueuedJob job, Progress progress) throws Exception;

    /** A job as the engine hands it to its runner. */
    public record QueuedJob(UUID id, String division, String requestedBy, Map<String, Object> parameters) {}

    /** How a runner tells how far it came, and where it may be stopped. */
    public interface Progress {
        void report(Map<String, Object> progress);

        /** Between two pieces of work: stops the job here when it was cancelled or the service stops. */
        void proceed();
    }

    /** What a job produced: a file to download (or none) and the figures to show with it. */
    public record Result(String fileName, String contentType, byte[] content, Map<String, Object> summary) {
        public static Result of(Map<String, Object> summary) {
            return new Result(null, null, null, summary);
        }
    }

    @Override
    public final String kind() {
        return jobKind().name();
    }

    @Override
    @SuppressWarnings("unchecked")
    public final Class<Map<String, Object>> parameterType() {
        return (Class<Map<String, Object>>) (Class<?>) Map.class;
    }

    @Override
    public final Map<String, Object> run(RunningJob<Map<String, Object>> job) throws Exception {
        Result result =
                run(new QueuedJob(job.id(), job.scopeDivision(), job.requestedBy(), job.parameters()), new Progress() {
                    @Override
                    public void report(Map<String, Object> progress) {
                        job.report(progress);
                    }

                    @Override
                    public void proceed() {
                        job.proceed();
                    }
                });
        if (result.content() != null) {
            QuarkusTransaction.requiringNew()
                    .run(() -> files.save(job.id(), result.fileName(), result.contentType(), result.content()));
        }
        return result.summary();
    }
}
