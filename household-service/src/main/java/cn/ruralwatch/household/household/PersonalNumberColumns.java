package cn.ruralwatch.household.household;

import cn.ruralwatch.personal.PersonalDataKind;
import cn.ruralwatch.personal.PersonalDataProtector;
import io.quarkus.arc.Arc;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * The columns that hold personal numbers, as the entities map them: an entity holds the number itself, the column only
 * ever its ciphertext (<code>{cipher}:{key id}:{nonce, ciphertext, tag}</code>, {@link PersonalDataProtector}). A
 * number is encrypted when it is written and decrypted when it is read, by the mapping, so no code path can store one
 * in the clear or forget to decrypt it; a value written under a retired key is read as well.
 */
public final class PersonalNumberColumns {

    private PersonalNumberColumns() {}

    /** 身份证号 */
    @Converter
    public static final class IdNumber extends Column {
        public IdNumber() {
            super(PersonalDataKind.ID_NUMBER);
        }
    }

    /** 联系电话 */
    @Converter
    public static final class Phone extends Column {
        public Phone() {
            super(PersonalDataKind.PHONE);
        }
    }

    /** 一卡通银行账号 */
    @Converter
    public static final class BankAccount extends Column {
        public BankAccount() {
            super(PersonalDataKind.BANK_ACCOUNT);
        }
    }

    public abstract static class Column implements AttributeConverter<String, String> {

        private final PersonalDataKind kind;

        Column(PersonalDataKind kind) {
            this.kind = kind;
        }

        @Override
        public String convertToDatabaseColumn(String number) {
            return number == null ? null : protector().encrypt(kind, number);
        }

        @Override
        public String convertToEntityAttribute(String stored) {
            return stored == null ? null : protector().decrypt(kind, stored);
        }

        /** The service's protector: the mapping creates converters itself, outside of injection. */
        private static PersonalDataProtector protector() {
            return Arc.container().instance(PersonalDataProtector.class).get();
        }
    }
}
