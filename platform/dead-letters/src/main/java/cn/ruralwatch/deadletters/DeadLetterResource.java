package cn.ruralwatch.deadletters;

import cn.ruralwatch.audit.AuditTrail;
import cn.ruralwatch.audit.AuditedChange;
import cn.ruralwatch.events.AuditAction;
import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.messaging.DeadLetters;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.ProblemType;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The operators' view of this service's dead letters. Each consuming service serves it under its own path
 * ({@code /api/v1/dead-letters/<service>}) by a subclass that only names the path, so that the gateway routes each
 * service's dead letters to that service; {@link DeadLetterOperationIds} gives the operations their service's name.
 */
@Tag(name = "死信 Dead letters")
@Produces(MediaType.APPLICATION_JSON)
public abstract class DeadLetterResource {

    /** Entity type of the audit entries of dead-letter resolutions. */
    public static final String AUDITED_TYPE = "dead-letter";

    @Inject
    DeadLetters deadLetters;

    @Inject
    AuditTrail audit;

    @Inject
    SecurityIdentity identity;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    @GET
    @Operation(
            operationId = "listDeadLetters",
            summary = "死信列表（运维、审计）",
            description = "本服务无法应用而搁置的事件，最早的在前。暂时性故障（数据库或网络中断、死锁）不会产生死信：消费方等待并按序重试。")
    @APIResponse(responseCode = "200", description = "查询结果")
    @APIResponse(responseCode = "400", description = "筛选或分页参数不合法")
    public Page<DeadLetterApi.DeadLetterView> list(
            @Parameter(description = "状态：PARKED 待处理，REDRIVEN 已重新投递，DISCARDED 已放弃；不填为全部") @QueryParam("state")
                    DeadLetters.State state,
            @Parameter(description = "来源主题", example = "household-events") @QueryParam("topic") String topic,
            @Parameter(description = "事件类型", example = "household.registered.v1") @QueryParam("eventType")
                    String eventType,
            @Parameter(description = "页码，从 0 开始", example = "0") @QueryParam("page") Integer page,
            @Parameter(description = "每页条数，1–500，默认 20", example = "20") @QueryParam("size") Integer size) {
        PageRequest request = PageRequest.of(page, size);
        DeadLetters.Filter filter = new DeadLetters.Filter(state, blankToNull(topic), blankToNull(eventType));
        List<DeadLetterApi.DeadLetterView> items = deadLetters.find(filter, request.offset(), request.size()).stream()
                .map(DeadLetterApi.DeadLetterView::of)
                .toList();
        return request.page(items, deadLetters.count(filter));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getDeadLetter", summary = "查看一条死信（运维、审计）")
    @APIResponse(
            responseCode = "200",
            description = "死信",
            content = @Content(schema = @Schema(implementation = DeadLetterApi.DeadLetterView.class)))
    @APIResponse(responseCode = "404", description = "没有这条死信")
    public DeadLetterApi.DeadLetterView get(@Parameter(description = "死信编号", example = "17") @PathParam("id") long id) {
        return deadLetters
                .get(id)
                .map(DeadLetterApi.DeadLetterView::of)
                .orElseThrow(() -> ProblemException.notFound("dead-letter.not-found", id));
    }

    @POST
    @Path("{id}/redrive")
    @Operation(
            operationId = "redriveDeadLetter",
            summary = "重新投递一条死信（运维）",
            description =
                    "排除原因后，由原消费方再次应用该事件（经收件箱，至多应用一次）。成功则状态变为 REDRIVEN；仍然失败则保留待处理并记录新原因（outcome=FAILED）。每次处理写入审计日志。")
    @APIResponse(
            responseCode = "200",
            description = "投递结果",
            content = @Content(schema = @Schema(implementation = DeadLetterApi.RedriveResult.class)))
    @APIResponse(responseCode = "404", description = "没有这条死信")
    @APIResponse(responseCode = "409", description = "死信已处理（已重新投递或已放弃）")
    public DeadLetterApi.RedriveResult redrive(
            @Parameter(description = "死信编号", example = "17") @PathParam("id") long id) {
        return DeadLetterApi.RedriveResult.of(resolving(id, () -> deadLetters.redrive(id, actor(), auditing())));
    }

    @POST
    @Path("redrives")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "redriveDeadLetters",
            summary = "批量重新投递待处理死信（运维）",
            description = "按搁置顺序逐条重新投递，每条各自成败、各自审计；一次最多 500 条，remaining 为之后仍待处理的条数。")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DeadLetterApi.BulkRedriveRequest.class),
                            examples = {
                                @ExampleObject(name = "最早的 100 条", summary = "排除原因后，先重新投递最早搁置的 100 条", value = """
                                                {"limit": 100}"""),
                                @ExampleObject(
                                        name = "按主题和事件类型",
                                        summary = "只重新投递 household-events 上 household.changed.v1 的死信",
                                        value = """
                                                {"topic": "household-events", "eventType": "household.changed.v1", "limit": 500}""")
                            }))
    @APIResponse(
            responseCode = "200",
            description = "投递结果汇总",
            content = @Content(schema = @Schema(implementation = DeadLetterApi.BulkRedriveResult.class)))
    @APIResponse(responseCode = "400", description = "请求体不合法")
    public DeadLetterApi.BulkRedriveResult redriveAll(@Valid @NotNull DeadLetterApi.BulkRedriveRequest request) {
        DeadLetters.Filter filter = new DeadLetters.Filter(
                DeadLetters.State.PARKED, blankToNull(request.topic()), blankToNull(request.eventType()));
        List<DeadLetters.Redrive> results = deadLetters.redriveAll(
                filter, actor(), request.limit() == null ? PageRequest.MAX_SIZE : request.limit(), auditing());
        List<DeadLetters.Outcome> outcomes = new ArrayList<>();
        results.forEach(r -> outcomes.add(r.outcome()));
        return new DeadLetterApi.BulkRedriveResult(
                results.size(),
                (int) outcomes.stream()
                        .filter(o -> o == DeadLetters.Outcome.APPLIED)
                        .count(),
                (int) outcomes.stream()
                        .filter(o -> o == DeadLetters.Outcome.ALREADY_APPLIED)
                        .count(),
                (int) outcomes.stream()
                        .filter(o -> o == DeadLetters.Outcome.FAILED)
                        .count(),
                deadLetters.count(filter));
    }

    @POST
    @Path("{id}/discard")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "discardDeadLetter",
            summary = "放弃一条死信（运维）",
            description = "确认该事件不应应用（如来源系统误发且已作废），须填写原因；状态变为 DISCARDED，写入审计日志。")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DeadLetterApi.DiscardRequest.class),
                            examples = {@ExampleObject(name = "来源系统误发", summary = "来源部门确认作废的线索", value = """
                                                {"note": "测试系统误发的线索，来源部门已确认作废"}""")}))
    @APIResponse(
            responseCode = "200",
            description = "已放弃的死信",
            content = @Content(schema = @Schema(implementation = DeadLetterApi.DeadLetterView.class)))
    @APIResponse(responseCode = "400", description = "未填写原因")
    @APIResponse(responseCode = "404", description = "没有这条死信")
    @APIResponse(responseCode = "409", description = "死信已处理")
    public DeadLetterApi.DeadLetterView discard(
            @Parameter(description = "死信编号", example = "17") @PathParam("id") long id,
            @Valid @NotNull DeadLetterApi.DiscardRequest request) {
        return DeadLetterApi.DeadLetterView.of(resolving(
                id, () -> deadLetters.discard(id, actor(), request.note().strip(), auditing())));
    }

    private interface Resolution<T> {
        T run();
    }

    private static <T> T resolving(long id, Resolution<T> resolution) {
        try {
            return resolution.run();
        } catch (DeadLetters.NotFound notFound) {
            throw ProblemException.notFound("dead-letter.not-found", id);
        } catch (DeadLetters.NotParked resolved) {
            throw ProblemException.of(
                    ProblemType.CONFLICT,
                    "dead-letter.resolved",
                    id,
                    resolved.deadLetter().state(),
                    String.valueOf(resolved.deadLetter().resolvedBy()));
        }
    }

    /** Audit entries in the transaction of each resolution. */
    private DeadLetters.Resolutions auditing() {
        return new DeadLetters.Resolutions() {
            @Override
            public void redriven(DeadLetters.DeadLetter before, DeadLetters.Outcome outcome) {
                record(before, DeadLetters.State.REDRIVEN, AuditedChange.created("outcome", outcome.name()));
            }

            @Override
            public void redriveFailed(DeadLetters.DeadLetter before, String reason) {
                record(before, DeadLetters.State.PARKED, AuditedChange.changed("reason", before.reason(), reason));
            }

            @Override
            public void discarded(DeadLetters.DeadLetter before, String note) {
                record(before, DeadLetters.State.DISCARDED, AuditedChange.created("note", note));
            }
        };
    }

    private void record(DeadLetters.DeadLetter before, DeadLetters.State after, AuditedChange detail) {
        audit.changed(
                AuditAction.UPDATE,
                AUDITED_TYPE,
                service + "/" + before.id(),
                null,
                List.of(
                        AuditedChange.changed("state", before.state().name(), after.name()),
                        AuditedChange.created("event", before.eventType() + " " + before.eventId()),
                        detail));
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
