package cn.ruralwatch.indicator;

import cn.ruralwatch.events.EventTypes;
import cn.ruralwatch.events.HouseholdChanged;
import cn.ruralwatch.events.HouseholdRegistered;
import cn.ruralwatch.events.HouseholdState;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.testing.HouseholdEventData;
import cn.ruralwatch.testing.SuiteInfrastructure;
import cn.ruralwatch.testing.TopicWriter;
import cn.ruralwatch.time.ChinaTime;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A household as household-service would publish it, built attribute by attribute for the tests that stand in for
 * household-service, and sent on household-events as a schema-checked event.
 */
final class HouseholdFixture {

    final String id = UUID.randomUUID().toString();
    /** The village it lives in; a test may move it and publish the change. */
    String village;

    String headName = "韦国强";
    long version;
    /** ACTIVE, or MERGED / DISSOLVED as household-service publishes a household that ended. */
    String status = "ACTIVE";

    String povertyStatus = "NOT_POOR";
    HouseholdState.Monitoring monitoring;
    String safetyGrade = "A";
    BigDecimal area = new BigDecimal("25.0");
    boolean noHouse;
    boolean water = true;
    boolean electricity = true;
    Boolean television;
    Boolean computer;
    Boolean smartphone;
    String renovation = "NONE";
    String renovationMethod;
    Integer renovationYear;
    String renovationStage;
    boolean relocated;
    List<String> industries = new ArrayList<>();
    final List<HouseholdState.Income> incomes = new ArrayList<>();
    final List<HouseholdState.Member> members = new ArrayList<>();
    final List<HouseholdState.MonitoringEpisode> pastMonitoring = new ArrayList<>();

    HouseholdFixture(String village) {
        this.village = village;
    }

    /** A household of one adult member living in the village, with last year's net income per head. */
    static HouseholdFixture earning(String village, String netPerCapita) {
        HouseholdFixture household = new HouseholdFixture(village).income(lastYear(), netPerCapita);
        household.member(LocalDate.of(1975, 5, 5));
        return household;
    }

    /** The income year the standards judge now: last year, in China. */
    static int lastYear() {
        return LocalDate.now(ChinaTime.ZONE).getYear() - 1;
    }

    HouseholdFixture poor(String status) {
        povertyStatus = status;
        return this;
    }

    HouseholdFixture housing(String grade, String areaPerCapita) {
        safetyGrade = grade;
        area = new BigDecimal(areaPerCapita);
        return this;
    }

    HouseholdFixture withoutHouse() {
        noHouse = true;
        safetyGrade = null;
        return this;
    }

    HouseholdFixture devices(Boolean television, Boolean computer, Boolean smartphone) {
        this.television = television;
        this.computer = computer;
        this.smartphone = smartphone;
        return this;
    }

    /** A renovation under way (or completed, with stage COMPLETED) by the method, planned for the year. */
    HouseholdFixture renovation(String method, int year, String stage) {
        renovation = "COMPLETED".equals(stage) ? "COMPLETED" : "IN_PROGRESS";
        renovationMethod = method;
        renovationYear = year;
        renovationStage = stage;
        relocated = "RELOCATION".equals(method);
        return this;
    }

    HouseholdFixture industry(String name) {
        industries.add(name);
        return this;
    }

    HouseholdFixture income(int year, String netPerCapita) {
        incomes.add(new HouseholdState.Income(
                year,
                new BigDecimal(netPerCapita),
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                new BigDecimal(netPerCapita)));
        return this;
    }

    HouseholdFixture monitoredAtRisk() {
        monitoring = new HouseholdState.Monitoring(
                "EDGE_AT_RISK", List.of("ILLNESS"), "AT_RISK", 2026, LocalDate.of(2026, 3, 1), null);
        return this;
    }

    HouseholdFixture monitored(String category, String riskState, int identifiedYear) {
        monitoring = new HouseholdState.Monitoring(
                category,
                List.of("ILLNESS"),
                riskState,
                identifiedYear,
                LocalDate.of(identifiedYear, 4, 1),
                riskState.equals("ELIMINATED") ? LocalDate.of(identifiedYear + 1, 6, 1) : null);
        return this;
    }

    /** An earlier monitoring episode, identified and eliminated in those years. */
    HouseholdFixture monitoredBefore(String category, int identified, int eliminated) {
        pastMonitoring.add(new HouseholdState.MonitoringEpisode(
                category, List.of("ILLNESS"), LocalDate.of(identified, 5, 1), LocalDate.of(eliminated, 9, 1)));
        return this;
    }

    /** A member living in the household, able to work, enrolled in medical insurance. */
    String member(LocalDate born) {
        return member(born, m -> {});
    }

    String member(LocalDate born, java.util.function.Consumer<MemberSketch> adjust) {
        MemberSketch m = new MemberSketch();
        m.birthDate = born;
        adjust.accept(m);
        String memberId = UUID.randomUUID().toString();
        members.add(new HouseholdState.Member(
                memberId,
                m.status,
                members.isEmpty() ? "HEAD" : "SON",
                "MALE",
                born,
                "REGISTRATION",
                m.leftBy,
                m.leftBy == null ? null : LocalDate.of(2020, 5, 1),
                m.labor,
                "HEALTHY",
                null,
                null,
                m.schooling,
                m.specialCase,
                null,
                m.medicalInsurance,
                m.medicalExemption,
                m.pension,
                m.pensionExemption,
                m.soldier,
                m.employmentLocation,
                m.employmentMonths,
                null,
                m.employmentKind,
                m.agricultural,
                m.chronicCertificate,
                m.familyDoctor));
        return memberId;
    }

    /** Every member's medical insurance set to one value, as a later state of the household would show it. */
    void insureAll(String medicalInsurance) {
        members.replaceAll(m -> new HouseholdState.Member(
                m.memberId(),
                m.status(),
                m.relation(),
                m.sex(),
                m.birthDate(),
                m.joinedBy(),
                m.leftBy(),
                m.leftOn(),
                m.laborAbility(),
                m.health(),
                m.disabilityGrade(),
                m.educationStage(),
                m.schoolingStatus(),
                m.specialSchoolingCase(),
                m.schoolLocation(),
                medicalInsurance,
                null,
                m.pensionInsurance(),
                m.pensionInsuranceExemption(),
                m.activeSoldier(),
                m.employmentLocation(),
                m.employmentMonths(),
                m.employmentMonthlyIncome(),
                m.employmentKind(),
                m.agriculturalRegistration(),
                m.chronicDiseaseCertificate(),
                m.familyDoctorContract()));
    }

    /** The attributes of a member a test changes. */
    static final class MemberSketch {
        LocalDate birthDate;
        String status = "ACTIVE";
        String leftBy;
        String labor = "ORDINARY";
        String schooling;
        String specialCase;
        String medicalInsurance = "ENROLLED";
        String medicalExemption;
        String pension = "ENROLLED";
        String pensionExemption;
        boolean soldier;
        String employmentLocation;
        Integer employmentMonths;
        String employmentKind;
        boolean agricultural = true;
        String chronicCertificate = "NONE";
        boolean familyDoctor;
    }

    HouseholdState state() {
        return new HouseholdState(
                id,
                version,
                village,
                headName,
                status,
                Instant.parse("2026-01-05T08:00:00Z"),
                povertyStatus,
                "EXITED".equals(povertyStatus) ? 2019 : null,
                monitoring,
                false,
                false,
                new HouseholdState.Housing(
                        safetyGrade,
                        noHouse ? null : area,
                        noHouse,
                        renovation,
                        renovationMethod,
                        renovationYear,
                        renovationStage,
                        null,
                        relocated),
                new HouseholdState.DrinkingWater(water, water, water, water),
                electricity,
                true,
                true,
                industries,
                null,
                incomes,
                members,
                television,
                computer,
                smartphone,
                pastMonitoring);
    }

    /** Publishes the household's state: registered at version 0, changed at later versions. */
    String publish() {
        return publish(Map.of());
    }

    /** Publishes the household's state with more headers (the cause household-service would give it). */
    String publish(Map<String, String> headers) {
        String eventId = UUID.randomUUID().toString();
        boolean first = version == 0;
        String type = first ? EventTypes.HOUSEHOLD_REGISTERED : EventTypes.HOUSEHOLD_CHANGED;
        Object event = first
                ? new HouseholdRegistered(state(), null)
                : new HouseholdChanged("UPDATE", "test", List.of("housing"), state());
        TopicWriter.send(
                SuiteInfrastructure.kafka().bootstrapServers(),
                Topics.HOUSEHOLD_EVENTS,
                id,
                eventId,
                type,
                "/household-service",
                HouseholdEventData.json(type, event),
                headers);
        return eventId;
    }
}
