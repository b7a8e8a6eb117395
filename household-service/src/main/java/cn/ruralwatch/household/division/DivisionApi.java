package cn.ruralwatch.household.division;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the division endpoints. */
public final class DivisionApi {

    private DivisionApi() {}

    @Schema(name = "DivisionRegistration", description = "登记行政区划：县 6 位、乡镇 9 位、行政村 12 位代码，下级代码以上级代码开头")
    public record Registration(
            @Schema(description = "区划代码", example = "450422101201")
            @NotBlank
            @Pattern(regexp = "[0-9]{6}|[0-9]{9}|[0-9]{12}", message = "{ruralwatch.division.code}")
            String code,

            @Schema(description = "名称", example = "同心镇沙村") @NotBlank @Size(max = 100)
            String name,

            @Schema(description = "层级：COUNTY 县、TOWNSHIP 乡镇、VILLAGE 行政村", example = "VILLAGE") @NotNull
            DivisionLevel level,

            @Schema(description = "上级区划代码（县级不填）", example = "450422101")
            String parentCode) {}

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
                    division.version,
                    division.createdAt,
                    division.updatedAt);
        }
    }
}
