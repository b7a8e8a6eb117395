package cn.ruralwatch.household.operations;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.access.DivisionCodes;
import cn.ruralwatch.audit.AuditTrail;
import cn.ruralwatch.audit.AuditedChange;
import cn.ruralwatch.events.AuditAction;
import cn.ruralwatch.jobs.Job;
import cn.ruralwatch.jobs.JobEngine;
import cn.ruralwatch.jobs.JobState;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.ResourceId;
import cn.ruralwatch.problem.Violation;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operators publish the households of a region again as they stand (docs/households.md, "Events"). */
@Path("/api/v1/operations/household-state-republications")
@Tag(name = "运维 Operations")
@Produces(MediaType.APPLICATION_JSON)
public class HouseholdStateRepublishResource {

    @Inject
    JobEngine engine;

    @Inject
    CallerScope scope;

    @Inject
    AuditTrail audit;

    @Context
    UriInfo uriInfo;

    @Schema(name = "HouseholdStateRepublicationRequest", description = "重新发布哪个地区的农户当前状态")
    public record Request(
            @Schema(description = "地区（行政区划代码，须在本人辖区内）；为空时为本人辖区", example = "450422")
            @Pattern(regexp = "[0-9]{2}|[0-9]{4}|[0-9]{6}|[0-9]{9}|[0-9]{12}")
            String regionCode) {}

    @Schema(name = "HouseholdStateRepublication", description = "重新发布农户当前状态的任务")
    public record View(
            UUID id,
            @Schema(example = "450422") String regionCode,

            @Schema(description = "PENDING、RUNNING、DONE、FAILED、CANCELLED")
            JobState state,

            @Schema(description = "total 农户数，published 已发布数")
            Map<String, Object> progress,

            String requestedBy,
            Instant requestedAt,
            Instant finishedAt,
            String error) {

        static View of(Job job) {
            return new View(
                    job.id(),
                    job.scopeDivision(),
                    job.state(),
                    job.progress(),
                    job.requestedBy(),
                    job.requestedAt(),
                    job.finishedAt(),
                    job.error());
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(
            operationId = "republishHouseholdStates",
            summary = "重新发布一个地区全部农户的当前状态（household.changed.v1，operation REPUBLISH），供其他服务补齐事件契约新增的字段；后台任务")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Request.class),
                            examples = {@ExampleObject(name = "一个乡镇", summary = "重新发布同心镇全部农户的当前状态", value = """
                                                {"regionCode": "450422101"}""")}))
    @APIResponse(
            responseCode = "202",
            description = "已排队；Location 为任务地址",
            content = @Content(schema = @Schema(implementation = View.class)))
    @APIResponse(responseCode = "400", description = "地区不在本人辖区内")
    public Response republish(@Valid @NotNull Request request) {
        String own = scope.division();
        String region =
                request == null || request.regionCode() == null ? own : DivisionCodes.normalize(request.regionCode());
        if (!region.startsWith(own)) {
            throw ProblemException.invalid(
                    Violation.of("regionCode", "OUT_OF_SCOPE", "household.republish.out-of-scope", region, own));
        }
        UUID id = engine.enqueue(
                HouseholdStateRepublish.KIND,
                new HouseholdStateRepublish.Parameters(region),
                region,
                region.length() >= 6 ? region.substring(0, 6) : region,
                scope.subject());
        audit.changed(
                AuditAction.CREATE,
                "household-state-republication",
                id.toString(),
                region,
                List.of(AuditedChange.created("regionCode", region)));
        Job job = engine.find(id).orElseThrow();
        return Response.accepted(View.of(job))
                .location(uriInfo.getBaseUriBuilder()
                        .path("/api/v1/operations/household-state-republications/{id}")
                        .build(id))
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getStateRepublicationJob", summary = "重新发布任务的状态与进度")
    @APIResponse(responseCode = "200", description = "任务")
    @APIResponse(responseCode = "404", description = "没有这个任务，或不在本人辖区内")
    public View get(@PathParam("id") @ResourceId("household.republish.not-found") UUID id) {
        return engine.find(id)
                .filter(job -> HouseholdStateRepublish.KIND.equals(job.kind()) && scope.covers(job.scopeDivision()))
                .map(View::of)
                .orElseThrow(() -> ProblemException.notFound("household.republish.not-found", id));
    }
}
