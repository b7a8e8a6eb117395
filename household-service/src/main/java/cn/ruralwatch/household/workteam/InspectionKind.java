package cn.ruralwatch.household.workteam;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How a work team was inspected. */
@Schema(description = "驻村工作队督查类别")
public enum InspectionKind {
    SUPERVISION("督查"),
    SPOT_CHECK("抽查");

    private final String label;

    InspectionKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
