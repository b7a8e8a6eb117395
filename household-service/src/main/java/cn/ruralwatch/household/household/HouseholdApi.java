package cn.ruralwatch.household.household;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Request and response bodies of the household endpoints. The household and member attributes are listed once per
 * document on purpose: each document is what a caller sends or reads, and {@link HouseholdMapper} maps all of them.
 */
public final class HouseholdApi {

    private HouseholdApi() {}

    public static final String MOBILE_OR_LANDLINE = "1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8}";
    static final String ID_NUMBER = "[0-9]{17}[0-9Xx]";

    @Schema(name = "HouseholdRegistration", description = "登记农户及其家庭成员。除行政村和成员外都可以不填，以后再补录")
    public record Registration(
            @Schema(description = "所在行政村代码（12 位）", example = "450422101201")
            @NotBlank
            @Pattern(regexp = "[0-9]{12}", message = "{ruralwatch.village-code}")
            String villageCode,

            @Schema(description = "家庭成员，必须有且只有一名户主") @NotEmpty @Size(max = 30)
            List<@Valid @NotNull MemberRegistration> members,

            @Valid HouseholdAttributes attributes,

            @Schema(description = "监测对象信息（2021 年以来）。已有的监测对象随户登记；新识别的走监测帮扶流程") @Valid
            Monitoring monitoring,

            @Schema(description = "各年度收入") @Size(max = 20) List<@Valid @NotNull IncomeRecord> incomes) {}

    @Schema(
            name = "HouseholdAttributes",
            description = "农户属性。修改时以 JSON Merge Patch（application/merge-patch+json）提交其中要改的部分，null 表示清空")
    public record HouseholdAttributes(
            @Schema(description = "家庭住址", example = "城厢镇凤阁村那勒屯 12 号") @Size(max = 200)
            String address,

            @Schema(description = "联系电话（加密存储，按角色脱敏显示）", example = "13812345678")
            @Pattern(regexp = MOBILE_OR_LANDLINE, message = "{ruralwatch.phone}")
            String phone,

            @Schema(description = "补贴发放的一卡通银行账号（加密存储，按角色脱敏显示）", example = "6228480012345678901")
            @Pattern(regexp = "[0-9]{12,30}", message = "{ruralwatch.bank-account}")
            String bankAccount,

            @Schema(
                    description = "贫困户状态：NOT_POOR 一般农户，NOT_EXITED 建档立卡未脱贫，PLANNED_EXIT 预脱贫，EXITED 脱贫户",
                    example = "EXITED")
            PovertyStatus povertyStatus,

            @Schema(description = "脱贫年度，脱贫户必填", example = "2019") @Min(2014) @Max(2100)
            Integer exitYear,

            @Schema(description = "低保户") Boolean minimumLiving,
            @Schema(description = "特困供养户") Boolean extremePoverty,

            @Schema(description = "住房安全等级 A/B/C/D（C、D 为危房）", example = "B")
            HousingSafetyGrade housingSafetyGrade,

            @Schema(description = "人均住房面积（平方米）", example = "32.5")
            @DecimalMin("0")
            @DecimalMax("1000")
            @Digits(integer = 4, fraction = 2)
            BigDecimal housingAreaPerCapita,

            @Schema(description = "无房户") Boolean noHouse,

            @Schema(description = "危房改造：NONE 无需改造，NEEDED 需改造未开工，IN_PROGRESS 改造中，COMPLETED 已完成")
            HousingRenovation housingRenovation,

            @Valid DrinkingWater drinkingWater,
            @Schema(description = "通生活用电") Boolean electricity,
            @Schema(description = "能看电视或通宽带") Boolean tvBroadband,
            @Schema(description = "通屯道路（路通村屯）") Boolean roadToHamlet,

            @Schema(description = "参与的特色产业（如“5+2”“3+1”产业）", example = "[\"桑蚕\", \"肉牛\"]") @Size(max = 20)
            List<@NotBlank @Size(max = 50) String> industries,

            @Schema(description = "加入的农民专业合作社名称", example = "凤阁村桑蚕专业合作社") @Size(max = 100)
            String cooperative,

            @Schema(description = "有电视机") Boolean television,
            @Schema(description = "有电脑") Boolean computer,
            @Schema(description = "有智能手机") Boolean smartphone,

            @Schema(description = "易地扶贫搬迁户（不填为否）") Boolean relocated,

            @Schema(
                    description = "改造方式：NEW_BUILD 新建，REPAIR 维修加固，PURCHASE 购置，EXTENSION 扩建，RELOCATION 易地扶贫搬迁（仅易地扶贫搬迁户）。"
                            + "无需改造（housingRenovation 为 NONE）时不填")
            RenovationMethod renovationMethod,

            @Schema(description = "改造计划年度（今年计划危改的户按此统计），不能晚于明年", example = "2020") @Min(2014) @Max(2100)
            Integer renovationYear,

            @Schema(
                    description =
                            "改造进度：FOUNDATION_DUG 已挖地基，PILES_POURED 已倒桩，FOUNDATION_POURED 已倒地基，GROUND_BEAMS_POURED 已倒地梁，"
                                    + "COLUMNS_POURED 已倒柱，FLOOR_POURED 已倒楼面，COMPLETED 已完成。开工后填写；"
                                    + "已完成改造时只能是 COMPLETED，改造中不能是 COMPLETED")
            RenovationStage renovationStage,

            @Schema(description = "改造进度说明", example = "已倒地梁，要求 9 月底前完工并入住") @Size(max = 200)
            String renovationProgress) {

        static final HouseholdAttributes NONE = new HouseholdAttributes(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null);
    }

    @Schema(name = "DrinkingWater", description = "饮水安全：水量、水质、用水方便、供水保证率四项均达标即为饮水安全；不填为未核实")
    public record DrinkingWater(
            @Schema(description = "水量达标") Boolean quantity,
            @Schema(description = "水质达标") Boolean quality,
            @Schema(description = "用水方便") Boolean convenience,
            @Schema(description = "供水保证率达标") Boolean supplyGuarantee) {}

    @Schema(name = "Monitoring", description = "监测对象：类别、风险类型、风险状态和识别年度")
    public record Monitoring(
            @Schema(description = "UNSTABLE_EXITED 脱贫不稳定户，EDGE_AT_RISK 边缘易致贫户，SUDDEN_HARDSHIP 突发严重困难户") @NotNull
            MonitoringCategory category,

            @Schema(
                    description =
                            "风险类型：ILLNESS 因病，DISABILITY 因残，EDUCATION 因学，DISASTER 因灾，ACCIDENT 因意外事故，"
                                    + "UNSTABLE_EMPLOYMENT 因务工就业不稳，INDUSTRY_FAILURE 因产业项目失败，HOUSING 住房安全，DRINKING_WATER 饮水安全，OTHER 其他")
            @NotEmpty
            @Size(max = 10)
            List<@NotNull RiskType> riskTypes,

            @Schema(description = "AT_RISK 未消除风险，ELIMINATED 已消除风险") @NotNull
            RiskState riskState,

            @Schema(description = "识别年度（2014 年起：2021 年前识别的边缘户、脱贫不稳定户亦可随户登记）", example = "2022")
            @NotNull
            @Min(2014)
            @Max(2100)
            Integer identifiedYear,

            @Schema(description = "纳入监测日期，不填为识别年度的 1 月 1 日；不能晚于今天，也不能早于识别年度的 1 月 1 日", example = "2022-04-18")
            LocalDate monitoredSince,

            @Schema(description = "风险消除日期（风险消除流程审定后由系统填写；随户登记的已消除风险户不能早于纳入监测日期）", readOnly = true)
            LocalDate riskEliminatedOn) {}

    @Schema(name = "IncomeRecord", description = "一个年度的家庭收入（元）。人均纯收入 =（总收入 − 生产经营费用）÷ 在户人口，由系统计算")
    public record IncomeRecord(
            @Schema(description = "年度", example = "2025") @NotNull @Min(2013) @Max(2100)
            Integer year,

            @Schema(description = "工资性收入", example = "36000.00") @Yuan
            BigDecimal wage,

            @Schema(description = "生产经营性收入", example = "8000.00") @Yuan
            BigDecimal business,

            @Schema(description = "财产性收入", example = "600.00") @Yuan
            BigDecimal property,

            @Schema(description = "转移性收入（低保金、养老金、各类补贴）", example = "3200.00") @Yuan
            BigDecimal transfer,

            @Schema(description = "生产经营费用", example = "2500.00") @Yuan
            BigDecimal productionCosts,

            @Schema(
                    description = "收入核定日期：本年度收入核定的日期，不能晚于今天，也不能早于该年 1 月 1 日；"
                            + "不填为记录之日（金额未变时保留原日期）。风险消除按此日期判断收入是否持续 6 个月高于监测范围",
                    example = "2025-12-20")
            LocalDate assessedOn,

            @Schema(description = "家庭纯收入（计算值，提交时忽略）", readOnly = true)
            BigDecimal netIncome,

            @Schema(description = "人均纯收入（计算值，提交时忽略）", readOnly = true)
            BigDecimal netIncomePerCapita) {}

    @Schema(name = "MemberRegistration", description = "家庭成员。性别和出生日期由身份证号得出；如填写则必须与身份证号一致")
    public record MemberRegistration(
            @Schema(description = "姓名", example = "韦某某") @NotBlank @Size(max = 50)
            String name,

            @Schema(description = "身份证号（18 位，末位为 ISO 7064 校验位）", example = "450422199001011234")
            @NotBlank
            @Pattern(regexp = ID_NUMBER, message = "{ruralwatch.id-number.format}")
            String idNumber,

            @Schema(description = "与户主关系", example = "HEAD") @NotNull
            Relation relation,

            @Schema(description = "性别（可不填，由身份证号得出）") Sex sex,
            @Schema(description = "出生日期（可不填，由身份证号得出）") LocalDate birthDate,
            @Valid MemberAttributes attributes,

            @Schema(
                    description = "仅随户登记时填写：登记前已减员的成员（DEATH 死亡、MARRIAGE_OUT 婚出、MOVE_OUT 迁出），记录保留为已减员，"
                            + "报表中计为“应作为家庭成员自然减少”；户主不能是已减员成员",
                    example = "DEATH")
            MemberChange leftBy,

            @Schema(description = "减员日期，填写 leftBy 时必填，不能晚于今天", example = "2020-03-15")
            LocalDate leftOn) {

        /** A member living in the household. */
        public MemberRegistration(
                String name,
                String idNumber,
                Relation relation,
                Sex sex,
                LocalDate birthDate,
                MemberAttributes attributes) {
            this(name, idNumber, relation, sex, birthDate, attributes, null, null);
        }

        /** Whether the member had left the household before it was registered. */
        public boolean leftBeforeRegistration() {
            return leftBy != null;
        }
    }

    @Schema(
            name = "MemberAttributes",
            description = "家庭成员属性。修改时以 JSON Merge Patch（application/merge-patch+json）提交其中要改的部分，null 表示清空")
    public record MemberAttributes(
            @Schema(description = "劳动能力：ORDINARY 普通劳动力，SKILLED 技能劳动力，WEAK 弱劳动力或半劳动力，LOST 丧失劳动力，NONE 无劳动力")
            LaborAbility laborAbility,

            @Schema(description = "健康状况：HEALTHY 健康，CHRONIC_ILLNESS 长期慢性病，SERIOUS_ILLNESS 患有大病，DISABLED 残疾")
            Health health,

            @Schema(description = "残疾等级 1–4，仅残疾人填写") @Min(1) @Max(4)
            Integer disabilityGrade,

            @Schema(
                    description = "在读或最高学段：PRESCHOOL 学前，PRIMARY 小学，JUNIOR_SECONDARY 初中，SENIOR_SECONDARY 高中或中职，"
                            + "TERTIARY 大专及以上，NONE 未上学")
            EducationStage educationStage,

            @Schema(description = "在校状况：IN_SCHOOL 在校，DROPPED_OUT 辍学或失学，DEFERRED 缓学或免学，NOT_IN_SCHOOL 不在校")
            SchoolingStatus schoolingStatus,

            @Schema(
                    description = "五种特殊情形（未在校的适龄儿童）：SEVERE_DISABILITY 重度残疾无法就学，SELF_HARM_OR_VIOLENCE 有自残或暴力倾向，"
                            + "PREGNANCY 怀孕，JUDICIAL_PERSUASION_FAILED 经司法劝返无效，MISSING 失踪失联")
            SpecialSchoolingCase specialSchoolingCase,

            @Schema(description = "就读地点：IN_COUNTY 县内，OUT_OF_COUNTY 县外（在校时填写）")
            SchoolLocation schoolLocation,

            @Schema(description = "城乡居民基本医疗保险：ENROLLED 已参保，NOT_ENROLLED 未参保，UNKNOWN 未核实（不填）", example = "ENROLLED")
            MedicalInsurance medicalInsurance,

            @Schema(description = "未参加居民医保的原因：ACTIVE_SOLDIER 现役军人，OTHER_INSURANCE 参加其他同类保险，OTHER 其他")
            InsuranceExemption medicalInsuranceExemption,

            @Schema(
                    description = "城乡居民基本养老保险：ENTERED 已录入未参保，ENROLLED 已参保，RECEIVING 已领取养老金，NOT_ENROLLED 未参保（未录入），"
                            + "UNKNOWN 未核实（不填）。已录入 = ENTERED、ENROLLED、RECEIVING；已参保 = ENROLLED、RECEIVING")
            PensionInsurance pensionInsurance,

            @Schema(
                    description = "未参加居民养老保险的原因：ACTIVE_SOLDIER 现役军人，STUDENT 在校学生，OTHER_INSURANCE 参加机关事业单位或企业职工养老保险，"
                            + "LONG_TERM_MIGRANT 长期外出务工，OTHER 其他")
            InsuranceExemption pensionInsuranceExemption,

            @Schema(description = "现役军人") Boolean activeSoldier,

            @Schema(description = "务工地点：IN_COUNTY 县内，IN_PROVINCE 县外省内，OUT_OF_PROVINCE 省外")
            EmploymentLocation employmentLocation,

            @Schema(description = "本年务工月数 0–12") @Min(0) @Max(12)
            Integer employmentMonths,

            @Schema(description = "务工月收入（元）", example = "3500.00") @Yuan(max = "100000")
            BigDecimal employmentMonthlyIncome,

            @Schema(
                    description = "就业类型：MIGRANT_WORK 外出务工，LOCAL_EMPLOYMENT 就近就业，PUBLIC_WELFARE_JOB 公益性岗位，"
                            + "SELF_EMPLOYED 自主创业；填写时须有务工地点，就近就业和公益性岗位在县内")
            EmploymentKind employmentKind,

            @Schema(description = "农业户籍（户口性质为农业）；不填为是。户主为农业户籍的户计为农业户")
            Boolean agriculturalRegistration,

            @Schema(description = "慢病证：NONE 未办（不填），PENDING 待办，ISSUED 已办；健康者不能办理")
            ChronicDiseaseCertificate chronicDiseaseCertificate,

            @Schema(description = "已签约家庭医生（不填为否）") Boolean familyDoctorContract) {

        static final MemberAttributes NONE = new MemberAttributes(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null);
    }

    @Schema(name = "MemberUpdate", description = "修改家庭成员（JSON Merge Patch）：姓名、身份证号更正、与户主关系及各项属性；不能在此变更户主以外的成员为户主")
    public record MemberUpdate(
            @Schema(description = "姓名") @NotBlank @Size(max = 50)
            String name,

            @Schema(description = "身份证号（更正录入错误时修改）")
            @NotBlank
            @Pattern(regexp = ID_NUMBER, message = "{ruralwatch.id-number.format}")
            String idNumber,

            @Schema(description = "与户主关系") @NotNull Relation relation,
            @Valid MemberAttributes attributes,

            @Schema(description = "修改原因，记入变更历史", example = "入户核实更正") @Size(max = 500)
            String reason) {}

    @Schema(name = "HouseholdUpdate", description = "修改农户（JSON Merge Patch）。监测对象类别和风险状态只能通过监测帮扶流程改变")
    public record HouseholdUpdate(
            @Schema(description = "迁到同一县内另一行政村时修改", example = "450422101202")
            @NotBlank
            @Pattern(regexp = "[0-9]{12}", message = "{ruralwatch.village-code}")
            String villageCode,

            @Valid HouseholdAttributes attributes,

            @Schema(description = "修改原因，记入变更历史", example = "危房改造完工，住房安全等级重新鉴定为 B 级") @Size(max = 500)
            String reason) {}

    @Schema(name = "IncomeUpdate", description = "登记或更正一个年度的收入")
    public record IncomeUpdate(
            @NotNull @Valid IncomeRecord income,

            @Schema(description = "修改原因，记入变更历史", example = "年度收入核算") @Size(max = 500)
            String reason) {}

    @Schema(name = "IdNumberLookup", description = "按身份证号精确查找农户（身份证号放在请求体中，不出现在网址和日志里）")
    public record IdNumberLookup(
            @Schema(description = "身份证号", example = "450422199001011234")
            @NotBlank
            @Pattern(regexp = ID_NUMBER, message = "{ruralwatch.id-number.format}")
            String idNumber) {}

    @Schema(name = "Household", description = "农户。电话、银行账号和身份证号对无权查看完整信息的角色脱敏显示")
    public record HouseholdView(
            UUID id,
            @Schema(example = "450422101201") String villageCode,

            @Schema(description = "ACTIVE 正常，MERGED 已并入另一户（见 mergedInto），DISSOLVED 已注销")
            HouseholdStatus status,

            @Schema(description = "并入的农户") UUID mergedInto,
            @Schema(description = "由哪一户分出") UUID splitFrom,
            HouseholdAttributes attributes,
            Monitoring monitoring,

            @Schema(description = "此前的监测经历（早于 monitoring 中的本次），按识别日期排列：录入的历史，或再次识别时保留的上一次")
            List<MonitoringEpisodeView> pastMonitoring,

            @Schema(description = "残疾户（有在户成员残疾）") boolean disabledHousehold,
            @Schema(description = "饮水安全（四项均达标）") boolean drinkingWaterSecured,
            @Schema(description = "农业户（户主为农业户籍）") boolean agriculturalHousehold,
            @Schema(description = "最近年度人均纯收入") BigDecimal netIncomePerCapita,
            List<IncomeRecord> incomes,
            @Schema(description = "在户成员数") int memberCount,
            @Schema(description = "全部成员，含已减员（死亡、婚出、迁出）的成员") List<MemberView> members,
            @Schema(description = "版本号，与 ETag 相同") long version,
            Instant registeredAt,
            Instant updatedAt) {}

    @Schema(name = "MonitoringEpisode", description = "一次已结束的监测经历：识别纳入至风险消除")
    public record MonitoringEpisodeView(
            MonitoringCategory category,
            List<RiskType> riskTypes,

            @Schema(description = "纳入监测日期", example = "2019-06-12")
            LocalDate identifiedOn,

            @Schema(description = "风险消除日期", example = "2020-11-30")
            LocalDate eliminatedOn) {}

    @Schema(name = "PastMonitoringEpisode", description = "录入一次此前的监测经历（如 2019 年识别、2020 年消除风险）：须已消除风险，早于本次监测，且与其他经历不重叠")
    public record PastMonitoring(
            @Schema(example = "EDGE_AT_RISK") @NotNull MonitoringCategory category,

            @Schema(description = "风险类型", example = "[\"ILLNESS\"]") @NotEmpty @Size(max = 10)
            List<@NotNull RiskType> riskTypes,

            @Schema(description = "纳入监测日期（2014 年起）", example = "2019-06-12") @NotNull
            LocalDate identifiedOn,

            @Schema(description = "风险消除日期", example = "2020-11-30") @NotNull
            LocalDate eliminatedOn,

            @Schema(description = "依据（档案、文件），记入变更历史", example = "2019 年边缘户识别档案") @Size(max = 500)
            String reason) {}

    @Schema(name = "Member", description = "家庭成员")
    public record MemberView(
            UUID id,
            String name,

            @Schema(description = "身份证号，脱敏时如 450422********123X")
            String idNumber,

            Relation relation,
            Sex sex,
            LocalDate birthDate,
            @Schema(description = "ACTIVE 在户，REMOVED 已减员") MemberStatus status,

            @Schema(description = "如何进入本户：REGISTRATION 随户登记，BIRTH 出生，MARRIAGE_IN 婚入，MOVE_IN 迁入，SPLIT 分户，MERGE 合户")
            MemberChange joinedBy,

            LocalDate joinedOn,

            @Schema(description = "如何离开本户：DEATH 死亡，MARRIAGE_OUT 婚出，MOVE_OUT 迁出，SPLIT 分户，MERGE 合户")
            MemberChange leftBy,

            LocalDate leftOn,
            MemberAttributes attributes) {}

    @Schema(name = "HouseholdSummary", description = "农户列表中的一行")
    public record HouseholdSummary(
            UUID id,
            @Schema(example = "450422101201") String villageCode,
            @Schema(description = "户主姓名") String headName,
            @Schema(description = "在户人口数") int memberCount,
            HouseholdStatus status,
            PovertyStatus povertyStatus,
            MonitoringCategory monitoringCategory,
            RiskState riskState,
            BigDecimal netIncomePerCapita,
            Instant registeredAt) {}

    @Schema(
            name = "MemberChangeRequest",
            description = "家庭成员自然增减：BIRTH 出生、MARRIAGE_IN 婚入、MOVE_IN 迁入（填写 member）；DEATH 死亡、MARRIAGE_OUT 婚出、"
                    + "MOVE_OUT 迁出（填写 memberId，成员记录保留为已减员）；ENLISTMENT 参军入伍（填写 memberId，成员留在本户，计为现役军人）")
    public record MemberChangeRequest(
            @Schema(description = "变动类型") @NotNull MemberChange change,

            @Schema(description = "变动日期：不能晚于今天，不能早于本户建档之日（登记或分户之日）；减员、入伍不能早于该成员进入本户之日", example = "2026-10-08") @NotNull
            LocalDate effectiveOn,

            @Schema(description = "新增的成员（出生、婚入、迁入）") @Valid MemberRegistration member,
            @Schema(description = "减少或入伍的成员") UUID memberId,
            @Schema(description = "户主减员时新的户主（须是在户成员）") UUID newHeadMemberId,

            @Schema(description = "变动原因或说明，记入变更历史", example = "2026 年 10 月 8 日出生") @Size(max = 500)
            String reason) {}

    @Schema(name = "HeadChange", description = "变更户主：新户主须是在户成员，原户主改为填写的关系")
    public record HeadChange(
            @Schema(description = "新户主") @NotNull UUID memberId,

            @Schema(description = "原户主与新户主的关系", example = "FATHER") @NotNull
            Relation formerHeadRelation,

            @Schema(description = "变更原因，记入变更历史", example = "原户主年迈，由长子任户主") @Size(max = 500)
            String reason) {}

    @Schema(name = "MemberPlacement", description = "分户或合户时一名成员及其在新户中与户主的关系")
    public record MemberPlacement(
            @NotNull UUID memberId, @NotNull Relation relation) {}

    @Schema(name = "HouseholdSplit", description = "分户：部分成员分出另立一户（须有且只有一名户主）。新户沿用原户的属性和监测信息，收入需重新登记")
    public record Split(
            @Schema(description = "分出的成员及其在新户中的关系") @NotEmpty @Size(max = 30)
            List<@Valid @NotNull MemberPlacement> members,

            @Schema(description = "新户所在行政村，不填则与原户相同", example = "450422101201")
            @Pattern(regexp = "[0-9]{12}", message = "{ruralwatch.village-code}")
            String villageCode,

            @Schema(description = "原户户主分出时，留在原户的新户主") UUID remainingHeadMemberId,

            @Schema(description = "分户日期：不能晚于今天，不能早于本户建档之日和分出成员进入本户之日") @NotNull
            LocalDate effectiveOn,

            @Schema(description = "分户原因，记入两户的变更历史", example = "长子结婚后分户") @Size(max = 500)
            String reason) {}

    @Schema(name = "HouseholdMerge", description = "合户：另一户的全部在户成员并入本户，另一户标记为已并入")
    public record Merge(
            @Schema(description = "并入本户的农户") @NotNull UUID householdId,

            @Schema(description = "该户每名在户成员在本户中与户主的关系（不能是户主）") @NotEmpty @Size(max = 30)
            List<@Valid @NotNull MemberPlacement> members,

            @Schema(description = "合户日期：不能晚于今天，不能早于两户建档之日和并入成员进入原户之日") @NotNull
            LocalDate effectiveOn,

            @Schema(description = "合户原因，记入两户的变更历史", example = "老人随子女合户") @Size(max = 500)
            String reason) {}

    @Schema(name = "HouseholdRevision", description = "农户变更历史中的一个版本")
    public record RevisionView(
            @Schema(description = "此次变更后的版本号") long version,
            @Schema(description = "记录时间") Instant recordedAt,
            @Schema(description = "变动生效日期") LocalDate effectiveOn,

            @Schema(
                    description =
                            "操作：REGISTER 登记，UPDATE 修改，MEMBER_UPDATE 修改成员，INCOME 收入，MEMBER_ADDED 增员，MEMBER_REMOVED 减员，"
                                    + "ENLISTMENT 入伍，HEAD_CHANGE 变更户主，SPLIT 分户（原户），SPLIT_FROM 分户（新户），MERGE 合户（本户），MERGED_INTO 合户（并入的户）")
            String operation,

            @Schema(description = "操作人") String actor,
            @Schema(description = "原因") String reason,
            @Schema(description = "变更的字段及新旧值（个人号码脱敏）") List<cn.ruralwatch.audit.AuditedChange> changes) {}

    @Schema(name = "HouseholdSearch", description = "农户查询。条件都可不填，填写的条件同时满足。身份证号放在请求体中，按密钥散列精确匹配，不出现在网址和日志里")
    public record Search(
            @Schema(description = "区划代码（县、乡镇或村），默认为调用者的管辖范围", example = "450422101")
            @Pattern(regexp = "[0-9]{6}|[0-9]{9}|[0-9]{12}", message = "{ruralwatch.division.code}")
            String division,

            @Schema(description = "在户成员姓名（前缀匹配：姓或全名）", example = "韦某") @Size(min = 1, max = 50)
            String name,

            @Schema(description = "在户成员的身份证号（精确匹配）")
            @Pattern(regexp = ID_NUMBER, message = "{ruralwatch.id-number.format}")
            String idNumber,

            @Schema(description = "农户状态，默认 ACTIVE") HouseholdStatus status,
            PovertyStatus povertyStatus,
            @Schema(description = "监测对象类别") MonitoringCategory category,
            @Schema(description = "只查监测对象（任一类别）") Boolean monitored,
            RiskState riskState,
            @Schema(description = "有在户成员具有此劳动能力") LaborAbility laborAbility,
            @Schema(description = "有在户成员具有此健康状况") Health health,

            @Schema(description = "最近年度人均纯收入下限（含）", example = "0") @Yuan(max = "1000000")
            BigDecimal incomeFrom,

            @Schema(description = "最近年度人均纯收入上限（不含）", example = "7500") @Yuan(max = "1000000")
            BigDecimal incomeTo,

            @Schema(description = "排序：REGISTERED_AT 登记时间（默认），INCOME 人均纯收入，VILLAGE 村")
            SearchSort sort,

            @Schema(description = "倒序") Boolean descending,
            @Schema(description = "页码，从 0 开始") Integer page,
            @Schema(description = "每页条数，1–500，默认 20") Integer size) {

        /** Every existing household of the division, oldest first. */
        static Search inDivision(String division) {
            return new Search(
                    division, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        }
    }

    /** How search results are ordered. */
    @Schema(name = "HouseholdSearchSort", description = "农户查询结果的排序")
    public enum SearchSort {
        REGISTERED_AT,
        INCOME,
        VILLAGE
    }
}
