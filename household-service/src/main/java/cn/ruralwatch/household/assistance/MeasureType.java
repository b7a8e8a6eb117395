package cn.ruralwatch.household.assistance;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 帮扶措施类型 (一户一策). */
@Schema(description = "帮扶措施类型")
public enum MeasureType {
    /** 产业帮扶 */
    INDUSTRY,
    /** 就业帮扶 */
    EMPLOYMENT,
    /** 教育帮扶（雨露计划等） */
    EDUCATION,
    /** 健康帮扶 */
    HEALTH,
    /** 住房安全保障（危房改造） */
    HOUSING,
    /** 低保、特困等兜底保障 */
    SAFETY_NET,
    /** 小额信贷 */
    MICROCREDIT,
    /** 公益性岗位 */
    PUBLIC_WELFARE_JOB,
    /** 其他 */
    OTHER
}
