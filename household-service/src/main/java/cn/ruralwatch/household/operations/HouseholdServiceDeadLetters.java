package cn.ruralwatch.household.operations;

import cn.ruralwatch.deadletters.DeadLetterResource;
import jakarta.ws.rs.Path;

/** The dead letters of household-service's consumers, for operators (platform/dead-letters). */
@Path("/api/v1/dead-letters/household-service")
public class HouseholdServiceDeadLetters extends DeadLetterResource {}
