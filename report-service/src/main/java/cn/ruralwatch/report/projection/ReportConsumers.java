package cn.ruralwatch.report.projection;

/** Names shared by report-service's consumers. */
final class ReportConsumers {

    /** Inbox consumer name and Kafka consumer group of report-service. */
    static final String NAME = "report-service";

    private ReportConsumers() {}
}
