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
            List<@Valid @NotNull MemberRegistration> members) {}

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

    @Schema(name = "Household", description = "农户")
    public record HouseholdView(
            UUID id,
            @Schema(example = "450422101201") String villageCode,
            List<MemberView> members,
            @Schema(description = "版本号，与 ETag 相同") long version,
            Instant registeredAt) {

        static HouseholdView of(Household household) {
            return new HouseholdView(
                    household.id,
                    household.villageCode,
                    household.members.stream().map(MemberView::of).toList(),
                    household.version,
                    household.registeredAt);
        }
    }

    @Schema(name = "Member", description = "家庭成员")
    public record MemberView(
            UUID id,
            String name,
            String idNumber,
            Relation relation,
            Sex sex,
            LocalDate birthDate,
            MedicalInsurance medicalInsurance) {

        static MemberView of(Member member) {
            return new MemberView(
                    member.id,
                    member.name,
                    member.idNumber,
                    member.relation,
                    member.sex,
                    member.birthDate,
                    member.medicalInsurance);
        }
    }

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
