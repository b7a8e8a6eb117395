package cn.ruralwatch.household.workteam;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A member's place on a village work team; a team has at most one current 第一书记 and one current 队长. */
@Schema(description = "驻村工作队职务")
public enum WorkTeamRole {
    FIRST_SECRETARY("第一书记"),
    LEADER("队长"),
    MEMBER("队员");

    private final String label;

    WorkTeamRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether a team holds one of this role at a time. */
    public boolean single() {
        return this != MEMBER;
    }
}
