package cn.ruralwatch.household.screening;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.access.DivisionCodes;
import cn.ruralwatch.household.division.Division;
import cn.ruralwatch.problem.IsoDates;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.ProblemType;
import cn.ruralwatch.problem.Violation;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/screening-statistics")
@Tag(name = "集中排查 Screening campaigns")
@Produces(MediaType.APPLICATION_JSON)
public class ScreeningStatisticsResource {

    @Inject
    ScreeningQueries queries;

    @Inject
    CallerScope scope;

    @Inject
    EntityManager entityManager;

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(
            operationId = "getScreeningStatistics",
            summary = "预警线索摸排统计：期间的线索（按来源）、研判（按结果）、由线索识别的监测对象（集中排查与日常排查），期间识别和风险消除的监测对象（按类别的户数和人数）",
            description = "线索按发现或报送日期（reportedOn）计入期间，研判按研判时间计入；识别按县级审定日期，风险消除按风险消除日期。"
                    + "人数为县级审定时农户的在户成员数；系统外识别或消除（登记、导入为监测户，录入的此前经历）的按现在的在户成员数。"
                    + "区划按农户现在所在的行政村。")
    @APIResponse(
            responseCode = "200",
            description = "统计",
            content = @Content(schema = @Schema(implementation = ScreeningApi.Statistics.class)))
    @APIResponse(responseCode = "400", description = "缺少或不合法的日期，截止日期早于起始日期，或区划不存在")
    @APIResponse(responseCode = "403", description = "区划不在本人辖区")
    public ScreeningApi.Statistics statistics(
            @Parameter(description = "县、乡镇或行政村代码；为空时为本人辖区", example = "450422101") @QueryParam("region") String region,
            @Parameter(description = "起始日期（含，yyyy-MM-dd）", example = "2023-01-01", required = true) @QueryParam("from")
                    String from,
            @Parameter(description = "截止日期（含，yyyy-MM-dd）", example = "2023-12-31", required = true) @QueryParam("to")
                    String to) {
        List<Violation> violations = new ArrayList<>();
        LocalDate start = date("from", from, violations);
        LocalDate end = date("to", to, violations);
        if (start != null && end != null && end.isBefore(start)) {
            violations.add(Violation.of("to", "BEFORE_FROM", "screening.period.to-before-from", end, start));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        String code = region == null || region.isBlank() ? scope.division() : DivisionCodes.normalize(region.strip());
        if (!scope.covers(code)) {
            throw ProblemException.of(ProblemType.FORBIDDEN, "problem.forbidden.out-of-scope", code, scope.division());
        }
        if (!code.equals(scope.division()) && entityManager.find(Division.class, code) == null) {
            throw ProblemException.invalid(Violation.of("region", "UNKNOWN", "screening.region.unknown", code));
        }
        return queries.statistics(code, start, end);
    }

    private static LocalDate date(String field, String text, List<Violation> violations) {
        if (text == null || text.isBlank()) {
            violations.add(Violation.of(field, "REQUIRED", "screening.period.required"));
            return null;
        }
        LocalDate date = IsoDates.date(text.strip());
        if (date == null) {
            violations.add(Violation.of(field, "INVALID_DATE", "problem.date.invalid", text));
        }
        return date;
    }
}
