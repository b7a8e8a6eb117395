package cn.ruralwatch.report.overview;

import cn.ruralwatch.report.Xlsx;
import cn.ruralwatch.report.job.JobKind;
import cn.ruralwatch.report.job.ReportJobRunner;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** A large list of households as an xlsx file made in the background, for counties whose lists run to many pages. */
@ApplicationScoped
public class HouseholdExportRunner extends ReportJobRunner {

    @Inject
    HouseholdListWorkbook workbooks;

    @Override
    public JobKind jobKind() {
        return JobKind.EXPORT;
    }

    @Override
    public Result run(QueuedJob job, Progress progress) {
        HouseholdList.Filter filter = HouseholdList.Filter.of(job.division(), job.parameters());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rows = QuarkusTransaction.requiringNew().call(() -> {
            try {
                return workbooks.write(filter, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return new Result(
                "households-" + job.division() + ".xlsx",
                Xlsx.MEDIA_TYPE,
                out.toByteArray(),
                Map.of("households", rows));
    }
}
