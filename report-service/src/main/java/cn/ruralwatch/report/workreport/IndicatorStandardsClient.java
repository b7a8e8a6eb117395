package cn.ruralwatch.report.workreport;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The names of a standard and its indicators, from indicator-service (asked with the caller's token). */
@RegisterRestClient(configKey = "indicator-service")
@Path("/api/v1/indicator-standards")
@Produces(MediaType.APPLICATION_JSON)
public interface IndicatorStandardsClient {

    @GET
    @Path("/{code}")
    JsonNode standard(@PathParam("code") String code, @HeaderParam("Authorization") String authorization);
}
