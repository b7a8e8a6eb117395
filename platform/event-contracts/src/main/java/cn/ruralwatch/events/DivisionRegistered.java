package cn.ruralwatch.events;

/** {@code division.registered.v1}: a county, township or village was registered. Key: the division code. */
public record DivisionRegistered(String code, String name, String level, String parentCode) implements HouseholdEvent {}
