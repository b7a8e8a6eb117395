package cn.ruralwatch.indicator.standard;

import cn.ruralwatch.indicator.rules.StandardDefinition;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the standards API answers. */
public final class StandardApi {

    private StandardApi() {}

    @Schema(name = "StandardView", description = "指标体系的一个版本")
    public record StandardView(
            @Schema(example = "NATIONAL_HOUSEHOLD_2021") String code,

            @Schema(description = "版本号，从 1 起", example = "2")
            int version,

            @Schema(description = "ACTIVE 在用，RETIRED 已停用") String status,
            @Schema(description = "保存时间") Instant createdAt,
            @Schema(description = "保存人") String createdBy,
            StandardDefinition definition) {}

    @Schema(name = "StandardSummary")
    public record StandardSummary(
            String code,
            int version,
            String name,
            @Schema(description = "适用地区（行政区划代码前缀，空串为全国）") String regionCode,
            StandardDefinition.Level level,
            LocalDate validFrom,
            LocalDate validTo,
            String status) {}

    @Schema(name = "StandardVersion")
    public record StandardVersion(int version, String status, Instant createdAt, String createdBy) {}

    @Schema(name = "StandardSaved", description = "保存结果与重新评估任务")
    public record StandardSaved(
            StandardView standard,

            @Schema(description = "对适用地区农户重新评估的任务 id；仅判定村、乡镇的指标体系没有")
            UUID evaluationJobId) {}

    @Schema(name = "StandardCheck")
    public record StandardCheck(
            @Schema(description = "规则全部通过类型检查") boolean valid) {}
}
