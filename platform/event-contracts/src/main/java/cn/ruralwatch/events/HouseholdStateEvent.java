package cn.ruralwatch.events;

/** An event about one household that carries the household's state after it. */
public sealed interface HouseholdStateEvent extends HouseholdEvent
        permits HouseholdRegistered,
                HouseholdChanged,
                MemberAdded,
                MemberRemoved,
                HouseholdCategoryChanged,
                RiskEliminated {

    HouseholdState household();
}
