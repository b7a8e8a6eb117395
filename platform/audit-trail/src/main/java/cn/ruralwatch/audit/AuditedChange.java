package cn.ruralwatch.audit;

import java.util.Objects;

/**
 * One field of an audited change. Personal numbers go in masked ({@code PersonalDataKind.mask}), never in full.
 *
 * @param field the field's name in the API, e.g. {@code members[0].idNumber}
 * @param oldValue the value before; {@code null} on creation
 * @param newValue the value after; {@code null} on deletion
 */
public record AuditedChange(String field, String oldValue, String newValue) {

    public static AuditedChange created(String field, Object value) {
        return new AuditedChange(field, null, text(value));
    }

    public static AuditedChange changed(String field, Object oldValue, Object newValue) {
        return new AuditedChange(field, text(oldValue), text(newValue));
    }

    /**
     * A field named without its values: one read in full (its value is not repeated in the audit log), or one changed
     * in a revision that holds its old and new values.
     */
    public static AuditedChange named(String field) {
        return new AuditedChange(field, null, null);
    }

    /** Whether the value differs before and after (not a bean property: it is not serialized). */
    public boolean altersValue() {
        return !Objects.equals(oldValue, newValue);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
