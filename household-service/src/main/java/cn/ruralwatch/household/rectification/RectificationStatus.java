package cn.ruralwatch.household.rectification;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where the rectification of a problem stands; {@link #RECTIFIED} only with evidence and a day. */
@Schema(description = "问题整改状态")
public enum RectificationStatus {
    OPEN("未整改"),
    IN_PROGRESS("整改中"),
    RECTIFIED("已完成整改");

    private final String label;

    RectificationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
