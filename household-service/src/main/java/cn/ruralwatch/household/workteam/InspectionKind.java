package cn.ruralwatch.household.workteam;

/** How a work team was inspected. */
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
