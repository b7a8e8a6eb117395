package cn.ruralwatch.household.division;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a village-level division is. */
@Schema(name = "VillageKind", description = "VILLAGE 行政村，COMMUNITY 社区")
public enum VillageKind {
    /** 行政村 */
    VILLAGE,
    /** 社区 */
    COMMUNITY
}
