package cn.ruralwatch.household.workteam;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a village lacks: a work team at all, or a current 第一书记 on its team. */
@Schema(description = "行政村驻村帮扶力量的缺口")
public enum WorkTeamGap {
    TEAM,
    FIRST_SECRETARY
}
