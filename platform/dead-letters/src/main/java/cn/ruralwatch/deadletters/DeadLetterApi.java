package cn.ruralwatch.deadletters;

import cn.ruralwatch.messaging.DeadLetters;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the dead-letter operations. */
public final class DeadLetterApi {

    private DeadLetterApi() {}

    @Schema(name = "DeadLetter", description = "死信：消费方无法应用的事件，连同原因保留，待运维人员重新投递或放弃")
    public record DeadLetterView(
            @Schema(description = "编号", example = "17") long id,

            @Schema(description = "消费方", example = "report-service")
            String consumer,

            @Schema(description = "来源主题", example = "household-events")
            String topic,

            @Schema(description = "分区", example = "2") int partition,
            @Schema(description = "偏移量", example = "40211") long offset,

            @Schema(description = "消息键（聚合编号）", example = "0192f1d2-7c1e-7a4b-9f3e-2d5c8b1a6e70")
            String key,

            @Schema(description = "事件编号（ce_id），不是 CloudEvent 时为空", example = "0192f1d2-8a10-7c55-b1e2-6f0d3c9a4b21")
            String eventId,

            @Schema(description = "事件类型（ce_type）", example = "household.registered.v1")
            String eventType,

            @Schema(description = "无法应用的原因（最近一次）", example = "village 450422101299 is not registered")
            String reason,

            @Schema(description = "搁置前的尝试次数", example = "3") int attempts,
            @Schema(description = "搁置时间") Instant parkedAt,

            @Schema(description = "状态：PARKED 待处理，REDRIVEN 已重新投递，DISCARDED 已放弃")
            DeadLetters.State state,

            @Schema(description = "重新投递次数", example = "1") int redriveAttempts,
            @Schema(description = "最近一次重新投递时间") Instant lastRedriveAt,
            @Schema(description = "处理完成时间") Instant resolvedAt,

            @Schema(description = "处理人", example = "ops-zhang")
            String resolvedBy,

            @Schema(description = "处理说明", example = "来源系统已更正，重新发送")
            String note) {

        static DeadLetterView of(DeadLetters.DeadLetter d) {
            return new DeadLetterView(
                    d.id(),
                    d.consumer(),
                    d.topic(),
                    d.partition(),
                    d.offset(),
                    d.key(),
                    d.eventId(),
                    d.eventType(),
                    d.reason(),
                    d.attempts(),
                    d.parkedAt(),
                    d.state(),
                    d.redriveAttempts(),
                    d.lastRedriveAt(),
                    d.resolvedAt(),
                    d.resolvedBy(),
                    d.note());
        }
    }

    @Schema(name = "DeadLetterRedrive", description = "一次重新投递的结果")
    public record RedriveResult(
            @Schema(description = "APPLIED 已应用；ALREADY_APPLIED 此前已应用，未重复应用；FAILED 仍然失败，保留待处理")
            DeadLetters.Outcome outcome,

            @Schema(description = "仍然失败时的原因") String reason,
            DeadLetterView deadLetter) {

        static RedriveResult of(DeadLetters.Redrive redrive) {
            return new RedriveResult(redrive.outcome(), redrive.reason(), DeadLetterView.of(redrive.deadLetter()));
        }
    }

    @Schema(name = "DeadLetterDiscard", description = "放弃一条死信：不再应用，须说明原因")
    public record DiscardRequest(
            @NotBlank @Size(max = 2000) @Schema(description = "放弃的原因", example = "测试系统误发的线索，来源部门已确认作废")
            String note) {}

    @Schema(name = "DeadLetterBulkRedrive", description = "重新投递全部待处理死信（可按主题、事件类型筛选），最早的在前")
    public record BulkRedriveRequest(
            @Size(max = 200) @Schema(description = "只投递此主题的死信", example = "household-events")
            String topic,

            @Size(max = 200) @Schema(description = "只投递此类型的事件", example = "household.registered.v1")
            String eventType,

            @Min(1) @Max(500) @Schema(description = "本次最多投递条数，1–500，默认 500", example = "500")
            Integer limit) {}

    @Schema(name = "DeadLetterBulkRedriveResult", description = "批量重新投递的结果")
    public record BulkRedriveResult(
            @Schema(description = "本次尝试的条数", example = "12") int attempted,
            @Schema(description = "已应用", example = "10") int applied,
            @Schema(description = "此前已应用", example = "1") int alreadyApplied,

            @Schema(description = "仍然失败（保留待处理）", example = "1")
            int failed,

            @Schema(description = "本次之后仍待处理的条数", example = "1")
            long remaining) {}
}
