package cn.ruralwatch.report;

import cn.ruralwatch.events.EventTypes;
import cn.ruralwatch.events.HouseholdChanged;
import cn.ruralwatch.events.HouseholdRegistered;
import cn.ruralwatch.events.HouseholdState;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.testing.EventSchemas;
import cn.ruralwatch.testing.HouseholdEventData;
import cn.ruralwatch.testing.SuiteInfrastructure;
import cn.ruralwatch.testing.TopicWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Events as the other services publish them, checked against their schemas, written to the test broker. */
final class ReportEvents {

    private ReportEvents() {}

    static void division(String code, String name, String level, String parent) {
        String data = parent == null ? """
                {"code":"%s","name":"%s","level":"%s"}""".formatted(code, name, level) : """
                {"code":"%s","name":"%s","level":"%s","parentCode":"%s"}""".formatted(code, name, level, parent);
        send(Topics.HOUSEHOLD_EVENTS, code, UUID.randomUUID().toString(), EventTypes.DIVISION_REGISTERED, data);
    }

    /** A village (行政村 or 社区) with its poverty-village status, as household-service registers it. */
    static void village(
            String code, String name, String parent, String kind, boolean povertyVillage, Integer exitYear) {
        send(
                Topics.HOUSEHOLD_EVENTS,
                code,
                UUID.randomUUID().toString(),
                EventTypes.DIVISION_REGISTERED,
                HouseholdEventData.json(
                        EventTypes.DIVISION_REGISTERED,
                        new cn.ruralwatch.events.DivisionRegistered(
                                code, name, "VILLAGE", parent, kind, povertyVillage, exitYear)));
    }

    /** {@code village.status-set.v1}: a village's status set later (a 贫困村 exits). */
    static void villageStatus(String code, String kind, boolean povertyVillage, Integer exitYear) {
        send(
                Topics.HOUSEHOLD_EVENTS,
                code,
                UUID.randomUUID().toString(),
                EventTypes.VILLAGE_STATUS_SET,
                HouseholdEventData.json(
                        EventTypes.VILLAGE_STATUS_SET,
                        new cn.ruralwatch.events.VillageStatusSet(code, kind, povertyVillage, exitYear)));
    }

    static String household(String village, int members) {
        return household(village, members, "NOT_POOR", null);
    }

    static String household(String village, int members, String povertyStatus, HouseholdState.Monitoring monitoring) {
        String id = UUID.randomUUID().toString();
        List<HouseholdEventData.MemberSketch> list = members(members);
        send(
                Topics.HOUSEHOLD_EVENTS,
                id,
                UUID.randomUUID().toString(),
                EventTypes.HOUSEHOLD_REGISTERED,
                HouseholdEventData.registered(id, village, povertyStatus, monitoring, list));
        return id;
    }

    /**
     * A household whose head is named as given ({@code null}: none, as household-service sends a household without a
     * head or sent households before events carried the name); answers its id.
     */
    static String namedHousehold(
            String village, int members, String povertyStatus, HouseholdState.Monitoring monitoring, String head) {
        String id = UUID.randomUUID().toString();
        List<HouseholdEventData.MemberSketch> list = members(members);
        HouseholdState base = HouseholdEventData.state(id, village, 0, list);
        HouseholdState state =
                copy(base, 0, head, povertyStatus, "EXITED".equals(povertyStatus) ? 2019 : null, monitoring);
        send(
                Topics.HOUSEHOLD_EVENTS,
                id,
                UUID.randomUUID().toString(),
                EventTypes.HOUSEHOLD_REGISTERED,
                HouseholdEventData.json(EventTypes.HOUSEHOLD_REGISTERED, new HouseholdRegistered(state, null)));
        return id;
    }

    /** A head and sons. */
    private static List<HouseholdEventData.MemberSketch> members(int members) {
        List<HouseholdEventData.MemberSketch> list = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            list.add(new HouseholdEventData.MemberSketch(
                    UUID.randomUUID().toString(),
                    i == 0 ? "HEAD" : "SON",
                    "MALE",
                    LocalDate.of(1980, 1, 1),
                    "ENROLLED"));
        }
        return list;
    }

    /** {@code household.changed.v1} of a change of head (户主变更): the household's state at a version, under a new head. */
    static void headChanged(String household, String village, long version, String head) {
        HouseholdState base = HouseholdEventData.state(
                household,
                village,
                version,
                List.of(new HouseholdEventData.MemberSketch(
                        UUID.randomUUID().toString(), "HEAD", "FEMALE", LocalDate.of(1982, 5, 1), "ENROLLED")));
        HouseholdState state = copy(base, version, head, base.povertyStatus(), base.exitYear(), base.monitoring());
        send(
                Topics.HOUSEHOLD_EVENTS,
                household,
                UUID.randomUUID().toString(),
                EventTypes.HOUSEHOLD_CHANGED,
                HouseholdEventData.json(
                        EventTypes.HOUSEHOLD_CHANGED,
                        new HouseholdChanged("HEAD_CHANGE", "户主去世", List.of("members"), state)));
    }

    /**
     * {@code member.added.v1} or {@code member.removed.v1} of one member (出生, 死亡…) of a household of a poverty status
     * and monitoring, at a version; answers the member's id.
     */
    static String memberChange(
            String household,
            String village,
            long version,
            String povertyStatus,
            HouseholdState.Monitoring monitoring,
            String change,
            LocalDate on) {
        String member = UUID.randomUUID().toString();
        HouseholdState base = HouseholdEventData.state(household, village, version, members(2));
        HouseholdState state = copy(base, version, "户主", povertyStatus, base.exitYear(), monitoring);
        boolean added = List.of("BIRTH", "MARRIAGE_IN", "MOVE_IN", "MERGE").contains(change);
        String type = added ? EventTypes.MEMBER_ADDED : EventTypes.MEMBER_REMOVED;
        Object event = added
                ? new cn.ruralwatch.events.MemberAdded(member, change, on, null, state)
                : new cn.ruralwatch.events.MemberRemoved(member, change, on, null, state);
        send(
                Topics.HOUSEHOLD_EVENTS,
                household,
                UUID.randomUUID().toString(),
                type,
                HouseholdEventData.json(type, event));
        return member;
    }

    /** The state with another version, head, poverty status and monitoring. */
    private static HouseholdState copy(
            HouseholdState state,
            long version,
            String head,
            String povertyStatus,
            Integer exitYear,
            HouseholdState.Monitoring monitoring) {
        return new HouseholdState(
                state.householdId(),
                version,
                state.villageCode(),
                head,
                state.status(),
                state.registeredAt(),
                povertyStatus,
                exitYear,
                monitoring,
                state.minimumLiving(),
                state.extremePoverty(),
                state.housing(),
                state.drinkingWater(),
                state.electricity(),
                state.tvBroadband(),
                state.roadToHamlet(),
                state.industries(),
                state.cooperative(),
                state.incomes(),
                state.members());
    }

    static void evaluation(String household, String village, boolean met, String at, String eventId) {
        evaluation(household, village, "NATIONAL_HOUSEHOLD_2021", met, at, eventId);
    }

    static void evaluation(String household, String village, String standard, boolean met, String at, String eventId) {
        send(Topics.INDICATOR_EVENTS, household, eventId, EventTypes.EVALUATION_CHANGED, """
                {"householdId":"%s","villageCode":"%s","standardCode":"%s","allMet":%s,
                 "results":[{"indicatorCode":"BASIC_MEDICAL_INSURANCE","met":%s,"numerator":%d,"denominator":3}],
                 "evaluatedAt":"%s"}""".formatted(
                        household, village, standard, met, met, met ? 3 : 2, at));
    }

    /** indicator-service's announcement of a household standard's status (its latest version's). */
    static void standardStatus(String code, String region, int version, String status, String at) {
        send(Topics.INDICATOR_EVENTS, code, UUID.randomUUID().toString(), EventTypes.STANDARD_STATUS_SET, """
                {"code":"%s","version":%d,"name":"县定指标","regionCode":"%s","level":"HOUSEHOLD","status":"%s",
                 "statusSetAt":"%s"}""".formatted(
                        code, version, region, status, at));
    }

    static String fundBatch(String county, int year, int batch, String amount) {
        String id = UUID.randomUUID().toString();
        send(Topics.FUND_EVENTS, id, UUID.randomUUID().toString(), EventTypes.FUND_BATCH_REGISTERED, """
                {"batchId":"%s","sourceLevel":"CENTRAL","year":%d,"batchNumber":%d,"amount":%s,"countyCode":"%s"}""".formatted(
                        id, year, batch, amount, county));
        return id;
    }

    static void projectChanged(String project, long version, String stage, String batch, String amount) {
        send(Topics.FUND_EVENTS, project, UUID.randomUUID().toString(), EventTypes.PROJECT_CHANGED, """
                {"action":"START","actor":"test","performedOn":"2023-05-01","project":{"projectId":"%s","version":%d,
                 "countyCode":"451088","divisionCode":"451088101201","name":"道路","projectType":"INFRASTRUCTURE",
                 "year":2023,"stage":"%s","plannedInvestment":400000.00,"progressPercent":0,
                 "budgetLines":[{"batchId":"%s","sourceLevel":"CENTRAL","batchYear":2023,"amount":%s,"disbursed":0}],
                 "beneficiaryHouseholdIds":[],"updatedAt":"2023-05-01T00:00:00Z"}}""".formatted(
                        project, version, stage, batch, amount));
    }

    static void disbursement(String project, String batch, String amount) {
        send(Topics.FUND_EVENTS, project, UUID.randomUUID().toString(), EventTypes.DISBURSEMENT_RECORDED, """
                {"disbursementId":"%s","projectId":"%s","batchId":"%s","countyCode":"451088",
                 "divisionCode":"451088101201","projectType":"INFRASTRUCTURE","amount":%s,"paidOn":"2023-06-01",
                 "recordedAt":"2023-06-01T00:00:00Z"}""".formatted(
                        UUID.randomUUID(), project, batch, amount));
    }

    static void benefitTotals(String household, String village, long version, String byKind, String total) {
        send(
                Topics.FUND_EVENTS,
                household,
                UUID.randomUUID().toString(),
                EventTypes.HOUSEHOLD_BENEFITS_TOTALLED,
                """
                {"householdId":"%s","villageCode":"%s","year":2023,"version":%d,"byKind":%s,"total":%s,
                 "totalledAt":"2023-10-01T00:00:00Z"}""".formatted(household, village, version, byKind, total));
    }

    static String pvStation(String village, String capacityKw) {
        String id = UUID.randomUUID().toString();
        send(Topics.FUND_EVENTS, id, UUID.randomUUID().toString(), EventTypes.PV_STATION_REGISTERED, """
                {"stationId":"%s","countyCode":"%s","villageCode":"%s","name":"村级光伏电站","capacityKw":%s,
                 "connectedOn":"2019-06-30","registeredAt":"2023-01-05T00:00:00Z"}""".formatted(
                        id, village.substring(0, 6), village, capacityKw));
        return id;
    }

    static void pvOutput(String station, String village, int month, String revenue, String recordedAt) {
        send(Topics.FUND_EVENTS, station, UUID.randomUUID().toString(), EventTypes.PV_OUTPUT_RECORDED, """
                {"stationId":"%s","countyCode":"%s","villageCode":"%s","year":2023,"month":%d,"generationKwh":10000.00,
                 "revenue":%s,"recordedAt":"%s"}""".formatted(
                        station, village.substring(0, 6), village, month, revenue, recordedAt));
    }

    /** A published plan of 2023 like seed 003's: wages of 15 jobs, small works with some labour in them. */
    static void pvPlan(String division, String distributable, String wages, String works, String labour) {
        String id = UUID.randomUUID().toString();
        send(Topics.FUND_EVENTS, id, UUID.randomUUID().toString(), EventTypes.PV_PLAN_PUBLISHED, """
                {"planId":"%s","countyCode":"%s","divisionCode":"%s","year":2023,"publishedOn":"2023-03-15",
                 "documentNumber":"保安镇〔2023〕12号","distributable":%s,"jobHolders":15,"wages":%s,"works":%s,
                 "worksLabour":%s,"rewards":0.00,"rewardedHouseholds":0,"publishedAt":"2023-03-15T02:00:00Z"}""".formatted(
                        id, division.substring(0, 6), division, distributable, wages, works, labour));
    }

    /** An audit entry a village clerk's change of a household left; answers its id. */
    static String auditEntry(String village, String household) {
        String id = UUID.randomUUID().toString();
        send(Topics.AUDIT_EVENTS, village, id, EventTypes.AUDIT_RECORDED, """
                {"occurredAt":"2026-11-02T08:00:00Z","service":"household-service","actor":"clerk-y","roles":["village-clerk"],
                 "actorDivision":"%s","client":"village-app","clientAddress":"10.0.0.9","requestId":"req-y",
                 "action":"UPDATE","entityType":"household","entityId":"%s","entityDivision":"%s","changes":[]}""".formatted(village, household, village));
        return id;
    }

    static void send(String topic, String key, String eventId, String type, String data) {
        EventSchemas.assertValid(type, data);
        TopicWriter.send(SuiteInfrastructure.kafka().bootstrapServers(), topic, key, eventId, type, "/test", data);
    }
}
