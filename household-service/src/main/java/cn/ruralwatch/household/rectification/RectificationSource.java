package cn.ruralwatch.household.rectification;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where a problem to rectify came from (seed 003: 省后评估反馈问题, 国家考核评估反馈问题, 专项整治中自查自纠和督查发现的问题;
 * seed 000: 中央巡视组专项巡视反馈意见).
 */
@Schema(description = "整改问题的来源")
public enum RectificationSource {
    PROVINCIAL_POST_ASSESSMENT("省级后评估"),
    NATIONAL_POST_ASSESSMENT("国家后评估"),
    SPECIAL_CAMPAIGN("专项行动"),
    INSPECTION("督查"),
    INSPECTION_TOUR("巡视巡察"),
    SELF_CHECK("自查自纠");

    private final String label;

    RectificationSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
