package cn.ruralwatch.report.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** A household's benefits and microcredit loans as project-fund-service answers them, asked with the caller's token. */
@RegisterRestClient(configKey = "project-fund-service")
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface BenefitRecordsClient {

    /** {@code listHouseholdBenefits} of one household and year (PV revenue shares among them, as PV_REWARD). */
    @GET
    @Path("/household-benefits")
    JsonNode benefits(
            @QueryParam("householdId") UUID householdId,
            @QueryParam("year") int year,
            @QueryParam("page") int page,
            @QueryParam("size") int size,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language);

    /** {@code listMicrocreditLoans} of one household, with each year's interest subsidy. */
    @GET
    @Path("/microcredit-loans")
    JsonNode loans(
            @QueryParam("householdId") UUID householdId,
            @QueryParam("page") int page,
            @QueryParam("size") int size,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language);
}
