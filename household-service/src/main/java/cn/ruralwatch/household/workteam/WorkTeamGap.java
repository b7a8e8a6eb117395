package cn.ruralwatch.household.workteam;

/** What a village lacks: a work team at all, or a current 第一书记 on its team. */
public enum WorkTeamGap {
    TEAM,
    FIRST_SECRETARY
}
