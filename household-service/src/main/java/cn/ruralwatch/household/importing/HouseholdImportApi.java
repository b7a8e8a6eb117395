package cn.ruralwatch.household.importing;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the import endpoints. */
public final class HouseholdImportApi {

    private HouseholdImportApi() {}

    @Schema(name = "HouseholdImport", description = "农户批量导入任务。文件在后台逐块校验入库，进度随时可查")
    public record ImportView(
            UUID id,

            @Schema(description = "文件名", example = "城厢镇农户信息.xlsx")
            String fileName,

            @Schema(description = "CSV 或 XLSX") ImportFormat format,
            @Schema(description = "文件大小（字节）") long fileSize,

            @Schema(description = "文件的 SHA-256；同一区域再次导入同一文件返回同一任务")
            String fileSha256,

            @Schema(description = "提交人的行政区划，文件中的农户必须在其中") String division,
            @Schema(description = "导入原因，记入每户的变更历史") String reason,
            @Schema(description = "提交人") String requestedBy,

            @Schema(description = "QUEUED 排队中，RUNNING 导入中，COMPLETED 已完成，FAILED 失败（文件无法读完；已入库的保留），CANCELLED 已取消（已入库的保留）")
            ImportStatus status,

            @Schema(description = "数据行数（不含表头），开始导入时统计") Integer totalRows,
            @Schema(description = "已处理的数据行数") int processedRows,
            @Schema(description = "新登记的农户数") int householdsCreated,
            @Schema(description = "按身份证号找到并更新的已登记农户数") int householdsUpdated,
            @Schema(description = "已登记且内容无变化的农户数") int householdsUnchanged,
            @Schema(description = "有错误未入库的农户数（每户的错误见错误清单）") int householdsRejected,
            @Schema(description = "未入库的数据行数") int rowsRejected,
            @Schema(description = "入库（新登记或更新）的成员数") int membersStored,

            @Schema(description = "错误过多时未逐条列出的错误数（错误清单只列前 10000 条）")
            int errorsNotListed,

            @Schema(description = "失败原因") String failure,
            Instant createdAt,
            Instant startedAt,
            Instant finishedAt) {}

    @Schema(name = "HouseholdImportError", description = "导入文件中的一处错误")
    public record ErrorView(
            @Schema(description = "行号（表头为第 1 行）", example = "12")
            int row,

            @Schema(description = "户编号", example = "H0003") String householdRef,
            @Schema(description = "列名", example = "证件号码") String column,

            @Schema(description = "对应的登记字段", example = "members[1].idNumber")
            String field,

            @Schema(description = "错误代码", example = "CHECK_DIGIT")
            String code,

            @Schema(description = "错误说明") String message) {}
}
