package cn.ruralwatch.household.workteam;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.audit.AuditTrail;
import cn.ruralwatch.audit.AuditedChange;
import cn.ruralwatch.events.AuditAction;
import cn.ruralwatch.events.EventTypes;
import cn.ruralwatch.events.GuidanceNoticeIssued;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.household.division.Division;
import cn.ruralwatch.household.household.DateRules;
import cn.ruralwatch.messaging.Outbox;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.Violation;
import cn.ruralwatch.time.ChinaTime;
import com.github.f4b6a3.uuid.UuidCreator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * 每月工作提示: the notices a township or the county issues every month to its villages and work teams (seed 003:
 * 每月下发工作提示和学习清单到村). A region issues a title once a month.
 */
@ApplicationScoped
@Transactional
public class GuidanceNoticeService {

    static final String NOTICE = "guidance-notice";

    @Inject
    Clock clock;

    @Inject
    EntityManager entityManager;

    @Inject
    CallerScope scope;

    @Inject
    WorkTeamService teams;

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    public GuidanceNotice issue(WorkTeamApi.NoticeRequest request) {
        Division region = teams.region(request.regionCode(), "regionCode");
        YearMonth month = YearMonth.parse(request.month());
        List<Violation> violations = new ArrayList<>();
        LocalDate today = ChinaTime.today(clock);
        DateRules.notFuture("issuedOn", request.issuedOn(), today, violations);
        if (month.isAfter(YearMonth.from(today).plusMonths(1))) {
            violations.add(Violation.of("month", "FUTURE", "guidance-notice.month.future", month, today));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        String title = request.title().trim();
        entityManager
                .createQuery(
                        "select n.id from GuidanceNotice n where n.regionCode = :region and n.month = :month"
                                + " and n.title = :title",
                        UUID.class)
                .setParameter("region", region.code)
                .setParameter("month", month.atDay(1))
                .setParameter("title", title)
                .getResultStream()
                .findFirst()
                .ifPresent(existing -> {
                    throw ProblemException.conflict("guidance-notice.exists", region.code, month, existing);
                });
        GuidanceNotice notice = new GuidanceNotice();
        notice.id = UuidCreator.getTimeOrderedEpoch();
        notice.regionCode = region.code;
        notice.month = month.atDay(1);
        notice.issuedOn = request.issuedOn();
        notice.issuingOffice = request.issuingOffice().trim();
        notice.title = title;
        notice.items =
                new ArrayList<>(request.items().stream().map(String::trim).toList());
        notice.recordedBy = scope.subject();
        notice.recordedAt = clock.instant();
        entityManager.persist(notice);
        entityManager.flush();
        outbox.publish(
                Topics.HOUSEHOLD_EVENTS,
                NOTICE,
                notice.id.toString(),
                EventTypes.GUIDANCE_NOTICE_ISSUED,
                new GuidanceNoticeIssued(
                        notice.id.toString(),
                        notice.regionCode,
                        month.toString(),
                        notice.issuedOn,
                        notice.items.size(),
                        notice.recordedAt));
        audit.changed(
                AuditAction.CREATE,
                NOTICE,
                notice.id.toString(),
                notice.regionCode,
                List.of(
                        AuditedChange.created("month", month),
                        AuditedChange.created("issuedOn", notice.issuedOn),
                        AuditedChange.created("issuingOffice", notice.issuingOffice),
                        AuditedChange.created("title", notice.title),
                        AuditedChange.created("items", notice.items)));
        return notice;
    }

    /** The notice of the caller's region or of a region holding it (a village sees its township's); any other 404. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public GuidanceNotice get(UUID id) {
        GuidanceNotice notice = entityManager.find(GuidanceNotice.class, id);
        if (notice == null || !scope.overlaps(notice.regionCode)) {
            throw ProblemException.notFound("guidance-notice.not-found", id);
        }
        return notice;
    }
}
