package cn.ruralwatch.personal;

/**
 * The kinds of personal numbers the suite protects. Each kind is bound into its ciphertexts (as associated data) and
 * into its look-up hashes, so a value of one kind cannot be passed off as another.
 */
public enum PersonalDataKind {
    /** 身份证号: {@code 450422********123X}. */
    ID_NUMBER {
        @Override
        public String mask(String value) {
            return keep(value, 6, 4);
        }
    },
    /** 联系电话: {@code 138****5678}. */
    PHONE {
        @Override
        public String mask(String value) {
            return keep(value, 3, 4);
        }
    },
    /** 银行账号（一卡通）: {@code 6228***********1234}. */
    BANK_ACCOUNT {
        @Override
        public String mask(String value) {
            return keep(value, 4, 4);
        }
    },
    /**
     * 含个人信息的整段内容: a message or file that holds personal numbers among other data (a warning clue another
     * system sent, a county's import file). Kept encrypted as a whole; never shown, not even masked.
     */
    DOCUMENT {
        @Override
        public String mask(String value) {
            return value == null ? null : "******";
        }
    };

    /** The value as shown to a caller who may not see it in full. */
    public abstract String mask(String value);

    private static String keep(String value, int head, int tail) {
        if (value == null) {
            return null;
        }
        if (value.length() <= head + tail) {
            // too short to show both ends: only the last two characters remain readable
            int shown = Math.min(2, value.length() / 2);
            return "*".repeat(value.length() - shown) + value.substring(value.length() - shown);
        }
        return value.substring(0, head)
                + "*".repeat(value.length() - head - tail)
                + value.substring(value.length() - tail);
    }
}
