package cn.ruralwatch.household.household;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 住房安全等级 (房屋安全性鉴定): A and B are safe, C and D are dangerous housing. */
@Schema(description = "住房安全等级（C、D 级为危房）")
public enum HousingSafetyGrade {
    /** A 级 */
    A,
    /** B 级 */
    B,
    /** C 级（局部危房） */
    C,
    /** D 级（整栋危房） */
    D
}
