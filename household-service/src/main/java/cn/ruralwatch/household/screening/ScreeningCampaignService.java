package cn.ruralwatch.household.screening;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.audit.AuditTrail;
import cn.ruralwatch.audit.AuditedChange;
import cn.ruralwatch.events.AuditAction;
import cn.ruralwatch.events.EventTypes;
import cn.ruralwatch.events.ScreeningCampaignClosed;
import cn.ruralwatch.events.ScreeningCampaignOpened;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.household.clue.ClueCampaigns;
import cn.ruralwatch.household.division.Division;
import cn.ruralwatch.household.division.DivisionLevel;
import cn.ruralwatch.household.household.DateRules;
import cn.ruralwatch.http.EntityTags;
import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.messaging.Outbox;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.ProblemType;
import cn.ruralwatch.problem.Violation;
import cn.ruralwatch.time.ChinaTime;
import com.github.f4b6a3.uuid.UuidCreator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * 集中排查: a township or the county goes through its households over a period. The campaign keeps the number of
 * households the office reports it covered next to the number registered when it was created; the clues found are
 * warning clues carrying the campaign, worked like any other, and the campaign's results are counted from them.
 */
@ApplicationScoped
@Transactional
public class ScreeningCampaignService implements ClueCampaigns {

    static final String CAMPAIGN = "screening-campaign";

    @Inject
    Clock clock;

    @Inject
    EntityManager entityManager;

    @Inject
    CallerScope scope;

    @Inject
    ScreeningQueries queries;

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    public ScreeningCampaign create(ScreeningApi.CampaignRequest request) {
        Division region = region(request.regionCode());
        List<Violation> violations = new ArrayList<>();
        DateRules.notFuture("startsOn", request.startsOn(), ChinaTime.today(clock), violations);
        DateRules.notBefore(
                "endsOn",
                request.endsOn(),
                violations,
                DateRules.Floor.of(request.startsOn(), "BEFORE_START", "screening.ends.before-start"));
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        ScreeningCampaign campaign = new ScreeningCampaign();
        campaign.id = UuidCreator.getTimeOrderedEpoch();
        campaign.regionCode = region.code;
        campaign.name = request.name().trim();
        campaign.startsOn = request.startsOn();
        campaign.endsOn = request.endsOn();
        campaign.householdsCovered = request.householdsCovered();
        campaign.registeredHouseholds = Math.toIntExact(queries.registeredAgriculturalHouseholds(region.code));
        campaign.note = request.note() == null || request.note().isBlank()
                ? null
                : request.note().trim();
        campaign.createdBy = scope.subject();
        campaign.createdAt = clock.instant();
        entityManager.persist(campaign);
        entityManager.flush();
        outbox.publish(
                Topics.HOUSEHOLD_EVENTS,
                CAMPAIGN,
                campaign.id.toString(),
                EventTypes.SCREENING_CAMPAIGN_OPENED,
                new ScreeningCampaignOpened(
                        campaign.id.toString(),
                        campaign.regionCode,
                        campaign.startsOn,
                        campaign.endsOn,
                        campaign.householdsCovered,
                        campaign.registeredHouseholds,
                        campaign.createdAt));
        audit.changed(
                AuditAction.CREATE,
                CAMPAIGN,
                campaign.id.toString(),
                campaign.regionCode,
                List.of(
                        AuditedChange.created("regionCode", campaign.regionCode),
                        AuditedChange.created("name", campaign.name),
                        AuditedChange.created("startsOn", campaign.startsOn),
                        AuditedChange.created("endsOn", campaign.endsOn),
                        AuditedChange.created("householdsCovered", campaign.householdsCovered),
                        AuditedChange.created("registeredHouseholds", campaign.registeredHouseholds)));
        return campaign;
    }

    /**
     * The township or county a campaign covers: outside the caller's region 403 (the caller named it), not a
     * registered township or county 400 naming the field.
     */
    private Division region(String code) {
        if (!scope.covers(code)) {
            throw ProblemException.of(ProblemType.FORBIDDEN, "problem.forbidden.out-of-scope", code, scope.division());
        }
        Division region = entityManager.find(Division.class, code);
        if (region == null) {
            throw ProblemException.invalid(Violation.of("regionCode", "UNKNOWN", "screening.region.unknown", code));
        }
        if (region.level != DivisionLevel.TOWNSHIP && region.level != DivisionLevel.COUNTY) {
            throw ProblemException.invalid(
                    Violation.of("regionCode", "NOT_TOWNSHIP_OR_COUNTY", "screening.region.level", code, region.level));
        }
        return region;
    }

    public ScreeningCampaign close(UUID id, ScreeningApi.ClosureRequest request, String ifMatch) {
        ScreeningCampaign campaign = find(id, LockModeType.PESSIMISTIC_WRITE);
        EntityTags.requireMatch(ifMatch, campaign.version);
        if (campaign.status == CampaignStatus.CLOSED) {
            throw ProblemException.conflict("screening.campaign.closed", campaign.id, campaign.closedOn);
        }
        List<Violation> violations = new ArrayList<>();
        DateRules.within(
                "closedOn",
                request.closedOn(),
                ChinaTime.today(clock),
                violations,
                DateRules.Floor.of(campaign.startsOn, "BEFORE_START", "screening.closed.before-start"));
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        int coveredBefore = campaign.householdsCovered;
        if (request.householdsCovered() != null) {
            campaign.householdsCovered = request.householdsCovered();
        }
        campaign.close(request.closedOn(), scope.subject(), clock.instant());
        entityManager.flush();
        long cluesFound = queries.cluesFound(campaign.id);
        outbox.publish(
                Topics.HOUSEHOLD_EVENTS,
                CAMPAIGN,
                campaign.id.toString(),
                EventTypes.SCREENING_CAMPAIGN_CLOSED,
                new ScreeningCampaignClosed(
                        campaign.id.toString(),
                        campaign.regionCode,
                        campaign.closedOn,
                        campaign.householdsCovered,
                        cluesFound,
                        campaign.closedAt));
        audit.changed(
                AuditAction.UPDATE,
                CAMPAIGN,
                campaign.id.toString(),
                campaign.regionCode,
                List.of(
                        AuditedChange.changed("status", CampaignStatus.OPEN, CampaignStatus.CLOSED),
                        AuditedChange.created("closedOn", campaign.closedOn),
                        AuditedChange.changed("householdsCovered", coveredBefore, campaign.householdsCovered)));
        return campaign;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ScreeningCampaign get(UUID id) {
        return find(id, LockModeType.NONE);
    }

    /** The campaign in the caller's region (a county's campaign is seen by the county's callers); any other 404. */
    private ScreeningCampaign find(UUID id, LockModeType lock) {
        ScreeningCampaign campaign = entityManager.find(ScreeningCampaign.class, id, lock);
        if (campaign == null || !visible(campaign)) {
            throw ProblemException.notFound("screening.campaign.not-found", id);
        }
        return campaign;
    }

    /**
     * Whether the caller sees the campaign: its region lies in the caller's, or the caller's lies in its region (a
     * township officer sees the county's campaign, whose clues may be in the township).
     */
    boolean visible(ScreeningCampaign campaign) {
        return scope.overlaps(campaign.regionCode);
    }

    /**
     * The campaigns over the division or within it, and those over a wider region that includes it, visible to the
     * caller; latest first, optionally of one year (the year they started).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ScreeningCampaign> list(String region, Integer year, CampaignStatus status, PageRequest page) {
        String prefix = scope.narrow(region)
                .orElseThrow(() -> ProblemException.of(
                        ProblemType.FORBIDDEN, "problem.forbidden.out-of-scope", region, scope.division()));
        String where = " where (c.regionCode like :prefix or locate(c.regionCode, :own) = 1)"
                + (year != null ? " and c.startsOn >= :from and c.startsOn < :until" : "")
                + (status != null ? " and c.status = :status" : "");
        var query = entityManager.createQuery(
                "select c from ScreeningCampaign c" + where + " order by c.startsOn desc, c.id",
                ScreeningCampaign.class);
        var count = entityManager.createQuery("select count(c) from ScreeningCampaign c" + where, Long.class);
        for (var q : List.of(query, count)) {
            q.setParameter("prefix", prefix + "%");
            q.setParameter("own", prefix);
            if (year != null) {
                q.setParameter("from", LocalDate.of(year, 1, 1));
                q.setParameter("until", LocalDate.of(year + 1, 1, 1));
            }
            if (status != null) {
                q.setParameter("status", status);
            }
        }
        return page.page(
                query.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList(),
                count.getSingleResult());
    }

    /** The name of the township or county the campaign covers. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String regionName(ScreeningCampaign campaign) {
        Division region = entityManager.find(Division.class, campaign.regionCode);
        return region == null ? null : region.name;
    }

    /** The campaign's results, counted now. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ScreeningApi.CampaignResults results(UUID id) {
        return queries.results(get(id));
    }

    /**
     * A campaign a clue reported by the caller is found in, checked against the clue's village and day; violations
     * name {@code campaignId} or {@code reportedOn}.
     */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Violation> checkClue(UUID campaignId, String villageCode, LocalDate reportedOn) {
        ScreeningCampaign campaign = entityManager.find(ScreeningCampaign.class, campaignId);
        if (campaign == null || !visible(campaign)) {
            return List.of(Violation.of("campaignId", "UNKNOWN", "clue.campaign.unknown", campaignId));
        }
        List<Violation> violations = new ArrayList<>();
        if (!campaign.covers(villageCode)) {
            violations.add(Violation.of(
                    "campaignId",
                    "OUTSIDE_CAMPAIGN_REGION",
                    "clue.campaign.outside-region",
                    villageCode,
                    campaign.regionCode));
        }
        if (!campaign.during(reportedOn)) {
            violations.add(Violation.of(
                    "reportedOn",
                    "OUTSIDE_CAMPAIGN_PERIOD",
                    "clue.campaign.outside-period",
                    reportedOn,
                    campaign.startsOn,
                    campaign.endsOn));
        }
        return violations;
    }
}
