package cn.ruralwatch.report.workreport;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.directory.KnownDivision;
import cn.ruralwatch.problem.IsoDates;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.Violation;
import cn.ruralwatch.report.job.JobKind;
import cn.ruralwatch.report.job.ReportJob;
import cn.ruralwatch.report.job.ReportJobs;
import cn.ruralwatch.report.overview.OverviewService;
import cn.ruralwatch.time.ChinaTime;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

@Path("/api/v1/reports")
@Tag(name = "工作汇报 Work reports")
@Produces(MediaType.APPLICATION_JSON)
public class WorkReportResource {

    private static final Logger LOG = Logger.getLogger(WorkReportResource.class);

    @Inject
    ReportJobs jobs;

    @Inject
    WorkReportTemplates templates;

    @Inject
    WorkReportData data;

    @Inject
    OverviewService overviews;

    @Inject
    CallerScope scope;

    @Inject
    WorkReportQueries queries;

    @Inject
    Clock clock;

    @Inject
    @RestClient
    IndicatorStandardsClient standards;

    @Inject
    @RestClient
    MonitoringWorkClient household;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper mapper;

    @Schema(name = "WorkReportRequest", description = "生成工作汇报的请求")
    public record WorkReportRequest(
            @Schema(description = "县、乡镇或行政村代码", example = "450422101", required = true)
            String division,

            @Schema(description = "汇报年度（资金、项目、到户帮扶按此年度统计）", example = "2023", required = true)
            Integer year,

            @Schema(description = "落款日期，默认今天", example = "2023-11-14")
            String asOf,

            @Schema(description = "模板名称，默认 default", example = "default")
            String template,

            @Schema(
                    description = "写入“指标完成情况”的指标体系代码；为空时取本区划有评估结果、且在汇报年度有效的指标体系"
                            + "（2020 年为广西“九有一低于”“八有一超”“十一有一低于”，2021 年起为全国农户标准）",
                    example = "[\"GUANGXI_TOWNSHIP_2020\", \"GUANGXI_HOUSEHOLD_2020\"]")
            List<String> standards,

            @Schema(description = "标题；为空时按模板生成") String title,

            @Schema(description = "落款单位（发文机关署名），默认为区划名称加“人民政府”（行政村为“村民委员会”）；至多 50 字", example = "同心镇人民政府")
            String issuer,

            @Schema(
                    description = "人工撰写的段落，按名称：default 模板使用 opening 开头语、responsibilities 责任落实、"
                            + "policies 政策落实、pv 光伏收益、problems 存在的问题、nextSteps 下步计划；"
                            + "名称为字母数字，至多 30 段，每段至多 20000 字")
            Map<String, String> narrative) {}

    @Schema(name = "WorkReportTemplateInput", description = "模板：Markdown 正文，可用 Qute 表达式引用统计数字")
    public record TemplateInput(
            @Schema(description = "标题模板", example = "{division.name}{year}年巩固拓展脱贫攻坚成果工作情况汇报")
            String title,

            @Schema(description = "正文模板（Markdown + Qute）") String body) {}

    @Schema(name = "WorkReportTemplate")
    public record TemplateView(
            String name,
            @Schema(description = "版本号；0 为系统内置") int version,
            String title,
            String body,
            String createdBy,
            java.time.Instant createdAt) {

        static TemplateView of(WorkReportTemplates.Version v) {
            return new TemplateView(v.name(), v.version(), v.title(), v.body(), v.createdBy(), v.createdAt());
        }
    }

    @POST
    @Path("/work-reports")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(
            operationId = "createWorkReport",
            summary = "生成工作汇报（Word）：基本情况、监测对象、指标完成情况及未达标农户名单、到户帮扶、项目和资金、光伏收益，叙述段落取自请求",
            description = "后台任务，返回 202 和任务地址；完成后从 GET /api/v1/reports/jobs/{id}/file 下载 docx。"
                    + "模板在提交时确定版本，之后修改模板不影响已提交的任务。")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = WorkReportRequest.class),
                            examples = {
                                @ExampleObject(name = "乡镇年度汇报", summary = "同心镇 2026 年工作汇报，叙述段落由乡镇撰写", value = """
                                                {
                                                  "division": "450422101",
                                                  "year": 2026,
                                                  "asOf": "2026-11-30",
                                                  "issuer": "同心镇人民政府",
                                                  "narrative": {
                                                    "problems": "部分监测户收入来源单一，产业带动不够稳定。",
                                                    "nextSteps": "继续开展常态化排查，落实就业帮扶和产业奖补。"
                                                  }
                                                }""")
                            }))
    @APIResponse(
            responseCode = "202",
            description = "已受理",
            content = @Content(schema = @Schema(implementation = ReportJob.class)))
    @APIResponse(responseCode = "400", description = "请求不合法（逐项列出）")
    @APIResponse(responseCode = "404", description = "区划不存在或不在本人辖区")
    public Response create(
            WorkReportRequest request, @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        if (request == null) {
            throw ProblemException.invalid(Violation.of("division", "REQUIRED", "report.division.invalid"));
        }
        KnownDivision division = overviews.division(request.division());
        LocalDate today = ChinaTime.today(clock);
        List<Violation> violations = new ArrayList<>();
        WorkReportRules.year(request.year(), today.getYear()).ifPresent(violations::add);
        LocalDate asOf = today;
        if (request.asOf() != null) {
            asOf = IsoDates.date(request.asOf());
            if (asOf == null) {
                asOf = today;
                violations.add(Violation.of("asOf", "FORMAT", "report.work-report.date", request.asOf()));
            }
        }
        String name = request.template() == null ? WorkReportTemplates.DEFAULT : request.template();
        WorkReportTemplates.Version template = templates.newest(name).orElse(null);
        if (template == null) {
            violations.add(Violation.of("template", "NOT_FOUND", "report.template.not-found", name));
        }
        WorkReportRules.title(request.title()).ifPresent(violations::add);
        WorkReportRules.issuer(request.issuer()).ifPresent(violations::add);
        List<String> standards = request.standards() == null ? List.of() : request.standards();
        List<String> evaluated = queries.standards(division.code);
        for (int i = 0; i < standards.size(); i++) {
            if (standards.get(i) == null || !evaluated.contains(standards.get(i))) {
                violations.add(Violation.of(
                        "standards[" + i + "]", "NOT_FOUND", "report.work-report.standard", standards.get(i)));
            }
        }
        Map<String, String> narrative = request.narrative() == null ? Map.of() : request.narrative();
        violations.addAll(WorkReportRules.narrative(narrative));
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("year", request.year());
        parameters.put("asOf", asOf.toString());
        parameters.put("template", name);
        parameters.put("templateVersion", template.version());
        if (request.title() != null) {
            parameters.put("title", request.title());
        }
        if (request.issuer() != null) {
            parameters.put("issuer", request.issuer());
        }
        parameters.put("narrative", narrative);
        parameters.put("standards", List.copyOf(new java.util.LinkedHashSet<>(standards)));
        parameters.put("labels", labels(division.code, auth));
        parameters.put(
                "fieldwork", mapper.convertValue(fieldwork(division.code, request.year(), asOf, auth), Map.class));
        ReportJob job = jobs.enqueue(JobKind.WORK_REPORT, division.code, parameters);
        return ReportJobs.accepted(job);
    }

    @GET
    @Path("/work-report-templates")
    @Operation(operationId = "listWorkReportTemplates", summary = "工作汇报模板（各名称的最新版本，含系统内置的 default）")
    public List<TemplateView> templates() {
        return templates.list().stream().map(TemplateView::of).toList();
    }

    @GET
    @Path("/work-report-templates/{name}")
    @Operation(operationId = "getWorkReportTemplate", summary = "工作汇报模板的最新版本")
    @APIResponse(responseCode = "200", description = "查询结果")
    @APIResponse(responseCode = "404", description = "没有这个模板")
    public TemplateView template(
            @Parameter(description = "模板名称（系统内置的为 default）", example = "default") @PathParam("name") String name) {
        return templates
                .newest(name)
                .map(TemplateView::of)
                .orElseThrow(() -> ProblemException.notFound("report.template.not-found", name));
    }

    @PUT
    @Path("/work-report-templates/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "saveWorkReportTemplate",
            summary = "保存工作汇报模板的新版本（不需重新部署）",
            description = "正文为 Markdown（# 标题、段落、列表、| 表格 |），用 Qute 表达式引用数字，如 {basic.households}、"
                    + "{#for c in monitoring.categories}…{/for}、{narrative.problems ?: '（请填写）'}；"
                    + "可用的数字见 docs/reports.md。保存前按本人辖区的数据试填一次，写错的数字名称或语法返回 400。")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TemplateInput.class),
                            examples = {
                                @ExampleObject(
                                        name = "简报模板",
                                        summary = "标题和正文引用统计数字（PUT …/work-report-templates/brief）",
                                        value = """
                                                {
                                                  "title": "{division.name}{year}年巩固拓展脱贫攻坚成果简报",
                                                  "body": "# 概况\\n\\n在册农户{basic.households}户{basic.members}人，纳入监测对象{monitoring.total.households}户。\\n\\n# 存在的问题\\n\\n{narrative.problems ?: '（请填写）'}\\n"
                                                }""")
                            }))
    @APIResponse(responseCode = "200", description = "已办理，返回办理后的记录")
    @APIResponse(responseCode = "400", description = "名称、标题或正文不合法（含出错位置）")
    public TemplateView save(
            @Parameter(description = "模板名称（系统内置的为 default）", example = "brief") @PathParam("name") String name,
            TemplateInput input) {
        if (input == null) {
            throw ProblemException.invalid(Violation.of("body", "REQUIRED", "report.template.body"));
        }
        KnownDivision own = overviews.division(scope.division());
        LocalDate today = ChinaTime.today(clock);
        Map<String, Object> sample = data.model(own, today.getYear(), today, Map.of());
        sample.put("narrative", new Narrative(Map.of()));
        return TemplateView.of(templates.save(name, input.title(), input.body(), sample));
    }

    /**
     * The year's monitoring work up to {@code asOf} as household-service counts it, read when the report is asked for
     * with the caller's token: screening, work teams, rectification. A part household-service does not give is null and
     * the report asks for it in words.
     */
    private WorkReportModel.Fieldwork fieldwork(String division, int year, LocalDate asOf, String authorization) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        LocalDate to = asOf.isBefore(from) || asOf.isAfter(yearEnd) ? yearEnd : asOf;
        return new WorkReportModel.Fieldwork(
                screening(division, year, from, to, authorization),
                teams(division, from, to, authorization),
                rectification(division, from, to, authorization));
    }

    /** The work teams serving in the division now, with the period's trainings, inspections and guidance notices. */
    private WorkReportModel.Teams teams(String division, LocalDate from, LocalDate to, String authorization) {
        try {
            long teams = 0;
            long secretaries = 0;
            for (int page = 0; ; page++) {
                JsonNode listed = household.workTeams(division, page, 500, authorization);
                for (JsonNode team : listed.path("items")) {
                    teams++;
                    if (team.hasNonNull("firstSecretaryName")) {
                        secretaries++;
                    }
                }
                if ((long) (page + 1) * 500 >= listed.path("totalItems").asLong()) {
                    break;
                }
            }
            return new WorkReportModel.Teams(
                    teams,
                    secretaries,
                    household
                            .trainings(division, from.toString(), to.toString(), 1, authorization)
                            .path("totalItems")
                            .asLong(),
                    household
                            .inspections(division, from.toString(), to.toString(), 1, authorization)
                            .path("totalItems")
                            .asLong(),
                    household
                            .guidanceNotices(
                                    division,
                                    java.time.YearMonth.from(from).toString(),
                                    java.time.YearMonth.from(to).toString(),
                                    1,
                                    authorization)
                            .path("totalItems")
                            .asLong());
        } catch (RuntimeException unavailable) {
            LOG.warnf("Work teams of %s not available, the report leaves them out: %s", division, unavailable);
            return null;
        }
    }

    /** The period's 问题整改 in the reports' words ("认领3个方面13个问题，均已完成整改"); null where none or not available. */
    private String rectification(String division, LocalDate from, LocalDate to, String authorization) {
        try {
            JsonNode summary = household.rectifications(division, from.toString(), to.toString(), authorization);
            return summary.path("total").path("problems").asLong() > 0
                    ? summary.path("text").asText(null)
                    : null;
        } catch (RuntimeException unavailable) {
            LOG.warnf("Rectification of %s not available, the report leaves it out: %s", division, unavailable);
            return null;
        }
    }

    /** The period's screening: clues received and screened, households identified, each campaign's results. */
    private WorkReportModel.Screening screening(
            String division, int year, LocalDate from, LocalDate to, String authorization) {
        try {
            JsonNode statistics = household.statistics(division, from.toString(), to.toString(), authorization);
            List<WorkReportModel.Campaign> campaigns = new ArrayList<>();
            for (JsonNode campaign :
                    household.campaigns(division, year, 100, authorization).path("items")) {
                LocalDate starts = LocalDate.parse(campaign.path("startsOn").asText());
                if (starts.isAfter(to)) {
                    continue;
                }
                JsonNode results = household.results(
                        java.util.UUID.fromString(campaign.path("id").asText()), authorization);
                campaigns.add(new WorkReportModel.Campaign(
                        campaign.path("name").asText(),
                        starts,
                        campaign.hasNonNull("endsOn")
                                ? LocalDate.parse(campaign.path("endsOn").asText())
                                : null,
                        results.path("householdsCovered").asLong(),
                        results.path("cluesFound").asLong(),
                        byCategory(results.path("identified"))));
            }
            campaigns.sort(java.util.Comparator.comparing(WorkReportModel.Campaign::startsOn));
            return new WorkReportModel.Screening(
                    from,
                    to,
                    statistics.path("cluesReceived").asLong(),
                    statistics.path("cluesScreened").asLong(),
                    byCategory(statistics.path("identifiedFromRoutineScreening")),
                    campaigns);
        } catch (RuntimeException unavailable) {
            LOG.warnf(
                    "Screening figures of %s not available, the report asks for them in words: %s",
                    division, unavailable);
            return null;
        }
    }

    /** household-service's {@code {total, byCategory: {code: {households, people}}}} as category counts. */
    private static List<WorkReportQueries.CategoryCount> byCategory(JsonNode counts) {
        List<WorkReportQueries.CategoryCount> result = new ArrayList<>();
        counts.path("byCategory").fields().forEachRemaining(e -> {
            if (e.getValue().path("households").asLong() > 0) {
                result.add(new WorkReportQueries.CategoryCount(
                        e.getKey(),
                        e.getValue().path("households").asLong(),
                        e.getValue().path("people").asLong()));
            }
        });
        return result;
    }

    /** Names of the standards and indicators evaluated in the division; codes stand in where indicator-service is away. */
    private Map<String, String> labels(String division, String authorization) {
        Map<String, String> labels = new LinkedHashMap<>();
        int position = 0;
        for (String code : queries.standards(division)) {
            try {
                JsonNode standard = standards.standard(code, authorization);
                JsonNode definition = standard.path("definition");
                labels.put(code, definition.path("name").asText(code));
                labels.put(code + "#level", definition.path("level").asText(""));
                labels.put(code + "#validFrom", definition.path("validFrom").asText(""));
                labels.put(code + "#validTo", definition.path("validTo").asText(""));
                labels.put(code + "#position", String.valueOf(position++));
                for (JsonNode indicator : definition.path("indicators")) {
                    String key = code + "/" + indicator.path("code").asText();
                    // the job's parameters are stored as jsonb, which keeps no order: the definition's is written down
                    labels.put(key + "#position", String.valueOf(position++));
                    labels.put(
                            key,
                            indicator.path("name").asText(indicator.path("code").asText()));
                    labels.put(key + "#unit", indicator.path("unit").asText("HOUSEHOLD"));
                    if ("COUNT".equals(indicator.path("reporting").asText())) {
                        labels.put(key + "#reporting", "COUNT");
                        labels.put(key + "#metAs", indicator.path("metAs").asText(""));
                        labels.put(key + "#notMetAs", indicator.path("notMetAs").asText(""));
                    }
                }
            } catch (RuntimeException unavailable) {
                LOG.warnf("Names of standard %s not available, the report shows its codes: %s", code, unavailable);
            }
        }
        return labels;
    }
}
