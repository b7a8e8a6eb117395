package cn.ruralwatch.household.monitoring;

import cn.ruralwatch.http.Attachment;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One review step as recorded: who, when, with what outcome and documents. */
@Embeddable
public class CaseStep {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReviewStep step;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public StepOutcome outcome;

    @Column(nullable = false)
    public String actor;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "performed_on", nullable = false)
    public LocalDate performedOn;

    public String note;

    @Column(name = "notice_from")
    public LocalDate noticeFrom;

    @Column(name = "notice_to")
    public LocalDate noticeTo;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Attachment> attachments = new ArrayList<>();
}
