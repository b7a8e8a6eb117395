package cn.ruralwatch.household.division;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the division endpoints. */
public final class DivisionApi {

    private DivisionApi() {}

    @Schema(
            name = "DivisionRegistration",
            description = "登记行政区划：省 2 位、市 4 位、县 6 位、乡镇 9 位、行政村（社区）12 位、自然村（屯）15 位代码，下级代码以上级代码开头；"
                    + "省、市也可写作 6 位（450000、450400）")
    public record Registration(
            @Schema(description = "区划代码", example = "450422101201")
            @NotBlank
            @Pattern(
                    regexp = "[0-9]{2}|[0-9]{4}|[0-9]{6}|[0-9]{9}|[0-9]{12}|[0-9]{15}",
                    message = "{ruralwatch.division.code-any}")
            String code,

            @Schema(description = "名称", example = "同心镇沙村") @NotBlank @Size(max = 100)
            String name,

            @Schema(
                    description = "层级：PROVINCE 省、CITY 市、COUNTY 县、TOWNSHIP 乡镇、VILLAGE 行政村（社区）、HAMLET 自然村（屯）",
                    example = "VILLAGE")
            @NotNull
            DivisionLevel level,

            @Schema(description = "上级区划代码（省不填；市、县的上级未登记时可不填）", example = "450422101")
            String parentCode,

            @Schema(description = "村：VILLAGE 行政村（默认）或 COMMUNITY 社区；其他层级不填", example = "VILLAGE")
            VillageKind villageKind,

            @Schema(description = "村：是否为贫困村（“十三五”贫困村），默认否；其他层级不填", example = "true")
            Boolean povertyVillage,

            @Schema(description = "贫困村摘帽（出列）年度，此后为脱贫村；未出列不填", example = "2016") @Min(2000) @Max(2100)
            Integer povertyExitYear) {

        /** A division without village status: any level but a village, or a 行政村 that was not a 贫困村. */
        public Registration(String code, String name, DivisionLevel level, String parentCode) {
            this(code, name, level, parentCode, null, null, null);
        }
    }

    @Schema(name = "VillageStatus", description = "村的类别与贫困村状态")
    public record VillageStatus(
            @Schema(description = "VILLAGE 行政村或 COMMUNITY 社区", example = "VILLAGE") @NotNull
            VillageKind villageKind,

            @Schema(description = "是否为贫困村", example = "true") @NotNull
            Boolean povertyVillage,

            @Schema(description = "摘帽（出列）年度，此后为脱贫村；未出列不填", example = "2016") @Min(2000) @Max(2100)
            Integer povertyExitYear,

            @Schema(description = "依据或修改原因，记入区划的变更历史", example = "桂政函〔2017〕12号") @Size(max = 500)
            String reason) {}

    @Schema(name = "DivisionRename", description = "修改区划名称")
    public record Rename(
            @Schema(description = "新名称", example = "同心镇") @NotBlank @Size(max = 100)
            String name) {}

    @Schema(name = "Division", description = "行政区划")
    public record DivisionView(
            @Schema(example = "450422101201") String code,
            @Schema(example = "沙村") String name,
            DivisionLevel level,
            @Schema(example = "450422101") String parentCode,

            @Schema(description = "村：VILLAGE 行政村或 COMMUNITY 社区；其他层级为空")
            VillageKind villageKind,

            @Schema(description = "村：是否为贫困村；其他层级为空") Boolean povertyVillage,

            @Schema(description = "贫困村摘帽（出列）年度；未出列或非贫困村为空", example = "2016")
            Integer povertyExitYear,

            @Schema(description = "版本号，与 ETag 相同", example = "0")
            long version,

            Instant createdAt,
            Instant updatedAt) {

        static DivisionView of(Division division) {
            return new DivisionView(
                    division.code,
                    division.name,
                    division.level,
                    division.parentCode,
                    division.villageKind,
                    division.povertyVillage,
                    division.povertyExitYear,
                    division.version,
                    division.createdAt,
                    division.updatedAt);
        }
    }

    @Schema(name = "DivisionPopulation", description = "区划某年年末的人口基数，贫困发生率等比率的分母")
    public record Population(
            @Schema(description = "年度", example = "2014", readOnly = true)
            Integer year,

            @Schema(description = "户籍人口", example = "26512") @NotNull @Min(0) @Max(100_000_000)
            Integer registeredPopulation,

            @Schema(description = "农业户籍人口", example = "24643") @NotNull @Min(0) @Max(100_000_000)
            Integer agriculturalPopulation,

            @Schema(description = "户数", example = "7174") @NotNull @Min(0) @Max(100_000_000)
            Integer households,

            @Schema(description = "来源或修改原因，记入区划的变更历史", example = "2014 年末公安户籍统计") @Size(max = 500)
            String reason) {}

    @Schema(name = "DivisionRevision", description = "区划变更历史的一条记录")
    public record RevisionView(
            Instant recordedAt,

            @Schema(description = "REGISTER 登记，RENAME 更名，POPULATION 人口基数，IMPORT 导入")
            String operation,

            String actor,
            String reason,
            List<cn.ruralwatch.audit.AuditedChange> changes) {}

    @Schema(name = "DivisionImportResult", description = "区划表导入结果：有效行已登记或更名，无效行逐行列出")
    public record ImportResult(
            @Schema(description = "数据行数") int rows,
            @Schema(description = "新登记") int created,
            @Schema(description = "已更名") int renamed,
            @Schema(description = "未变化") int unchanged,
            @Schema(description = "无效行") List<RowError> errors) {}

    @Schema(name = "DivisionImportError", description = "导入文件中无效的一行")
    public record RowError(
            @Schema(description = "行号（含表头，从 1 开始）") long row,
            @Schema(description = "字段") String field,
            @Schema(description = "原因代码") String code,
            @Schema(description = "原因") String message) {}
}
