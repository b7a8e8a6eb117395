package cn.ruralwatch.fund.operations;

import cn.ruralwatch.deadletters.DeadLetterResource;
import jakarta.ws.rs.Path;

/** The dead letters of project-fund-service's consumers, for operators (platform/dead-letters). */
@Path("/api/v1/dead-letters/project-fund-service")
public class ProjectFundServiceDeadLetters extends DeadLetterResource {}
