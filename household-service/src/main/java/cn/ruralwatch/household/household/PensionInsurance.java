package cn.ruralwatch.household.household;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * 城乡居民基本养老保险 of a member. The reports count three figures over those who should be insured (应录入 = 应参保):
 * 已录入 (entered in the insurance system: {@link #ENTERED}, {@link #ENROLLED}, {@link #RECEIVING}), 已参保
 * ({@link #ENROLLED}, {@link #RECEIVING}) and 已发放养老金 ({@link #RECEIVING}).
 */
@Schema(description = "城乡居民基本养老保险参保情况")
public enum PensionInsurance {
    /** 已录入社保系统，尚未参保缴费 */
    ENTERED,
    /** 已参保（缴费中） */
    ENROLLED,
    /** 已领取养老金 */
    RECEIVING,
    /** 未参保（未录入） */
    NOT_ENROLLED,
    /** 未核实 */
    UNKNOWN
}
