package cn.ruralwatch.household.cadre;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The households a visit rule covers; a household falls under a rule when it is in any of the rule's groups. */
@Schema(description = "走访要求适用的农户类别")
public enum VisitGroup {
    /** 监测对象（未消除风险） */
    MONITORED_AT_RISK("监测对象（未消除风险）"),
    /** 脱贫户 */
    EXITED("脱贫户"),
    /** 低保户 */
    MINIMUM_LIVING("低保户"),
    /** 特困供养户 */
    EXTREME_POVERTY("特困供养户"),
    /** 有患大病成员的农户 */
    SERIOUS_ILLNESS("有患大病成员的农户"),
    /** 有残疾成员的农户 */
    DISABLED("有残疾成员的农户");

    private final String label;

    VisitGroup(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
