package cn.ruralwatch.events;

/**
 * {@code division.population-set.v1}: a division's population bases of a year were set or corrected (户籍人口, 农业户籍人口,
 * 户数), the denominators of rates such as 贫困发生率. Key: the division code.
 */
public record DivisionPopulationSet(
        String code, int year, int registeredPopulation, int agriculturalPopulation, int households)
        implements HouseholdEvent {}
