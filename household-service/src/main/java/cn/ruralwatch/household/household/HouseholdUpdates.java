package cn.ruralwatch.household.household;

import cn.ruralwatch.household.household.HouseholdChangeRecorder.Operation;
import cn.ruralwatch.http.MergePatch;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.Violation;
import cn.ruralwatch.sql.Sql;
import cn.ruralwatch.time.ChinaTime;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Changes to a household's attributes, its incomes and its members' attributes. Each is a JSON Merge Patch of the
 * household's (or member's) document, based on the version the caller read ({@code If-Match}), checked as a whole and
 * recorded in the history with the reason given.
 */
@ApplicationScoped
@Transactional
public class HouseholdUpdates {

    @Inject
    Clock clock;

    @Inject
    Households households;

    @Inject
    Villages villages;

    @Inject
    Residences residences;

    @Inject
    PersonalNumbers numbers;

    @Inject
    HouseholdChangeRecorder recorder;

    @Inject
    ObjectMapper mapper;

    @Inject
    Validator validator;

    @Inject
    Sql sql;

    public Household update(UUID id, JsonNode patch, String ifMatch) {
        Household household = households.forChange(id, ifMatch);
        HouseholdApi.HouseholdUpdate current =
                new HouseholdApi.HouseholdUpdate(household.villageCode, numbers.attributes(household), null);
        HouseholdApi.HouseholdUpdate update =
                MergePatch.applyTo(current, patch, HouseholdApi.HouseholdUpdate.class, mapper, validator);
        if (!update.villageCode().equals(household.villageCode)) {
            List<Violation> violations = new ArrayList<>();
            villages.check(update.villageCode(), "villageCode", violations);
            if (!violations.isEmpty()) {
                throw ProblemException.invalid(violations);
            }
        }
        JsonNode before = recorder.before(household);
        household.villageCode = update.villageCode();
        HouseholdMapper.apply(update.attributes(), household);
        numbers.reseal(household, update.attributes(), current.attributes());
        recorder.changed(
                household,
                before,
                Operation.UPDATE,
                update.reason(),
                null,
                change -> change.changed(Operation.UPDATE, update.reason()));
        if (!update.villageCode().equals(current.villageCode())) {
            // the household's open case and untriaged clues move with it: they are worked where it lives now
            sql.query("update monitoring_case set village_code = :village where household_id = :household"
                            + " and status = 'OPEN'")
                    .bind("village", household.villageCode)
                    .bind("household", household.id)
                    .execute();
            sql.query("update warning_clue set village_code = :village where household_id = :household"
                            + " and status in ('NEW', 'DUPLICATE')")
                    .bind("village", household.villageCode)
                    .bind("household", household.id)
                    .execute();
        }
        return household;
    }

    /** Sets one year's incomes, replacing what was recorded for that year. */
    public Household putIncome(UUID id, int year, HouseholdApi.IncomeUpdate request, String ifMatch) {
        if (request.income().year() != year) {
            throw ProblemException.invalid(
                    Violation.of("income.year", "PATH_MISMATCH", "household.income.year-mismatch", year));
        }
        LocalDate today = ChinaTime.today(clock);
        List<Violation> violations = new ArrayList<>();
        HouseholdRules.checkAssessedOn(request.income(), "income.assessedOn", today, violations);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        Household household = households.forChange(id, ifMatch);
        JsonNode before = recorder.before(household);
        HouseholdMapper.apply(request.income(), household, today);
        recorder.changed(
                household,
                before,
                Operation.INCOME,
                request.reason(),
                null,
                change -> change.changed(Operation.INCOME, request.reason()));
        return household;
    }

    /**
     * Enters an earlier monitoring episode (history from before the suite): eliminated, not in the future, before the
     * episode the household's monitoring fields hold, and overlapping no other entered episode.
     */
    public Household addPastMonitoring(UUID id, HouseholdApi.PastMonitoring request, String ifMatch) {
        LocalDate today = ChinaTime.today(clock);
        List<Violation> violations = new ArrayList<>();
        DateRules.notFuture("identifiedOn", request.identifiedOn(), today, violations);
        DateRules.within(
                "eliminatedOn",
                request.eliminatedOn(),
                today,
                violations,
                DateRules.Floor.of(request.identifiedOn(), "BEFORE_IDENTIFIED", "household.episode.before-identified"));
        if (request.identifiedOn().isBefore(LocalDate.of(2014, 1, 1))) {
            violations.add(
                    Violation.of("identifiedOn", "TOO_EARLY", "household.episode.too-early", request.identifiedOn()));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        Household household = households.forChange(id, ifMatch);
        if (household.monitoredSince != null && !request.eliminatedOn().isBefore(household.monitoredSince)) {
            violations.add(Violation.of(
                    "eliminatedOn",
                    "NOT_BEFORE_CURRENT",
                    "household.episode.not-before-current",
                    request.eliminatedOn(),
                    household.monitoredSince));
        }
        household.pastMonitoring.stream()
                .filter(e -> e.overlaps(request.identifiedOn(), request.eliminatedOn()))
                .findFirst()
                .ifPresent(e -> violations.add(Violation.of(
                        "identifiedOn", "OVERLAPS", "household.episode.overlaps", e.identifiedOn, e.eliminatedOn)));
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        JsonNode before = recorder.before(household);
        household.pastMonitoring.add(new MonitoringEpisode(
                request.category(),
                request.riskTypes().stream().distinct().map(Enum::name).toList(),
                request.identifiedOn(),
                request.eliminatedOn()));
        household.pastMonitoring.sort(java.util.Comparator.comparing(e -> e.identifiedOn));
        recorder.changed(
                household,
                before,
                Operation.MONITORING_HISTORY,
                request.reason(),
                request.identifiedOn(),
                change -> change.changed(Operation.MONITORING_HISTORY, request.reason()));
        return household;
    }

    public Household updateMember(UUID id, UUID memberId, JsonNode patch, String ifMatch) {
        Household household = households.forChange(id, ifMatch);
        Member member = household
                .member(memberId)
                .filter(Member::active)
                .orElseThrow(() -> ProblemException.notFound("household.member.not-found", memberId));
        String idNumber = numbers.idNumber(member);
        HouseholdApi.MemberUpdate current = new HouseholdApi.MemberUpdate(
                member.name, idNumber, member.relation, HouseholdMapper.attributes(member), null);
        HouseholdApi.MemberUpdate update =
                MergePatch.applyTo(current, patch, HouseholdApi.MemberUpdate.class, mapper, validator);
        String corrected = IdNumbers.normalize(update.idNumber());
        if (!corrected.equals(idNumber)) {
            HouseholdApi.MemberRegistration asRegistered =
                    new HouseholdApi.MemberRegistration(update.name(), corrected, update.relation(), null, null, null);
            List<Violation> violations = new ArrayList<>();
            if (!HouseholdRules.checkIdNumber(asRegistered, "", violations, ChinaTime.today(clock))) {
                throw ProblemException.invalid(violations);
            }
            residences.requireNotRegistered(List.of(asRegistered), "", member.id);
        }
        JsonNode before = recorder.before(household);
        member.name = update.name().trim();
        member.relation = update.relation();
        if (!corrected.equals(idNumber)) {
            numbers.setIdNumber(member, corrected);
        }
        HouseholdMapper.apply(update.attributes(), member);
        recorder.changed(
                household,
                before,
                Operation.MEMBER_UPDATE,
                update.reason(),
                null,
                change -> change.changed(Operation.MEMBER_UPDATE, update.reason()));
        return household;
    }
}
