package cn.ruralwatch.report.projection;

import cn.ruralwatch.events.DisbursementRecorded;
import cn.ruralwatch.events.FundBatchRegistered;
import cn.ruralwatch.events.FundEvent;
import cn.ruralwatch.events.HouseholdBenefitsTotalled;
import cn.ruralwatch.events.ProjectChanged;
import cn.ruralwatch.events.ProjectState;
import cn.ruralwatch.events.PvOutputRecorded;
import cn.ruralwatch.events.PvPlanPublished;
import cn.ruralwatch.events.PvStationRegistered;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.messaging.EventHandler;
import cn.ruralwatch.messaging.Inbox;
import cn.ruralwatch.messaging.IncomingEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Linkage-fund, project, disbursement, household-benefit and PV read models from fund-events. */
@ApplicationScoped
public class FundEventsConsumer implements EventHandler {

    @Inject
    Inbox inbox;

    @Inject
    ObjectMapper mapper;

    @Inject
    EntityManager entityManager;

    @Inject
    ReadModelGeneration generation;

    /** Events arrive in batches (the channel has {@code batch=true}), each batch applied in one transaction. */
    @Incoming(Topics.FUND_EVENTS)
    @Blocking
    public CompletionStage<Void> onEvents(KafkaRecordBatch<String, String> batch) {
        return inbox.processBatch(this, batch);
    }

    @Override
    public String consumer() {
        return ReportConsumers.NAME;
    }

    @Override
    public String topic() {
        return Topics.FUND_EVENTS;
    }

    @Override
    public void apply(List<IncomingEvent> events) throws Exception {
        for (IncomingEvent event : events) {
            apply(event);
        }
    }

    /** Applies one event to the report read models; also what a rebuild replays. */
    public void apply(IncomingEvent event) throws Exception {
        FundEvent parsed = FundEvent.parse(event.type(), event.data(), mapper).orElse(null);
        if (parsed == null) {
            return;
        }
        generation.changing();
        switch (parsed) {
            case FundBatchRegistered batch ->
                entityManager
                        .createNativeQuery("""
                                insert into report_fund_batch (batch_id, county_code, source_level, fund_year, batch_number, amount)
                                values (?1, ?2, ?3, ?4, ?5, ?6)
                                on conflict (batch_id) do nothing
                                """)
                        .setParameter(1, UUID.fromString(batch.batchId()))
                        .setParameter(2, batch.countyCode())
                        .setParameter(3, batch.sourceLevel())
                        .setParameter(4, batch.year())
                        .setParameter(5, batch.batchNumber())
                        .setParameter(6, batch.amount())
                        .executeUpdate();
            case ProjectChanged changed -> apply(changed.project());
            case DisbursementRecorded paid ->
                entityManager
                        .createNativeQuery("""
                                insert into report_disbursement (disbursement_id, project_id, batch_id, county_code,
                                                                 division_code, project_type, amount, paid_on)
                                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                                on conflict (disbursement_id) do nothing
                                """)
                        .setParameter(1, UUID.fromString(paid.disbursementId()))
                        .setParameter(2, UUID.fromString(paid.projectId()))
                        .setParameter(3, UUID.fromString(paid.batchId()))
                        .setParameter(4, paid.countyCode())
                        .setParameter(5, paid.divisionCode())
                        .setParameter(6, paid.projectType())
                        .setParameter(7, paid.amount())
                        .setParameter(8, paid.paidOn())
                        .executeUpdate();
            // the household's totals of the year as of their newest version: an older one changes nothing
            case HouseholdBenefitsTotalled totals ->
                entityManager
                        .createNativeQuery("""
                                insert into report_household_benefit (household_id, benefit_year, village_code, version,
                                                                      by_kind, total)
                                values (?1, ?2, ?3, ?4, cast(?5 as jsonb), ?6)
                                on conflict (household_id, benefit_year) do update
                                set village_code = excluded.village_code, version = excluded.version,
                                    by_kind = excluded.by_kind, total = excluded.total
                                where report_household_benefit.version < excluded.version
                                """)
                        .setParameter(1, UUID.fromString(totals.householdId()))
                        .setParameter(2, totals.year())
                        .setParameter(3, totals.villageCode())
                        .setParameter(4, totals.version())
                        .setParameter(5, mapper.writeValueAsString(totals.byKind()))
                        .setParameter(6, totals.total())
                        .executeUpdate();
            case PvStationRegistered station ->
                entityManager
                        .createNativeQuery("""
                                insert into report_pv_station (station_id, county_code, village_code, name, capacity_kw,
                                                               connected_on)
                                values (?1, ?2, ?3, ?4, ?5, cast(?6 as date))
                                on conflict (station_id) do nothing
                                """)
                        .setParameter(1, UUID.fromString(station.stationId()))
                        .setParameter(2, station.countyCode())
                        .setParameter(3, station.villageCode())
                        .setParameter(4, station.name())
                        .setParameter(5, station.capacityKw())
                        .setParameter(6, station.connectedOn())
                        .executeUpdate();
            // a month as last recorded: an older record (redelivered or reordered) changes nothing
            case PvOutputRecorded output ->
                entityManager
                        .createNativeQuery("""
                                insert into report_pv_output (station_id, output_year, output_month, village_code,
                                                              generation_kwh, revenue, recorded_at)
                                values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                                on conflict (station_id, output_year, output_month) do update
                                set generation_kwh = excluded.generation_kwh, revenue = excluded.revenue,
                                    recorded_at = excluded.recorded_at
                                where report_pv_output.recorded_at < excluded.recorded_at
                                """)
                        .setParameter(1, UUID.fromString(output.stationId()))
                        .setParameter(2, output.year())
                        .setParameter(3, output.month())
                        .setParameter(4, output.villageCode())
                        .setParameter(5, output.generationKwh())
                        .setParameter(6, output.revenue())
                        .setParameter(7, Timestamp.from(output.recordedAt()))
                        .executeUpdate();
            // a published plan never changes
            case PvPlanPublished plan ->
                entityManager
                        .createNativeQuery("""
                                insert into report_pv_plan (plan_id, county_code, division_code, plan_year, published_on,
                                                            document_number, distributable, job_holders, wages, works,
                                                            works_labour, rewards, rewarded_households)
                                values (?1, ?2, ?3, ?4, ?5, cast(?6 as text), ?7, ?8, ?9, ?10, ?11, ?12, ?13)
                                on conflict (plan_id) do nothing
                                """)
                        .setParameter(1, UUID.fromString(plan.planId()))
                        .setParameter(2, plan.countyCode())
                        .setParameter(3, plan.divisionCode())
                        .setParameter(4, plan.year())
                        .setParameter(5, plan.publishedOn())
                        .setParameter(6, plan.documentNumber())
                        .setParameter(7, plan.distributable())
                        .setParameter(8, plan.jobHolders())
                        .setParameter(9, plan.wages())
                        .setParameter(10, plan.works())
                        .setParameter(11, plan.worksLabour())
                        .setParameter(12, plan.rewards())
                        .setParameter(13, plan.rewardedHouseholds())
                        .executeUpdate();
        }
    }

    /** The project as of its newest state: an older state (redelivered or reordered) changes nothing. */
    private void apply(ProjectState project) {
        UUID id = UUID.fromString(project.projectId());
        int written = entityManager
                .createNativeQuery("""
                        insert into report_project (project_id, version, county_code, division_code, name, project_type,
                                                    project_year, stage, planned_investment, progress_percent,
                                                    beneficiary_households)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                        on conflict (project_id) do update
                        set version = excluded.version, division_code = excluded.division_code, name = excluded.name,
                            project_type = excluded.project_type, project_year = excluded.project_year,
                            stage = excluded.stage, planned_investment = excluded.planned_investment,
                            progress_percent = excluded.progress_percent,
                            beneficiary_households = excluded.beneficiary_households
                        where report_project.version < excluded.version
                        """)
                .setParameter(1, id)
                .setParameter(2, project.version())
                .setParameter(3, project.countyCode())
                .setParameter(4, project.divisionCode())
                .setParameter(5, project.name())
                .setParameter(6, project.projectType())
                .setParameter(7, project.year())
                .setParameter(8, project.stage())
                .setParameter(9, project.plannedInvestment())
                .setParameter(10, project.progressPercent())
                .setParameter(11, project.beneficiaryHouseholdIds().size())
                .executeUpdate();
        if (written == 0) {
            return;
        }
        entityManager
                .createNativeQuery("delete from report_project_budget_line where project_id = ?1")
                .setParameter(1, id)
                .executeUpdate();
        for (ProjectState.BudgetLine line : project.budgetLines()) {
            entityManager
                    .createNativeQuery(
                            "insert into report_project_budget_line (project_id, batch_id, amount) values (?1, ?2, ?3)")
                    .setParameter(1, id)
                    .setParameter(2, UUID.fromString(line.batchId()))
                    .setParameter(3, line.amount())
                    .executeUpdate();
        }
    }
}
