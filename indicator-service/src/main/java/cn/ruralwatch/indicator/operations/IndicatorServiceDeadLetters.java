package cn.ruralwatch.indicator.operations;

import cn.ruralwatch.deadletters.DeadLetterResource;
import jakarta.ws.rs.Path;

/** The dead letters of indicator-service's consumers, for operators (platform/dead-letters). */
@Path("/api/v1/dead-letters/indicator-service")
public class IndicatorServiceDeadLetters extends DeadLetterResource {}
