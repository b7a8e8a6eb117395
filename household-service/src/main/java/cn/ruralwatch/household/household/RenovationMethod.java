package cn.ruralwatch.household.household;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How a household's housing is made safe (危房改造的方式), as the reports plan and count it. */
@Schema(description = "危房改造方式")
public enum RenovationMethod {
    /** 新建（拆除重建） */
    NEW_BUILD,
    /** 维修加固 */
    REPAIR,
    /** 购置 */
    PURCHASE,
    /** 扩建 */
    EXTENSION,
    /** 易地扶贫搬迁 */
    RELOCATION
}
