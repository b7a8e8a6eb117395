package cn.ruralwatch.report.operations;

import cn.ruralwatch.deadletters.DeadLetterResource;
import jakarta.ws.rs.Path;

/** The dead letters of report-service's consumers, for operators (platform/dead-letters). */
@Path("/api/v1/dead-letters/report-service")
public class ReportServiceDeadLetters extends DeadLetterResource {}
