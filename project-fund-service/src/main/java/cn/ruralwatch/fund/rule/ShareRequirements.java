package cn.ruralwatch.fund.rule;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.audit.AuditTrail;
import cn.ruralwatch.audit.AuditedChange;
import cn.ruralwatch.events.AuditAction;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.Violation;
import cn.ruralwatch.sql.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Least shares by kind, nationwide ({@code ''}, shipped with the suite) or set by a province from a year on. The one
 * in force for a province in a year is the newest year not after it, a province's over the nation's within a year.
 */
@ApplicationScoped
public class ShareRequirements {

    private static final String REQUIREMENT = """
            select kind, region_code, from_year, minimum_percent, note, set_by, set_at
            from share_requirement
            """;

    @Inject
    Clock clock;

    @Inject
    Sql sql;

    @Inject
    CallerScope scope;

    @Inject
    AuditTrail audit;

    /** The requirement in force for a province (2 digits) in a year, empty where none is set. */
    public Optional<ShareRequirementApi.Requirement> inForce(ShareRequirementKind kind, String province, int year) {
        return sql.query(REQUIREMENT + """
                        where kind = :kind and region_code in ('', :province) and from_year <= :year
                        order by from_year desc, length(region_code) desc
                        """)
                .bind("kind", kind.name())
                .bind("province", province)
                .bind("year", year)
                .first(ShareRequirementApi.Requirement.class);
    }

    public List<ShareRequirementApi.Requirement> list() {
        return sql.query(REQUIREMENT + " order by kind, region_code, from_year")
                .list(ShareRequirementApi.Requirement.class);
    }

    /** Sets a province's requirement from a year on; only the province's own officials or systems may. */
    @Transactional
    public ShareRequirementApi.Requirement set(
            ShareRequirementKind kind, String province, int fromYear, ShareRequirementApi.RequirementRequest request) {
        List<Violation> violations = new ArrayList<>();
        if (!province.matches("[0-9]{2}") || !province.startsWith(scope.division())) {
            violations.add(Violation.of("regionCode", "NOT_YOUR_PROVINCE", "fund.requirement.province", province));
        }
        if (fromYear < 2013 || fromYear > 2100) {
            violations.add(Violation.of("fromYear", "OUT_OF_RANGE", "fund.requirement.year", fromYear));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        BigDecimal before = inForce(kind, province, fromYear)
                .filter(r -> r.regionCode().equals(province) && r.fromYear() == fromYear)
                .map(ShareRequirementApi.Requirement::minimumPercent)
                .orElse(null);
        BigDecimal minimum = request.minimumPercent().setScale(2);
        sql.query("""
                        insert into share_requirement (kind, region_code, from_year, minimum_percent, note, set_by, set_at)
                        values (:kind, :province, :fromYear, :minimum, :note, :setBy, :setAt)
                        on conflict (kind, region_code, from_year) do update
                        set minimum_percent = excluded.minimum_percent, note = excluded.note,
                            set_by = excluded.set_by, set_at = excluded.set_at
                        """)
                .bind("kind", kind.name())
                .bind("province", province)
                .bind("fromYear", fromYear)
                .bind("minimum", minimum)
                .bind("note", request.note())
                .bind("setBy", scope.subject())
                .bind("setAt", Timestamp.from(clock.instant()))
                .execute();
        audit.changed(
                before == null ? AuditAction.CREATE : AuditAction.UPDATE,
                "share-requirement",
                kind.name() + "/" + province + "/" + fromYear,
                province,
                List.of(AuditedChange.changed(
                        "minimumPercent", before == null ? null : before.toPlainString(), minimum.toPlainString())));
        return inForce(kind, province, fromYear).orElseThrow();
    }
}
