package cn.ruralwatch.events;

/**
 * {@code village.status-set.v1}: a village's kind and poverty-village status were set: 行政村 or 社区, whether it was a
 * 贫困村, and the year it exited (摘帽/出列, a 脱贫村 since). Key: the village code.
 */
public record VillageStatusSet(String code, String villageKind, boolean povertyVillage, Integer povertyExitYear)
        implements HouseholdEvent {}
