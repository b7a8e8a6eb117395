package cn.ruralwatch.report.workreport;

import cn.ruralwatch.directory.HouseholdDirectory;
import cn.ruralwatch.directory.KnownDivision;
import cn.ruralwatch.report.format.Figures;
import cn.ruralwatch.report.format.OfficialDocument;
import cn.ruralwatch.report.job.JobKind;
import cn.ruralwatch.report.job.ReportJobRunner;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Draws a work report (工作汇报) as a Word document: the template's version chosen at request, filled and laid out. */
@ApplicationScoped
public class WorkReportRunner extends ReportJobRunner {

    @Inject
    WorkReportData data;

    @Inject
    WorkReportTemplates templates;

    @Inject
    HouseholdDirectory directory;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper mapper;

    @Override
    public JobKind jobKind() {
        return JobKind.WORK_REPORT;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Result run(QueuedJob job, Progress progress) throws Exception {
        Map<String, Object> p = job.parameters();
        String name = (String) p.get("template");
        int version = ((Number) p.get("templateVersion")).intValue();
        int year = ((Number) p.get("year")).intValue();
        LocalDate asOf = LocalDate.parse((String) p.get("asOf"));
        record Loaded(WorkReportTemplates.Version template, Map<String, Object> model, String issuer) {}
        // one snapshot of the read models for the whole report
        Loaded loaded = QuarkusTransaction.requiringNew().call(() -> {
            WorkReportTemplates.Version found = templates
                    .version(name, version)
                    .orElseThrow(
                            () -> new IllegalStateException("template " + name + " version " + version + " is gone"));
            KnownDivision division = directory
                    .division(job.division())
                    .orElseThrow(() -> new IllegalStateException("division " + job.division() + " is gone"));
            String issuer = p.get("issuer") != null ? (String) p.get("issuer") : WorkReportRules.issuerOf(division);
            return new Loaded(
                    found,
                    data.model(
                            division,
                            year,
                            asOf,
                            (Map<String, String>) p.getOrDefault("labels", Map.of()),
                            Set.copyOf((List<String>) p.getOrDefault("standards", List.of())),
                            p.get("fieldwork") == null
                                    ? WorkReportModel.Fieldwork.NONE
                                    : mapper.convertValue(p.get("fieldwork"), WorkReportModel.Fieldwork.class)),
                    issuer);
        });
        WorkReportTemplates.Version template = loaded.template();
        Map<String, Object> model = loaded.model();
        model.put("narrative", new Narrative((Map<String, String>) p.get("narrative")));
        String title = p.get("title") != null ? (String) p.get("title") : templates.render(template.title(), model);
        String body = templates.render(template.body(), model);
        byte[] docx = DocxWriter.write(
                title, body, new OfficialDocument.Signature(loaded.issuer(), Figures.chineseDate(asOf)));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("title", title);
        summary.put("template", name);
        summary.put("templateVersion", version);
        Map<String, Object> basic = (Map<String, Object>) model.get("basic");
        summary.put("households", basic.get("households"));
        summary.put("members", basic.get("members"));
        summary.put("indicators", ((List<?>) model.get("indicators")).size());
        summary.put("bytes", docx.length);
        return new Result(title + ".docx", OfficialDocument.MEDIA_TYPE, docx, summary);
    }
}
