package cn.ruralwatch.household.household;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How far a renovation (or relocation build) has come, in the words the township reports name each household's stage
 * with (seed 000: 已挖地基, 已倒地梁, 已倒楼面, 已倒柱, 已倒桩, 已完成; 已倒地基).
 */
@Schema(description = "危房改造进度")
public enum RenovationStage {
    /** 已挖地基 */
    FOUNDATION_DUG,
    /** 已倒桩 */
    PILES_POURED,
    /** 已倒地基 */
    FOUNDATION_POURED,
    /** 已倒地梁 */
    GROUND_BEAMS_POURED,
    /** 已倒柱 */
    COLUMNS_POURED,
    /** 已倒楼面 */
    FLOOR_POURED,
    /** 已完成 */
    COMPLETED
}
