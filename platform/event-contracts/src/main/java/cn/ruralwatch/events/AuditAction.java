package cn.ruralwatch.events;

/** What an audit entry records: the {@code action} of {@link AuditRecorded}. */
public enum AuditAction {
    /** 新增 */
    CREATE,
    /** 修改 */
    UPDATE,
    /** 删除 */
    DELETE,
    /** 查看完整个人信息（身份证号、电话、银行账号未脱敏） */
    READ_UNMASKED,
    /** 导出：个人信息以文件形式离开系统（如一户一册） */
    EXPORT
}
