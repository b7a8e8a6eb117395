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
import cn.ruralwatch.sql.Sql;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
    Sql sql;

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
                sql.query("""
                                insert into report_fund_batch (batch_id, county_code, source_level, fund_year, batch_number, amount)
                                values (:batchId, :countyCode, :sourceLevel, :year, :batchNumber, :amount)
                                on conflict (batch_id) do nothing
                                """)
                        .bind("batchId", UUID.fromString(batch.batchId()))
                        .bind("countyCode", batch.countyCode())
                        .bind("sourceLevel", batch.sourceLevel())
                        .bind("year", batch.year())
                        .bind("batchNumber", batch.batchNumber())
                        .bind("amount", batch.amount())
                        .execute();
            case ProjectChanged changed -> apply(changed.project());
            case DisbursementRecorded paid ->
                sql.query("""
                                insert into report_disbursement (disbursement_id, project_id, batch_id, county_code,
                                                                 division_code, project_type, amount, paid_on)
                                values (:disbursementId, :projectId, :batchId, :countyCode, :divisionCode, :projectType,
                                        :amount, :paidOn)
                                on conflict (disbursement_id) do nothing
                                """)
                        .bind("disbursementId", UUID.fromString(paid.disbursementId()))
                        .bind("projectId", UUID.fromString(paid.projectId()))
                        .bind("batchId", UUID.fromString(paid.batchId()))
                        .bind("countyCode", paid.countyCode())
                        .bind("divisionCode", paid.divisionCode())
                        .bind("projectType", paid.projectType())
                        .bind("amount", paid.amount())
                        .bind("paidOn", paid.paidOn())
                        .execute();
            // the household's totals of the year as of their newest version: an older one changes nothing
            case HouseholdBenefitsTotalled totals ->
                sql.query("""
                                insert into report_household_benefit (household_id, benefit_year, village_code, version,
                                                                      by_kind, total)
                                values (:householdId, :year, :villageCode, :version, cast(:byKind as jsonb), :total)
                                on conflict (household_id, benefit_year) do update
                                set village_code = excluded.village_code, version = excluded.version,
                                    by_kind = excluded.by_kind, total = excluded.total
                                where report_household_benefit.version < excluded.version
                                """)
                        .bind("householdId", UUID.fromString(totals.householdId()))
                        .bind("year", totals.year())
                        .bind("villageCode", totals.villageCode())
                        .bind("version", totals.version())
                        .bind("byKind", mapper.writeValueAsString(totals.byKind()))
                        .bind("total", totals.total())
                        .execute();
            case PvStationRegistered station ->
                sql.query("""
                                insert into report_pv_station (station_id, county_code, village_code, name, capacity_kw,
                                                               connected_on)
                                values (:stationId, :countyCode, :villageCode, :name, :capacityKw,
                                        cast(:connectedOn as date))
                                on conflict (station_id) do nothing
                                """)
                        .bind("stationId", UUID.fromString(station.stationId()))
                        .bind("countyCode", station.countyCode())
                        .bind("villageCode", station.villageCode())
                        .bind("name", station.name())
                        .bind("capacityKw", station.capacityKw())
                        .bind("connectedOn", station.connectedOn())
                        .execute();
            // a month as last recorded: an older record (redelivered or reordered) changes nothing
            case PvOutputRecorded output ->
                sql.query("""
                                insert into report_pv_output (station_id, output_year, output_month, village_code,
                                                              generation_kwh, revenue, recorded_at)
                                values (:stationId, :year, :month, :villageCode, :generationKwh, :revenue, :recordedAt)
                                on conflict (station_id, output_year, output_month) do update
                                set generation_kwh = excluded.generation_kwh, revenue = excluded.revenue,
                                    recorded_at = excluded.recorded_at
                                where report_pv_output.recorded_at < excluded.recorded_at
                                """)
                        .bind("stationId", UUID.fromString(output.stationId()))
                        .bind("year", output.year())
                        .bind("month", output.month())
                        .bind("villageCode", output.villageCode())
                        .bind("generationKwh", output.generationKwh())
                        .bind("revenue", output.revenue())
                        .bind("recordedAt", Timestamp.from(output.recordedAt()))
                        .execute();
            // a published plan never changes
            case PvPlanPublished plan ->
                sql.query("""
                                insert into report_pv_plan (plan_id, county_code, division_code, plan_year, published_on,
                                                            document_number, distributable, job_holders, wages, works,
                                                            works_labour, rewards, rewarded_households)
                                values (:planId, :countyCode, :divisionCode, :year, :publishedOn,
                                        cast(:documentNumber as text), :distributable, :jobHolders, :wages, :works,
                                        :worksLabour, :rewards, :rewardedHouseholds)
                                on conflict (plan_id) do nothing
                                """)
                        .bind("planId", UUID.fromString(plan.planId()))
                        .bind("countyCode", plan.countyCode())
                        .bind("divisionCode", plan.divisionCode())
                        .bind("year", plan.year())
                        .bind("publishedOn", plan.publishedOn())
                        .bind("documentNumber", plan.documentNumber())
                        .bind("distributable", plan.distributable())
                        .bind("jobHolders", plan.jobHolders())
                        .bind("wages", plan.wages())
                        .bind("works", plan.works())
                        .bind("worksLabour", plan.worksLabour())
                        .bind("rewards", plan.rewards())
                        .bind("rewardedHouseholds", plan.rewardedHouseholds())
                        .execute();
        }
    }

    /** The project as of its newest state: an older state (redelivered or reordered) changes nothing. */
    private void apply(ProjectState project) {
        UUID id = UUID.fromString(project.projectId());
        int written = sql.query("""
                        insert into report_project (project_id, version, county_code, division_code, name, project_type,
                                                    project_year, stage, planned_investment, progress_percent,
                                                    beneficiary_households)
                        values (:projectId, :version, :countyCode, :divisionCode, :name, :projectType, :year, :stage,
                                :plannedInvestment, :progressPercent, :beneficiaryHouseholds)
                        on conflict (project_id) do update
                        set version = excluded.version, division_code = excluded.division_code, name = excluded.name,
                            project_type = excluded.project_type, project_year = excluded.project_year,
                            stage = excluded.stage, planned_investment = excluded.planned_investment,
                            progress_percent = excluded.progress_percent,
                            beneficiary_households = excluded.beneficiary_households
                        where report_project.version < excluded.version
                        """)
                .bind("projectId", id)
                .bind("version", project.version())
                .bind("countyCode", project.countyCode())
                .bind("divisionCode", project.divisionCode())
                .bind("name", project.name())
                .bind("projectType", project.projectType())
                .bind("year", project.year())
                .bind("stage", project.stage())
                .bind("plannedInvestment", project.plannedInvestment())
                .bind("progressPercent", project.progressPercent())
                .bind("beneficiaryHouseholds", project.beneficiaryHouseholdIds().size())
                .execute();
        if (written == 0) {
            return;
        }
        sql.query("delete from report_project_budget_line where project_id = :projectId")
                .bind("projectId", id)
                .execute();
        for (ProjectState.BudgetLine line : project.budgetLines()) {
            sql.query("""
                            insert into report_project_budget_line (project_id, batch_id, amount)
                            values (:projectId, :batchId, :amount)""")
                    .bind("projectId", id)
                    .bind("batchId", UUID.fromString(line.batchId()))
                    .bind("amount", line.amount())
                    .execute();
        }
    }
}
