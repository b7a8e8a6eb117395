package cn.ruralwatch.report.reconciliation;

import cn.ruralwatch.counts.EvaluationCounts;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** indicator-service's own counts, asked with the caller's token (its area applies there too). */
@RegisterRestClient(configKey = "indicator-service")
@Path("/api/v1/evaluation-counts")
@Produces(MediaType.APPLICATION_JSON)
public interface EvaluationCountsClient {

    @GET
    EvaluationCounts counts(
            @QueryParam("division") String division, @HeaderParam("Authorization") String authorization);
}
