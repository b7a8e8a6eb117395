package cn.ruralwatch.household.counts;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.access.Roles;
import cn.ruralwatch.counts.HouseholdCounts;
import cn.ruralwatch.problem.Problem;
import cn.ruralwatch.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/household-counts")
@Tag(name = "households")
@Produces(MediaType.APPLICATION_JSON)
public class HouseholdCountResource {

    @Inject
    EntityManager entityManager;

    @Inject
    CallerScope scope;

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    @RolesAllowed({Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CLERK, Roles.AUDITOR, Roles.INTEGRATION})
    @Operation(
            operationId = "countHouseholds",
            summary = "各行政村在册农户的核对口径：户数、在户人口、贫困状态、监测对象（按类别）、风险未消除户数",
            description = "统计服务据此核对其统计数（GET /api/v1/reports/reconciliation）。已合户或解散的农户不计。")
    @APIResponse(
            responseCode = "404",
            description = "区划不在本人辖区",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HouseholdCounts counts(
            @Parameter(description = "县、乡镇或行政村代码；为空时为本人辖区", example = "450422101") @QueryParam("division")
                    String division) {
        String prefix =
                scope.narrow(division).orElseThrow(() -> ProblemException.notFound("division.not-found", division));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("""
                        select h.village_code, h.poverty_status, h.monitoring_category, h.risk_state, count(*),
                               coalesce(sum(m.living), 0)
                        from household h
                        cross join lateral (select count(*) as living from member m
                                            where m.household_id = h.id and m.status = 'ACTIVE') m
                        where h.status = 'ACTIVE' and h.village_code like ?1
                        group by 1, 2, 3, 4 order by 1
                        """)
                .setParameter(1, prefix + "%")
                .getResultList();
        List<HouseholdCounts.VillageHouseholds> villages = new ArrayList<>();
        String village = null;
        long households = 0;
        long members = 0;
        long monitored = 0;
        long atRisk = 0;
        Map<String, Long> byStatus = new TreeMap<>();
        Map<String, Long> byCategory = new TreeMap<>();
        for (Object[] r : rows) {
            if (!r[0].equals(village)) {
                if (village != null) {
                    villages.add(new HouseholdCounts.VillageHouseholds(
                            village, households, members, byStatus, monitored, byCategory, atRisk));
                }
                village = (String) r[0];
                households = 0;
                members = 0;
                monitored = 0;
                atRisk = 0;
                byStatus = new TreeMap<>();
                byCategory = new TreeMap<>();
            }
            long count = ((Number) r[4]).longValue();
            households += count;
            members += ((Number) r[5]).longValue();
            byStatus.merge((String) r[1], count, Long::sum);
            if (r[2] != null) {
                monitored += count;
                byCategory.merge((String) r[2], count, Long::sum);
                if ("AT_RISK".equals(r[3])) {
                    atRisk += count;
                }
            }
        }
        if (village != null) {
            villages.add(new HouseholdCounts.VillageHouseholds(
                    village, households, members, byStatus, monitored, byCategory, atRisk));
        }
        return new HouseholdCounts(prefix, villages);
    }
}
