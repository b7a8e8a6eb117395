package cn.ruralwatch.report.projection;

import cn.ruralwatch.events.DisbursementRecorded;
import cn.ruralwatch.events.FundBatchRegistered;
import cn.ruralwatch.events.FundEvent;
import cn.ruralwatch.events.HouseholdBenefitsTotalled;
import cn.ruralwatch.events.ProjectChanged;
import cn.ruralwatch.events.ProjectState;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.messaging.Inbox;
import cn.ruralwatch.messaging.IncomingEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Linkage-fund, project and disbursement read models from fund-events. */
@ApplicationScoped
public class FundEventsConsumer {

    @Inject
    Inbox inbox;

    @Inject
    ObjectMapper mapper;

    @Inject
    EntityManager entityManager;

    /** Events arrive in batches (the channel has {@code batch=true}), each batch applied in one transaction. */
    @Incoming(Topics.FUND_EVENTS)
    @Blocking
    public CompletionStage<Void> onEvents(KafkaRecordBatch<String, String> batch) {
        return inbox.processBatch(ReportConsumers.NAME, batch, events -> {
            for (IncomingEvent event : events) {
                apply(event);
            }
        });
    }

    /** Applies one event to the report read models; also what a rebuild replays. */
    public void apply(IncomingEvent event) throws Exception {
        FundEvent parsed = FundEvent.parse(event.type(), event.data(), mapper).orElse(null);
        if (parsed == null) {
            return;
        }
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
