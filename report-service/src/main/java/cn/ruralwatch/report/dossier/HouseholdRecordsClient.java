package cn.ruralwatch.report.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * A household's records as household-service answers them, asked with the caller's token so that household-service
 * applies the caller's role, region and masking of personal numbers (and audits a full read) as for any other caller.
 */
@RegisterRestClient(configKey = "household-service")
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface HouseholdRecordsClient {

    /** {@code getHousehold}: attributes, monitoring and past episodes, incomes, every member. */
    @GET
    @Path("/households/{id}")
    JsonNode household(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language);

    /** {@code listAssistanceMeasures}, newest first. */
    @GET
    @Path("/households/{id}/measures")
    JsonNode measures(
            @PathParam("id") UUID id,
            @QueryParam("page") int page,
            @QueryParam("size") int size,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language);

    /** {@code listAssistanceVisits}, newest first. */
    @GET
    @Path("/households/{id}/visits")
    JsonNode visits(
            @PathParam("id") UUID id,
            @QueryParam("page") int page,
            @QueryParam("size") int size,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language);

    /** {@code getHouseholdCadres}: the current cadres and every assignment. */
    @GET
    @Path("/households/{id}/cadre-assignments")
    JsonNode cadres(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language);

    /** {@code getCadre}: unit, position and phone of a cadre of the roster. */
    @GET
    @Path("/cadres/{id}")
    JsonNode cadre(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language);

    /** {@code listMonitoringCases} of a division (identification and risk elimination, with their steps). */
    @GET
    @Path("/monitoring-cases")
    JsonNode cases(
            @QueryParam("division") String division,
            @QueryParam("page") int page,
            @QueryParam("size") int size,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language);
}
