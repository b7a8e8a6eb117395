package cn.ruralwatch.household.clue;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.audit.AuditTrail;
import cn.ruralwatch.audit.AuditedChange;
import cn.ruralwatch.events.AuditAction;
import cn.ruralwatch.events.RiskDetected;
import cn.ruralwatch.household.division.Division;
import cn.ruralwatch.household.division.DivisionLevel;
import cn.ruralwatch.household.household.DateRules;
import cn.ruralwatch.household.household.Household;
import cn.ruralwatch.household.household.Households;
import cn.ruralwatch.household.household.IdNumbers;
import cn.ruralwatch.household.household.Residences;
import cn.ruralwatch.household.household.RiskType;
import cn.ruralwatch.http.EntityTags;
import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.messaging.IncomingEvent;
import cn.ruralwatch.personal.PersonalDataKind;
import cn.ruralwatch.personal.PersonalDataProtector;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.Violation;
import cn.ruralwatch.sql.Sql;
import cn.ruralwatch.time.ChinaTime;
import com.github.f4b6a3.uuid.UuidCreator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;

/**
 * 预警线索 from households, cadres and departments, through the API and the {@code clue-intake} topic: linked to the
 * household (by id or by the person's ID number), deduplicated (the sender's own reference; a clue on the same risk of
 * the same household within 30 days of an open one), triaged, and escalated into identification cases.
 */
@ApplicationScoped
@Transactional
public class ClueService {

    static final String CLUE = "warning-clue";
    static final Duration DUPLICATE_WINDOW = Duration.ofDays(30);

    @Inject
    Clock clock;

    @Inject
    EntityManager entityManager;

    @Inject
    Sql sql;

    @Inject
    Households households;

    @Inject
    Residences residences;

    @Inject
    CallerScope scope;

    @Inject
    PersonalDataProtector protector;

    @Inject
    AuditTrail audit;

    @Inject
    ClueCampaigns campaigns;

    /** A clue reported through the API by a caller in whose region it lies. */
    public WarningClue report(ClueApi.Report request) {
        List<Violation> violations = new ArrayList<>();
        // a clue is a report of its own, about a person who may not be registered yet: only the future is refused
        DateRules.notFuture("reportedOn", request.reportedOn(), ChinaTime.today(clock), violations);
        if (request.idNumber() != null && !IdNumbers.checkDigitValid(IdNumbers.normalize(request.idNumber()))) {
            violations.add(Violation.of(
                    "idNumber",
                    "CHECK_DIGIT",
                    "household.id-number.check-digit",
                    String.valueOf(IdNumbers.expectedCheckCharacter(request.idNumber()))));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        WarningClue clue = new WarningClue();
        clue.source = request.source();
        clue.department = blankToNull(request.department());
        clue.externalRef = blankToNull(request.externalRef());
        clue.riskTypes = new ArrayList<>(
                request.riskTypes().stream().distinct().map(RiskType::name).toList());
        clue.description = request.description().trim();
        clue.reportedOn = request.reportedOn();
        clue.recordedBy = scope.subject();
        if (request.householdId() != null) {
            Household household = households.get(request.householdId());
            clue.householdId = household.id;
            clue.villageCode = household.villageCode;
        }
        if (request.idNumber() != null) {
            setPerson(clue, IdNumbers.normalize(request.idNumber()));
        }
        if (clue.villageCode == null) {
            if (request.villageCode() == null) {
                throw ProblemException.invalid(Violation.of("villageCode", "REQUIRED", "clue.village.required"));
            }
            Division village = scope.covers(request.villageCode())
                    ? entityManager.find(Division.class, request.villageCode())
                    : null;
            if (village == null || village.level != DivisionLevel.VILLAGE) {
                throw ProblemException.invalid(Violation.of(
                        "villageCode", "UNKNOWN_VILLAGE", "household.village.unknown", request.villageCode()));
            }
            clue.villageCode = village.code;
        }
        if (!scope.covers(clue.villageCode)) {
            // the person lives outside the caller's region: the caller learns nothing about where
            throw ProblemException.invalid(Violation.of("idNumber", "OUTSIDE_REGION", "clue.person.outside-region"));
        }
        if (request.campaignId() != null) {
            List<Violation> outside = campaigns.checkClue(request.campaignId(), clue.villageCode, clue.reportedOn);
            if (!outside.isEmpty()) {
                throw ProblemException.invalid(outside);
            }
            clue.campaignId = request.campaignId();
        }
        Optional<WarningClue> same = sameReference(clue);
        if (same.isPresent()) {
            return same.get();
        }
        WarningClue stored = store(clue);
        audit.changed(
                AuditAction.CREATE,
                CLUE,
                stored.id.toString(),
                stored.villageCode,
                List.of(
                        AuditedChange.created("source", stored.source),
                        AuditedChange.created("householdId", stored.householdId),
                        AuditedChange.created("riskTypes", stored.riskTypes),
                        AuditedChange.created("campaignId", stored.campaignId),
                        AuditedChange.created("status", stored.status)));
        return stored;
    }

    /**
     * A clue sent by another government system on {@code clue-intake}. One that cannot be read or placed (no valid ID
     * number or village) is refused with the reason, and goes to the dead-letter topic.
     */
    public void intake(IncomingEvent event, ClueApi.Intake message) {
        List<String> problems = new ArrayList<>();
        if (message.description() == null || message.description().isBlank()) {
            problems.add("description is required");
        }
        if (message.reportedOn() == null) {
            problems.add("reportedOn is required");
        } else if (message.reportedOn().isAfter(ChinaTime.today(clock))) {
            problems.add("reportedOn " + message.reportedOn() + " is later than today " + ChinaTime.today(clock));
        }
        List<String> riskTypes = new ArrayList<>();
        if (message.riskTypes() == null || message.riskTypes().isEmpty()) {
            problems.add("riskTypes is required");
        } else {
            riskTypes.addAll(knownRiskTypes(message.riskTypes(), problems));
        }
        String idNumber = message.idNumber() == null ? null : IdNumbers.normalize(message.idNumber());
        if (idNumber != null && (!IdNumbers.wellFormed(idNumber) || !IdNumbers.checkDigitValid(idNumber))) {
            problems.add("idNumber is not a valid ID number");
        }
        if (!problems.isEmpty()) {
            throw new IncomingEvent.MalformedEventException(
                    "warning clue " + event.id() + ": " + String.join("; ", problems));
        }
        WarningClue clue = new WarningClue();
        clue.source = ClueSource.DEPARTMENT;
        clue.department = blankToNull(message.department()) == null
                ? event.source()
                : message.department().trim();
        clue.externalRef = blankToNull(message.externalRef());
        clue.riskTypes =
                riskTypes.stream().distinct().collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        clue.description = message.description().trim();
        clue.reportedOn = message.reportedOn();
        clue.recordedBy = "clue-intake:" + event.source();
        if (idNumber != null) {
            setPerson(clue, idNumber);
        }
        if (clue.villageCode == null && message.villageCode() != null) {
            Division village = entityManager.find(Division.class, message.villageCode());
            if (village != null && village.level == DivisionLevel.VILLAGE) {
                clue.villageCode = village.code;
            }
        }
        if (clue.villageCode == null) {
            throw new IncomingEvent.MalformedEventException("warning clue " + event.id()
                    + ": the person is not registered in the county and the message names no known village");
        }
        if (sameReference(clue).isEmpty()) {
            store(clue);
        }
    }

    /** The person's encrypted number and look-up hash, and the household the person lives in, if registered. */
    private void setPerson(WarningClue clue, String idNumber) {
        clue.idNumber = idNumber;
        clue.idNumberHash = protector.lookupHash(PersonalDataKind.ID_NUMBER, idNumber);
        if (clue.householdId != null) {
            return;
        }
        residences.of(idNumber).ifPresent(residence -> {
            clue.householdId = residence.householdId();
            clue.villageCode = residence.villageCode();
        });
    }

    /**
     * A risk indicator-service detected ({@code risk.detected.v1}): the household is known, so the clue is placed on it
     * directly. The event id is the clue's reference, so a redelivered event is one clue; a clue about the same risk of
     * the same household within the duplicate window is recorded as its duplicate.
     */
    public void detected(IncomingEvent event, RiskDetected risk) {
        Household household = entityManager.find(Household.class, UUID.fromString(risk.householdId()));
        if (household == null) {
            throw new IncomingEvent.MalformedEventException(
                    "detected risk " + event.id() + ": household " + risk.householdId() + " is not registered");
        }
        List<String> problems = new ArrayList<>();
        List<String> riskTypes = knownRiskTypes(risk.riskTypes(), problems);
        if (!problems.isEmpty()) {
            throw new IncomingEvent.MalformedEventException(
                    "detected risk " + event.id() + ": " + String.join("; ", problems));
        }
        WarningClue clue = new WarningClue();
        clue.source = ClueSource.INDICATOR_ALERT;
        clue.department = "indicator-service";
        clue.externalRef = event.id();
        clue.householdId = household.id;
        clue.villageCode = household.villageCode;
        clue.riskTypes = new ArrayList<>(riskTypes.stream().distinct().toList());
        clue.description = "指标评估发现（" + risk.standardCode() + "）："
                + risk.indicators().stream()
                        .map(i -> i.name() + "未达标"
                                + (i.reasons().isEmpty() ? "" : "（" + String.join("，", i.reasons()) + "）"))
                        .collect(java.util.stream.Collectors.joining("；"));
        if (clue.description.length() > 1000) {
            clue.description = clue.description.substring(0, 999) + "…";
        }
        clue.reportedOn = LocalDate.ofInstant(risk.detectedAt(), ChinaTime.ZONE);
        clue.recordedBy = "indicator-service";
        if (sameReference(clue).isEmpty()) {
            store(clue);
        }
    }

    /** The risk types another system sent that household-service knows; each unknown one adds a problem. */
    private static List<String> knownRiskTypes(List<String> types, List<String> problems) {
        List<String> known = new ArrayList<>();
        for (String type : types) {
            try {
                known.add(RiskType.valueOf(type).name());
            } catch (IllegalArgumentException unknown) {
                problems.add("unknown risk type " + type);
            }
        }
        return known;
    }

    /** The clue already received under the sender's own reference. */
    private Optional<WarningClue> sameReference(WarningClue clue) {
        if (clue.externalRef == null) {
            return Optional.empty();
        }
        return entityManager
                .createQuery(
                        "from WarningClue where source = :source and coalesce(department, '') = :department"
                                + " and externalRef = :ref",
                        WarningClue.class)
                .setParameter("source", clue.source)
                .setParameter("department", clue.department == null ? "" : clue.department)
                .setParameter("ref", clue.externalRef)
                .getResultStream()
                .findFirst();
    }

    private WarningClue store(WarningClue clue) {
        clue.id = UuidCreator.getTimeOrderedEpoch();
        clue.receivedAt = clock.instant();
        if (clue.householdId != null) {
            sql.query("""
                            select id from warning_clue
                            where household_id = :household and status in ('NEW', 'ESCALATED') and received_at > :since
                              and risk_types && cast(:riskTypes as text[])
                            order by received_at""")
                    .bind("household", clue.householdId)
                    .bind("since", clue.receivedAt.minus(DUPLICATE_WINDOW))
                    .bind("riskTypes", clue.riskTypes.toArray(String[]::new))
                    .value(UUID.class)
                    .ifPresent(earlier -> {
                        clue.status = ClueStatus.DUPLICATE;
                        clue.duplicateOf = earlier;
                    });
        }
        entityManager.persist(clue);
        try {
            entityManager.flush();
        } catch (PersistenceException e) {
            // Hibernate raises the violation itself, or wrapped, depending on whether the insert went in a batch
            ConstraintViolationException violation = e instanceof ConstraintViolationException direct
                    ? direct
                    : e.getCause() instanceof ConstraintViolationException wrapped ? wrapped : null;
            if (violation != null && "warning_clue_external_ref".equals(violation.getConstraintName())) {
                // the same reference arrived twice at the same moment: the other one is recorded, a retry returns it
                throw ProblemException.conflict("clue.external-ref.concurrent", clue.externalRef);
            }
            throw e;
        }
        return clue;
    }

    public WarningClue triage(UUID id, ClueApi.Triage request, String ifMatch) {
        WarningClue clue = locked(id);
        EntityTags.requireMatch(ifMatch, clue.version);
        if (clue.status != ClueStatus.NEW && clue.status != ClueStatus.DUPLICATE) {
            throw ProblemException.conflict("clue.triaged", clue.id, clue.status);
        }
        String before = clue.status + " " + clue.householdId;
        switch (request.decision()) {
            case DISMISS -> {
                if (request.note() == null || request.note().isBlank()) {
                    throw ProblemException.invalid(Violation.of("note", "REQUIRED", "clue.dismiss.note"));
                }
                clue.status = ClueStatus.DISMISSED;
            }
            case LINK -> {
                if (request.householdId() == null) {
                    throw ProblemException.invalid(Violation.of("householdId", "REQUIRED", "clue.link.household"));
                }
                if (clue.householdId != null) {
                    throw ProblemException.conflict("clue.linked", clue.id, clue.householdId);
                }
                Household household = households.get(request.householdId());
                clue.householdId = household.id;
                clue.villageCode = household.villageCode;
            }
        }
        clue.triageNote = blankToNull(request.note());
        clue.triagedBy = scope.subject();
        clue.triagedAt = clock.instant();
        entityManager.flush();
        audit.changed(
                AuditAction.UPDATE,
                CLUE,
                clue.id.toString(),
                clue.villageCode,
                List.of(AuditedChange.changed("status householdId", before, clue.status + " " + clue.householdId)));
        return clue;
    }

    /**
     * Marks the clues as escalated into the case; each must be open (new or duplicate) and concern the household (a
     * clue not yet linked to a household in its village is linked now). Returns the day the first of them was
     * received, {@code null} without clues.
     */
    public LocalDate escalate(List<UUID> clueIds, Household household, UUID caseId) {
        List<Violation> violations = new ArrayList<>();
        LocalDate first = null;
        for (int i = 0; i < clueIds.size(); i++) {
            String field = "clueIds[" + i + "]";
            WarningClue clue = entityManager.find(WarningClue.class, clueIds.get(i), LockModeType.PESSIMISTIC_WRITE);
            if (clue == null || !scope.covers(clue.villageCode)) {
                violations.add(Violation.of(field, "UNKNOWN", "clue.not-found", clueIds.get(i)));
            } else if (clue.status != ClueStatus.NEW && clue.status != ClueStatus.DUPLICATE) {
                violations.add(Violation.of(field, "NOT_OPEN", "clue.triaged", clue.id, clue.status));
            } else if (clue.householdId != null
                    ? !clue.householdId.equals(household.id)
                    : !clue.villageCode.equals(household.villageCode)) {
                violations.add(Violation.of(field, "OTHER_HOUSEHOLD", "clue.other-household", clue.id));
            } else {
                clue.householdId = household.id;
                clue.status = ClueStatus.ESCALATED;
                clue.caseId = caseId;
                clue.triagedBy = scope.subject();
                clue.triagedAt = clock.instant();
                LocalDate received = LocalDate.ofInstant(clue.receivedAt, ChinaTime.ZONE);
                first = first == null || received.isBefore(first) ? received : first;
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return first;
    }

    private WarningClue locked(UUID id) {
        return find(id, LockModeType.PESSIMISTIC_WRITE);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public WarningClue get(UUID id) {
        return find(id, LockModeType.NONE);
    }

    /** The clue in the caller's region; any other answers 404. */
    private WarningClue find(UUID id, LockModeType lock) {
        WarningClue clue = entityManager.find(WarningClue.class, id, lock);
        if (clue == null || !scope.covers(clue.villageCode)) {
            throw ProblemException.notFound("clue.not-found", id);
        }
        return clue;
    }

    /** Clues in the division and the caller's region, newest first, optionally of one status, household or campaign. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<WarningClue> list(
            String division, ClueStatus status, UUID householdId, UUID campaignId, PageRequest page) {
        String prefix =
                scope.narrow(division).orElseThrow(() -> ProblemException.notFound("division.not-found", division))
                        + "%";
        String where = " where c.villageCode like :prefix"
                + (status != null ? " and c.status = :status" : "")
                + (householdId != null ? " and c.householdId = :household" : "")
                + (campaignId != null ? " and c.campaignId = :campaign" : "");
        var query = entityManager.createQuery(
                "select c from WarningClue c" + where + " order by c.receivedAt desc, c.id", WarningClue.class);
        var count = entityManager.createQuery("select count(c) from WarningClue c" + where, Long.class);
        for (var q : List.of(query, count)) {
            q.setParameter("prefix", prefix);
            if (status != null) {
                q.setParameter("status", status);
            }
            if (householdId != null) {
                q.setParameter("household", householdId);
            }
            if (campaignId != null) {
                q.setParameter("campaign", campaignId);
            }
        }
        return page.page(
                query.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList(),
                count.getSingleResult());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
