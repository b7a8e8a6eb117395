package cn.ruralwatch.events;

/** {@code division.renamed.v1}: a division's name changed. Key: the division code. */
public record DivisionRenamed(String code, String name) implements HouseholdEvent {}
