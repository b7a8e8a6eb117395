package cn.ruralwatch.events;

import java.util.Objects;

/**
 * {@code household.category-changed.v1}: the county decided to monitor a household (识别纳入监测对象); its state
 * carries the category, risk types and year. Key: the household id.
 */
public record HouseholdCategoryChanged(
        String caseId, String previousCategory, String category, HouseholdState household)
        implements HouseholdStateEvent {

    public HouseholdCategoryChanged {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(household, "household");
    }
}
