package cn.ruralwatch.household.cadre;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whether a cadre is a household's 帮扶责任人 or its 帮扶联系人; a household has one current cadre of each kind. */
@Schema(description = "帮扶干部类别")
public enum CadreKind {
    RESPONSIBLE("帮扶责任人"),
    CONTACT("帮扶联系人");

    private final String label;

    CadreKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
