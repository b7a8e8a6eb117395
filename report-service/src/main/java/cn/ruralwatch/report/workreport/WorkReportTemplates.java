package cn.ruralwatch.report.workreport;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.http.TransactionLocks;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.Violation;
import cn.ruralwatch.sql.Sql;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateException;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Work-report templates: Markdown with Qute expressions, saved by name in versions (the newest is used), changed
 * through the API without a new build. The shipped {@value #DEFAULT} template follows the township and county reports
 * officials write (basic situation, responsibilities, indicators with the named lists, policies and benefits, projects
 * and funds, PV revenue, problems and next steps) until someone saves a version of it.
 */
@ApplicationScoped
public class WorkReportTemplates {

    public static final String DEFAULT = "default";
    static final String DEFAULT_TITLE = "{division.name}{year}年巩固拓展脱贫攻坚成果工作情况汇报";
    private static final String DEFAULT_RESOURCE = "work-report/default.md";

    @Inject
    EntityManager entityManager;

    @Inject
    Sql sql;

    @Inject
    Engine engine;

    @Inject
    CallerScope scope;

    /** One version of a template; version 0 is the shipped one. */
    public record Version(String name, int version, String title, String body, String createdBy, Instant createdAt) {}

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Version> newest(String name) {
        Optional<Version> saved = sql.query("""
                        select name, version, title, body, created_by, created_at from report_template
                        where name = :name order by version desc
                        """).bind("name", name).first(Version.class);
        return saved.isPresent() || !DEFAULT.equals(name) ? saved : Optional.of(shipped());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Version> version(String name, int version) {
        if (version == 0) {
            return DEFAULT.equals(name) ? Optional.of(shipped()) : Optional.empty();
        }
        return sql.query("""
                        select name, version, title, body, created_by, created_at from report_template
                        where name = :name and version = :version
                        """).bind("name", name).bind("version", version).first(Version.class);
    }

    /** The newest version of every template, the shipped one included. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Version> list() {
        List<Version> versions = new ArrayList<>(sql.query("""
                        select distinct on (name) name, version, title, body, created_by, created_at
                        from report_template order by name, version desc
                        """).list(Version.class));
        if (versions.stream().noneMatch(v -> v.name().equals(DEFAULT))) {
            versions.add(shipped());
            versions.sort(Comparator.comparing(Version::name));
        }
        return versions;
    }

    /**
     * Saves a new version after checking that title and body parse and render against the report of the caller's
     * own area (so that a misspelt figure is refused now, not when a report is due).
     */
    @Transactional
    public Version save(String name, String title, String body, Map<String, Object> sampleModel) {
        List<Violation> violations = new ArrayList<>();
        if (name == null || !name.matches("[a-z][a-z0-9-]{0,59}")) {
            violations.add(Violation.of("name", "FORMAT", "report.template.name"));
        }
        if (title == null || title.isBlank() || title.length() > 200) {
            violations.add(Violation.of("title", "REQUIRED", "report.template.title"));
        }
        if (body == null || body.isBlank() || body.length() > 200_000) {
            violations.add(Violation.of("body", "REQUIRED", "report.template.body"));
        }
        if (violations.isEmpty()) {
            check("title", title, sampleModel).ifPresent(violations::add);
            check("body", body, sampleModel).ifPresent(violations::add);
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        TransactionLocks.lock(entityManager, "report-template:" + name);
        int next = sql.query("select coalesce(max(version), 0) from report_template where name = :name")
                        .bind("name", name)
                        .value(Integer.class)
                        .orElseThrow()
                + 1;
        sql.query("""
                        insert into report_template (name, version, title, body, created_by)
                        values (:name, :version, :title, :body, :createdBy)
                        """)
                .bind("name", name)
                .bind("version", next)
                .bind("title", title)
                .bind("body", body)
                .bind("createdBy", scope.subject())
                .execute();
        return version(name, next).orElseThrow();
    }

    /** Renders a template text with the report's figures. */
    public String render(String text, Map<String, Object> model) {
        Template template = engine.parse(text);
        TemplateInstance instance = template.instance();
        model.forEach(instance::data);
        return instance.render();
    }

    private Optional<Violation> check(String field, String text, Map<String, Object> model) {
        try {
            render(text, model);
            return Optional.empty();
        } catch (TemplateException | IllegalStateException | IllegalArgumentException broken) {
            // the template engine's own words help whoever edits the template; never the exception's class
            String reason = broken.getMessage() == null ? "?" : broken.getMessage();
            return Optional.of(Violation.of(field, "TEMPLATE", "report.template.invalid", reason));
        }
    }

    private Version shipped() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT_RESOURCE + " is missing from the build");
            }
            return new Version(
                    DEFAULT, 0, DEFAULT_TITLE, new String(in.readAllBytes(), StandardCharsets.UTF_8), "系统内置", null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
