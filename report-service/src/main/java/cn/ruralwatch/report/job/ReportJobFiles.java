package cn.ruralwatch.report.job;

import cn.ruralwatch.sql.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;

/** The files report jobs produced ({@code report_job_file}), one per job. */
@ApplicationScoped
public class ReportJobFiles {

    @Inject
    Sql sql;

    /** Keeps a job's file in the caller's transaction, replacing the one a previous run of the job left. */
    public void save(UUID jobId, String fileName, String contentType, byte[] content) {
        sql.query("""
                        insert into report_job_file (job_id, file_name, content_type, content)
                        values (:job, :fileName, :contentType, :content)
                        on conflict (job_id) do update
                           set file_name = excluded.file_name, content_type = excluded.content_type,
                               content = excluded.content""")
                .bind("job", jobId)
                .bind("fileName", fileName)
                .bind("contentType", contentType)
                .bind("content", content)
                .execute();
    }

    public Optional<ReportJobs.File> find(UUID jobId) {
        return sql.query("select file_name as name, content_type, content from report_job_file where job_id = :job")
                .bind("job", jobId)
                .first(ReportJobs.File.class);
    }

    /** The name of a job's file, without reading its content. */
    public Optional<String> name(UUID jobId) {
        return sql.query("select file_name from report_job_file where job_id = :job")
                .bind("job", jobId)
                .value(String.class);
    }
}
