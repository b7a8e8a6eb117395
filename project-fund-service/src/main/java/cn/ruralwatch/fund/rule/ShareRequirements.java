package cn.ruralwatch.fund.rule;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.audit.AuditTrail;
import cn.ruralwatch.audit.AuditedChange;
import cn.ruralwatch.events.AuditAction;
import cn.ruralwatch.http.NativeValues;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Least shares by kind, nationwide ({@code ''}, shipped with the suite) or set by a province from a year on. The one
 * in force for a province in a year is the newest year not after it, a province's over the nation's within a year.
 */
@ApplicationScoped
public class ShareRequirements {

    @Inject
    EntityManager entityManager;

    @Inject
    CallerScope scope;

    @Inject
    AuditTrail audit;

    /** The requirement in force for a province (2 digits) in a year, empty where none is set. */
    public Optional<ShareRequirementApi.Requirement> inForce(ShareRequirementKind kind, String province, int year) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("""
                        select kind, region_code, from_year, minimum_percent, note, set_by, set_at
                        from share_requirement
                        where kind = ?1 and region_code in ('', ?2) and from_year <= ?3
                        order by from_year desc, length(region_code) desc limit 1
                        """)
                .setParameter(1, kind.name())
                .setParameter(2, province)
                .setParameter(3, year)
                .getResultList();
        return rows.stream().findFirst().map(ShareRequirements::requirement);
    }

    public List<ShareRequirementApi.Requirement> list() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select kind, region_code, from_year, minimum_percent, note, set_by, set_at
                        from share_requirement order by kind, region_code, from_year
                        """).getResultList();
        return rows.stream().map(ShareRequirements::requirement).toList();
    }

    /** Sets a province's requirement from a year on; the caller's region must lie in the province. */
    @Transactional
    public ShareRequirementApi.Requirement set(
            ShareRequirementKind kind, String province, int fromYear, ShareRequirementApi.RequirementRequest request) {
        List<Violation> violations = new ArrayList<>();
        if (!province.matches("[0-9]{2}") || !scope.division().startsWith(province)) {
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
        entityManager
                .createNativeQuery("""
                        insert into share_requirement (kind, region_code, from_year, minimum_percent, note, set_by, set_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                        on conflict (kind, region_code, from_year) do update
                        set minimum_percent = excluded.minimum_percent, note = excluded.note,
                            set_by = excluded.set_by, set_at = excluded.set_at
                        """)
                .setParameter(1, kind.name())
                .setParameter(2, province)
                .setParameter(3, fromYear)
                .setParameter(4, minimum)
                .setParameter(5, request.note())
                .setParameter(6, scope.subject())
                .setParameter(7, Timestamp.from(Instant.now()))
                .executeUpdate();
        audit.changed(
                before == null ? AuditAction.CREATE : AuditAction.UPDATE,
                "share-requirement",
                kind.name() + "/" + province + "/" + fromYear,
                province,
                List.of(AuditedChange.changed(
                        "minimumPercent", before == null ? null : before.toPlainString(), minimum.toPlainString())));
        return inForce(kind, province, fromYear).orElseThrow();
    }

    private static ShareRequirementApi.Requirement requirement(Object[] r) {
        return new ShareRequirementApi.Requirement(
                ShareRequirementKind.valueOf((String) r[0]),
                (String) r[1],
                ((Number) r[2]).intValue(),
                (BigDecimal) r[3],
                (String) r[4],
                (String) r[5],
                NativeValues.instant(r[6]));
    }
}
