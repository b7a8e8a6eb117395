package cn.ruralwatch.fund.benefit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 务工地点, by the names household-service gives them in household-events. */
@Schema(description = "务工地点：IN_COUNTY 县内，IN_PROVINCE 县外省内，OUT_OF_PROVINCE 省外")
public enum EmploymentLocation {
    IN_COUNTY("县内"),
    IN_PROVINCE("县外省内"),
    OUT_OF_PROVINCE("省外");

    private final String label;

    EmploymentLocation(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
