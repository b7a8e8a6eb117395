package cn.ruralwatch.household.division;

import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Levels of the division tree and the length of their codes: the prefix of the statistical division code that names
 * the division (a province 45, a city 4504, a county 450422), so a region holds every code starting with its own.
 */
@Schema(description = "行政区划层级")
public enum DivisionLevel {
    /** 省（自治区） */
    PROVINCE(2),
    /** 市（州） */
    CITY(4),
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
            case PROVINCE -> Optional.of(CITY);
            case CITY -> Optional.of(COUNTY);
            case COUNTY -> Optional.of(TOWNSHIP);
            case TOWNSHIP -> Optional.of(VILLAGE);
            case VILLAGE -> Optional.of(HAMLET);
            case HAMLET -> Optional.empty();
        };
    }

    /**
     * Whether a division of this level may stand without a registered parent: a province, and a city or county whose
     * province or city the deployment does not keep (a county's own deployment starts at the county).
     */
    public boolean parentOptional() {
        return this == PROVINCE || this == CITY || this == COUNTY;
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
