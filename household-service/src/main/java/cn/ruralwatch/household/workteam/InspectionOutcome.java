package cn.ruralwatch.household.workteam;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What followed an inspection of a work team (seed 003: 工作不力、作风不实的工作队予以通报批评, 获得表扬的年终考核加分). A
 * reprimand names what was found; a recall names the member recalled.
 */
@Schema(description = "驻村工作队督查的处理结果")
public enum InspectionOutcome {
    NO_ISSUES("未发现问题"),
    COMMENDED("表扬"),
    CRITICIZED("通报批评"),
    ADMONISHED("约谈"),
    RECALLED("召回");

    private final String label;

    InspectionOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean reprimand() {
        return this == CRITICIZED || this == ADMONISHED || this == RECALLED;
    }
}
