package cn.ruralwatch.household.cadre;

/** Whether a cadre is a household's 帮扶责任人 or its 帮扶联系人; a household has one current cadre of each kind. */
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
