package cn.ruralwatch.household.division;

import java.util.Optional;

/** Levels of the division tree and the length of their codes. */
public enum DivisionLevel {
    /** 县 */
    COUNTY(6),
    /** 乡镇/街道 */
    TOWNSHIP(9),
    /** 行政村/社区 */
    VILLAGE(12),
    /** 自然村/屯: the village's code and three digits of its own */
    HAMLET(15);

    private final int codeLength;

    DivisionLevel(int codeLength) {
        this.codeLength = codeLength;
    }

    public int codeLength() {
        return codeLength;
    }

    /** The level a child of this level has, if any. */
    public Optional<DivisionLevel> childLevel() {
        return switch (this) {
            case COUNTY -> Optional.of(TOWNSHIP);
            case TOWNSHIP -> Optional.of(VILLAGE);
            case VILLAGE -> Optional.of(HAMLET);
            case HAMLET -> Optional.empty();
        };
    }

    /** The level of a code of that length, if any. */
    public static Optional<DivisionLevel> ofCode(String code) {
        if (code == null || !code.matches("[0-9]+")) {
            return Optional.empty();
        }
        for (DivisionLevel level : values()) {
            if (level.codeLength == code.length()) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }

    /** Whether a code prefix designates a division households live in (6, 9 or 12 digits). */
    public static boolean isDivisionCode(String code) {
        return code != null && code.matches("[0-9]{6}|[0-9]{9}|[0-9]{12}");
    }
}
