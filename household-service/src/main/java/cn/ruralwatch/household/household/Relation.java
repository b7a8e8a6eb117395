package cn.ruralwatch.household.household;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 与户主关系: relation of a member to the head of the household. */
@Schema(description = "与户主关系")
public enum Relation {
    /** 户主 */
    HEAD,
    /** 配偶 */
    SPOUSE,
    /** 之子 */
    SON,
    /** 之女 */
    DAUGHTER,
    /** 之儿媳 */
    DAUGHTER_IN_LAW,
    /** 之女婿 */
    SON_IN_LAW,
    /** 之孙子 */
    GRANDSON,
    /** 之孙女 */
    GRANDDAUGHTER,
    /** 之父 */
    FATHER,
    /** 之母 */
    MOTHER,
    /** 之祖父 */
    GRANDFATHER,
    /** 之祖母 */
    GRANDMOTHER,
    /** 兄弟姐妹 */
    SIBLING,
    /** 其他 */
    OTHER
}
