package cn.ruralwatch.report;

import cn.ruralwatch.access.Roles;
import cn.ruralwatch.counts.EvaluationCounts;
import cn.ruralwatch.counts.HouseholdCounts;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * household-service's and indicator-service's counts of county 456088 as ReconciliationTest sets them (what the report
 * holds, except one village the report has not heard of), a standard's names as indicator-service gives them, and the
 * records of one household as household-service and project-fund-service give them for its dossier ({@link
 * DossierRecords}; any other household is their 404, {@link DossierRecords#REFUSED} their 403). Answers only with a
 * bearer token, as the services do; and household-service's screening, work-team and rectification figures of county
 * 457088 (WorkReportTest's). (One class for every source: Quarkus REST does not route one path prefix to
 * several resource classes.)
 */
@Path("/test-sources/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class SourceCountsStub {

    @Inject
    SecurityIdentity identity;

    static final String COUNTY = "456088";
    static final String VILLAGE = "456088101201";
    static final String UNKNOWN_TO_REPORT = "456088101202";

    @GET
    @Path("/household-counts")
    public HouseholdCounts households(
            @QueryParam("division") String division, @HeaderParam("Authorization") String authorization) {
        requireBearer(authorization);
        if (!COUNTY.equals(division)) {
            return new HouseholdCounts(division, List.of());
        }
        return new HouseholdCounts(
                division,
                List.of(
                        new HouseholdCounts.VillageHouseholds(
                                VILLAGE, 2, 5, Map.of("EXITED", 1L, "NOT_POOR", 1L), 1, Map.of("EDGE_AT_RISK", 1L), 1),
                        new HouseholdCounts.VillageHouseholds(
                                UNKNOWN_TO_REPORT, 1, 2, Map.of("NOT_POOR", 1L), 0, Map.of(), 0)));
    }

    @GET
    @Path("/evaluation-counts")
    public EvaluationCounts evaluations(
            @QueryParam("division") String division, @HeaderParam("Authorization") String authorization) {
        requireBearer(authorization);
        if (!COUNTY.equals(division)) {
            return new EvaluationCounts(division, List.of(), List.of());
        }
        return new EvaluationCounts(
                division,
                List.of(new EvaluationCounts.VillageEvaluations(VILLAGE, 2, 1)),
                List.of(new EvaluationCounts.IndicatorTotals(
                        "NATIONAL_HOUSEHOLD_2021", "BASIC_MEDICAL_INSURANCE", 1, 1, 5, 6)));
    }

    @GET
    @Path("/indicator-standards/{code}")
    public Map<String, Object> standard(
            @PathParam("code") String code, @HeaderParam("Authorization") String authorization) {
        requireBearer(authorization);
        return Map.of(
                "code",
                code,
                "version",
                1,
                "definition",
                Map.of(
                        "code",
                        code,
                        "name",
                        "两不愁三保障及饮水安全、收入监测（全国）",
                        "level",
                        "HOUSEHOLD",
                        "validFrom",
                        "2021-01-01",
                        "indicators",
                        List.of(Map.of("code", "BASIC_MEDICAL_INSURANCE", "name", "基本医疗有保障", "unit", "MEMBER"))));
    }

    /** The screening of county 457088 (WorkReportTest's) as household-service counts it; other regions are unknown. */
    @GET
    @Path("/screening-statistics")
    public Map<String, Object> screening(
            @QueryParam("region") String region,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @HeaderParam("Authorization") String authorization) {
        requireBearer(authorization);
        if (!"457088".equals(region)) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        return Map.of(
                "region",
                region,
                "from",
                from,
                "to",
                to,
                "cluesReceived",
                830,
                "cluesScreened",
                819,
                "identifiedFromRoutineScreening",
                byCategory(Map.of("SUDDEN_HARDSHIP", List.of(1, 4), "EDGE_AT_RISK", List.of(1, 5))));
    }

    static final String CAMPAIGN = "0b9f8a4e-52a4-4f0e-9a57-8c2f4e6b1d01";

    @GET
    @Path("/screening-campaigns")
    public Map<String, Object> campaigns(
            @QueryParam("region") String region,
            @QueryParam("year") int year,
            @HeaderParam("Authorization") String authorization) {
        requireBearer(authorization);
        return Map.of(
                "items",
                "457088".equals(region) && year == 2023
                        ? List.of(Map.of(
                                "id", CAMPAIGN, "name", "5月集中排查", "startsOn", "2023-05-06", "endsOn", "2023-05-30"))
                        : List.of());
    }

    @GET
    @Path("/screening-campaigns/{id}/results")
    public Map<String, Object> campaignResults(
            @jakarta.ws.rs.PathParam("id") String id, @HeaderParam("Authorization") String authorization) {
        requireBearer(authorization);
        return Map.of(
                "campaignId",
                id,
                "householdsCovered",
                8892,
                "cluesFound",
                12,
                "identified",
                byCategory(Map.of(
                        "SUDDEN_HARDSHIP",
                        List.of(2, 3),
                        "UNSTABLE_EXITED",
                        List.of(1, 3),
                        "EDGE_AT_RISK",
                        List.of(2, 4))));
    }

    /** County 457088's village work teams: two teams, one with a 第一书记; a training and three guidance notices. */
    @GET
    @Path("/work-teams")
    public Map<String, Object> workTeams(
            @QueryParam("division") String division, @HeaderParam("Authorization") String authorization) {
        requireBearer(authorization);
        List<Map<String, Object>> teams = "457088".equals(division)
                ? List.of(
                        Map.of("villageCode", "457088101201", "firstSecretaryName", "李明"),
                        Map.of("villageCode", "457088101202"))
                : List.of();
        return Map.of("items", teams, "page", 0, "size", 500, "totalItems", teams.size());
    }

    @GET
    @Path("/work-team-trainings")
    public Map<String, Object> trainings(
            @QueryParam("division") String division, @HeaderParam("Authorization") String authorization) {
        return counted(division, 1, authorization);
    }

    @GET
    @Path("/work-team-inspections")
    public Map<String, Object> inspections(
            @QueryParam("division") String division, @HeaderParam("Authorization") String authorization) {
        return counted(division, 0, authorization);
    }

    @GET
    @Path("/guidance-notices")
    public Map<String, Object> guidanceNotices(
            @QueryParam("division") String division, @HeaderParam("Authorization") String authorization) {
        return counted(division, 3, authorization);
    }

    /** County 457088's 问题整改 of the year, as household-service sums it up. */
    @GET
    @Path("/rectifications/summary")
    public Map<String, Object> rectifications(
            @QueryParam("division") String division, @HeaderParam("Authorization") String authorization) {
        requireBearer(authorization);
        if (!"457088".equals(division)) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        return Map.of("total", Map.of("problems", 22), "text", "省级后评估认领3个方面13个问题，均已完成整改；国家后评估认领9个问题，均已完成整改。");
    }

    private static Map<String, Object> counted(String division, int count, String authorization) {
        requireBearer(authorization);
        return Map.of("items", List.of(), "page", 0, "size", 1, "totalItems", "457088".equals(division) ? count : 0);
    }

    private static Map<String, Object> byCategory(Map<String, List<Integer>> counts) {
        Map<String, Object> byCategory = new java.util.LinkedHashMap<>();
        for (String category : List.of("UNSTABLE_EXITED", "EDGE_AT_RISK", "SUDDEN_HARDSHIP")) {
            List<Integer> count = counts.getOrDefault(category, List.of(0, 0));
            byCategory.put(category, Map.of("households", count.get(0), "people", count.get(1)));
        }
        return Map.of(
                "total",
                Map.of(
                        "households",
                                counts.values().stream().mapToInt(c -> c.get(0)).sum(),
                        "people",
                                counts.values().stream().mapToInt(c -> c.get(1)).sum()),
                "byCategory",
                byCategory);
    }

    @GET
    @Path("/households/{id}")
    public Response household(@PathParam("id") UUID id, @HeaderParam("Authorization") String authorization) {
        requireBearer(authorization);
        if (DossierRecords.REFUSED.equals(id)) {
            return problem(403, DossierRecords.REFUSED_PROBLEM);
        }
        if (!DossierRecords.HOUSEHOLD.equals(id)) {
            return problem(404, DossierRecords.notFound(id));
        }
        // household-service shows personal numbers in full to the county, a village and other systems only
        return json(
                identity.hasRole(Roles.TOWNSHIP_OFFICER) || identity.hasRole(Roles.AUDITOR)
                        ? DossierRecords.householdMasked()
                        : DossierRecords.HOUSEHOLD_JSON);
    }

    @GET
    @Path("/households/{id}/measures")
    public Response measures(@PathParam("id") UUID id, @HeaderParam("Authorization") String authorization) {
        requireBearer(authorization);
        return json(DossierRecords.MEASURES_JSON);
    }

    @GET
    @Path("/households/{id}/visits")
    public Response visits(@PathParam("id") UUID id, @HeaderParam("Authorization") String authorization) {
        requireBearer(authorization);
        return json(DossierRecords.VISITS_JSON);
    }

    @GET
    @Path("/households/{id}/cadre-assignments")
    public Response cadres(@PathParam("id") UUID id, @HeaderParam("Authorization") String authorization) {
        requireBearer(authorization);
        return json(DossierRecords.CADRES_JSON);
    }

    @GET
    @Path("/cadres/{id}")
    public Response cadre(@PathParam("id") String id, @HeaderParam("Authorization") String authorization) {
        requireBearer(authorization);
        return json(DossierRecords.cadre(id));
    }

    @GET
    @Path("/monitoring-cases")
    public Response cases(@QueryParam("division") String division, @HeaderParam("Authorization") String authorization) {
        requireBearer(authorization);
        return DossierRecords.VILLAGE.equals(division)
                ? json(DossierRecords.CASES_JSON)
                : json("{\"items\":[],\"page\":0,\"size\":500,\"totalItems\":0}");
    }

    @GET
    @Path("/household-benefits")
    public Response benefits(@QueryParam("year") int year, @HeaderParam("Authorization") String authorization) {
        requireBearer(authorization);
        return json(DossierRecords.benefits(year));
    }

    @GET
    @Path("/microcredit-loans")
    public Response loans(@HeaderParam("Authorization") String authorization) {
        requireBearer(authorization);
        return json(DossierRecords.LOANS_JSON);
    }

    private static Response json(String body) {
        return Response.ok(body, MediaType.APPLICATION_JSON).build();
    }

    private static Response problem(int status, String body) {
        return Response.status(status)
                .entity(body)
                .type("application/problem+json")
                .build();
    }

    private static void requireBearer(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            throw new NotAuthorizedException("Bearer");
        }
    }
}
