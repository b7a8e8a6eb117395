package cn.ruralwatch.events;

/**
 * {@code division.registered.v1}: a province, city, county, township, village or natural village was registered. Key:
 * the division code.
 *
 * @param villageKind a village's kind: {@code VILLAGE} 行政村 or {@code COMMUNITY} 社区 ({@code null} for other levels)
 * @param povertyVillage whether the village was a 贫困村 ({@code null} for other levels)
 * @param povertyExitYear the year the 贫困村 exited poverty (摘帽/出列), a 脱贫村 since; {@code null} while not exited
 */
public record DivisionRegistered(
        String code,
        String name,
        String level,
        String parentCode,
        String villageKind,
        Boolean povertyVillage,
        Integer povertyExitYear)
        implements HouseholdEvent {

    /** A division without village status (any level but a village, or a village registered before it was kept). */
    public DivisionRegistered(String code, String name, String level, String parentCode) {
        this(code, name, level, parentCode, null, null, null);
    }
}
