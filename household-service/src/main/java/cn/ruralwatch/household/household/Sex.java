package cn.ruralwatch.household.household;

/** 性别, as encoded in the ID number. */
public enum Sex {
    MALE,
    FEMALE
}
