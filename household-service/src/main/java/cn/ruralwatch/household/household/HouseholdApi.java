package cn.ruralwatch.household.household;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the household endpoints. */
public final class HouseholdApi {

    private HouseholdApi() {}

    @Schema(name = "HouseholdRegistration", description = "登记农户及其家庭成员")
    public record Registration(
            @Schema(description = "所在行政村代码（12 位）", example = "450422101201")
            @NotBlank
            @Pattern(regexp = "[0-9]{12}", message = "{ruralwatch.village-code}")
            String villageCode,

            @Schema(description = "家庭成员，必须有且只有一名户主") @NotEmpty @Size(max = 30)
            List<@Valid @NotNull MemberRegistration> members,

            @Schema(description = "联系电话（加密存储，按角色脱敏显示）", example = "13812345678")
            @Pattern(regexp = "1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8}", message = "{ruralwatch.phone}")
            String phone,

            @Schema(description = "补贴发放的一卡通银行账号（加密存储，按角色脱敏显示）", example = "6228480012345678901")
            @Pattern(regexp = "[0-9]{12,30}", message = "{ruralwatch.bank-account}")
            String bankAccount) {}

    @Schema(name = "IdNumberLookup", description = "按身份证号精确查找农户（身份证号放在请求体中，不出现在网址和日志里）")
    public record IdNumberLookup(
            @Schema(description = "身份证号", example = "450422199001011234")
            @NotBlank
            @Pattern(regexp = "[0-9]{17}[0-9Xx]", message = "{ruralwatch.id-number.format}")
            String idNumber) {}

    @Schema(name = "MemberRegistration", description = "家庭成员")
    public record MemberRegistration(
            @Schema(description = "姓名", example = "韦某某") @NotBlank @Size(max = 50)
            String name,

            @Schema(description = "身份证号（18 位，末位为 ISO 7064 校验位）", example = "450422199001011234")
            @NotBlank
            @Pattern(regexp = "[0-9]{17}[0-9Xx]", message = "{ruralwatch.id-number.format}")
            String idNumber,

            @Schema(description = "与户主关系", example = "HEAD") @NotNull
            Relation relation,

            @Schema(description = "城乡居民基本医疗保险参保状态，不填为 UNKNOWN（未核实）", example = "ENROLLED")
            MedicalInsurance medicalInsurance) {}

    @Schema(name = "Household", description = "农户。电话和银行账号对无权查看完整信息的角色脱敏显示")
    public record HouseholdView(
            UUID id,
            @Schema(example = "450422101201") String villageCode,
            @Schema(description = "联系电话，脱敏时如 138****5678") String phone,

            @Schema(description = "一卡通银行账号，脱敏时如 6228***********8901")
            String bankAccount,

            List<MemberView> members,
            @Schema(description = "版本号，与 ETag 相同") long version,
            Instant registeredAt) {}

    @Schema(name = "Member", description = "家庭成员")
    public record MemberView(
            UUID id,
            String name,

            @Schema(description = "身份证号，脱敏时如 450422********123X")
            String idNumber,

            Relation relation,
            Sex sex,
            LocalDate birthDate,
            MedicalInsurance medicalInsurance) {}

    @Schema(name = "HouseholdSummary", description = "农户列表中的一行")
    public record HouseholdSummary(
            UUID id,
            @Schema(example = "450422101201") String villageCode,
            @Schema(description = "户主姓名") String headName,
            @Schema(description = "人口数") int memberCount,
            Instant registeredAt) {

        static HouseholdSummary of(Household household) {
            return new HouseholdSummary(
                    household.id,
                    household.villageCode,
                    household.head().name,
                    household.members.size(),
                    household.registeredAt);
        }
    }
}
