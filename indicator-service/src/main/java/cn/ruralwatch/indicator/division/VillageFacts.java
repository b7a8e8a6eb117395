package cn.ruralwatch.indicator.division;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Facts about a village in a year that are not household data: what 十一有一低于 judges besides the households. A fact
 * not known is left out (null), and rules see it as false or 0.
 */
@Schema(name = "VillageFacts", description = "行政村年度情况（非农户数据）：道路、公共服务、集体经济收入、两委班子等")
public record VillageFacts(
        @Schema(description = "有特色产业（“3+1”等）") Boolean specialIndustry,
        @Schema(description = "村委会所在地通硬化路") Boolean roadHardened,
        @Schema(description = "20 户以上自然村（屯）均通硬化路") Boolean hamletRoadsHardened,
        @Schema(description = "通动力电") Boolean powerGrid,

        @Schema(description = "有公共服务设施（村委办公场所、卫生室、文化室、篮球场等）")
        Boolean publicServices,

        @Schema(description = "村委会或学校所在地通宽带") Boolean broadband,

        @Schema(description = "村集体经济年收入（元）", example = "63000.00") @DecimalMin("0") @Digits(integer = 12, fraction = 2)
        BigDecimal collectiveIncome,

        @Schema(description = "“两委”班子评价：GOOD 好，WEAK 软弱涣散") @Pattern(regexp = "GOOD|WEAK")
        String committeeRating,

        @Schema(description = "说明（来源、集体经济收入构成等）", example = "入股养猪场利息 0.1 万元，清理合同收入 5 万元，山林收入 1.2 万元") @Size(max = 2000)
        String note) {}
