package cn.ruralwatch.report.workreport;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The monitoring work a work report states that household-service owns: screening (预警线索摸排, 集中排查), the village
 * work teams (驻村工作队, 第一书记, their training and inspections, 每月工作提示) and rectification (问题整改); asked with the
 * caller's token, so household-service's region rules apply.
 */
@RegisterRestClient(configKey = "household-service")
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface MonitoringWorkClient {

    @GET
    @Path("/screening-statistics")
    JsonNode statistics(
            @QueryParam("region") String region,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @HeaderParam("Authorization") String authorization);

    @GET
    @Path("/screening-campaigns")
    JsonNode campaigns(
            @QueryParam("region") String region,
            @QueryParam("year") int year,
            @QueryParam("size") int size,
            @HeaderParam("Authorization") String authorization);

    @GET
    @Path("/screening-campaigns/{id}/results")
    JsonNode results(@PathParam("id") UUID id, @HeaderParam("Authorization") String authorization);

    @GET
    @Path("/work-teams")
    JsonNode workTeams(
            @QueryParam("division") String division,
            @QueryParam("page") int page,
            @QueryParam("size") int size,
            @HeaderParam("Authorization") String authorization);

    @GET
    @Path("/work-team-trainings")
    JsonNode trainings(
            @QueryParam("division") String division,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("size") int size,
            @HeaderParam("Authorization") String authorization);

    @GET
    @Path("/work-team-inspections")
    JsonNode inspections(
            @QueryParam("division") String division,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("size") int size,
            @HeaderParam("Authorization") String authorization);

    @GET
    @Path("/guidance-notices")
    JsonNode guidanceNotices(
            @QueryParam("division") String division,
            @QueryParam("from") String fromMonth,
            @QueryParam("to") String toMonth,
            @QueryParam("size") int size,
            @HeaderParam("Authorization") String authorization);

    @GET
    @Path("/rectifications/summary")
    JsonNode rectifications(
            @QueryParam("division") String division,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @HeaderParam("Authorization") String authorization);
}
