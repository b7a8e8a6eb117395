package cn.ruralwatch.household.household;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 五种特殊情形: why a child of compulsory-school age is not counted as out of school. */
@Schema(description = "五种特殊情形（未在校的适龄儿童）")
public enum SpecialSchoolingCase {
    /** 重度残疾无法就学 */
    SEVERE_DISABILITY,
    /** 有自残或暴力倾向 */
    SELF_HARM_OR_VIOLENCE,
    /** 怀孕 */
    PREGNANCY,
    /** 经司法劝返无效 */
    JUDICIAL_PERSUASION_FAILED,
    /** 失踪失联 */
    MISSING
}
