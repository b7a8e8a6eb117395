package cn.ruralwatch.household.clue;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a warning clue stands after triage (研判). */
@Schema(description = "预警线索状态")
public enum ClueStatus {
    /** 待研判 */
    NEW,
    /** 与本户近期一条未办结线索重复 */
    DUPLICATE,
    /** 研判后排除 */
    DISMISSED,
    /** 已转入识别流程 */
    ESCALATED
}
