package cn.ruralwatch.household.household;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 性别, as encoded in the ID number. */
@Schema(description = "性别")
public enum Sex {
    MALE,
    FEMALE
}
