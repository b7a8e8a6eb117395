package cn.ruralwatch.indicator.projection;

import cn.ruralwatch.events.AssistanceMeasureAdded;
import cn.ruralwatch.events.DivisionPopulationSet;
import cn.ruralwatch.events.DivisionRegistered;
import cn.ruralwatch.events.DivisionRenamed;
import cn.ruralwatch.events.HouseholdEvent;
import cn.ruralwatch.events.HouseholdState;
import cn.ruralwatch.events.HouseholdStateEvent;
import cn.ruralwatch.events.MonitoringCaseDecided;
import cn.ruralwatch.events.MonitoringCaseOpened;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.indicator.evaluation.EvaluationService;
import cn.ruralwatch.messaging.Inbox;
import cn.ruralwatch.messaging.IncomingEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps the household projection current from household-events and re-evaluates each changed household. */
@ApplicationScoped
public class HouseholdEventsConsumer {

    static final String CONSUMER = "indicator-service";

    @Inject
    Inbox inbox;

    @Inject
    ObjectMapper mapper;

    @Inject
    EntityManager entityManager;

    @Inject
    EvaluationService evaluations;

    @Incoming(Topics.HOUSEHOLD_EVENTS)
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        inbox.process(CONSUMER, record, this::apply);
    }

    void apply(IncomingEvent event) throws Exception {
        HouseholdEvent parsed =
                HouseholdEvent.parse(event.type(), event.data(), mapper).orElse(null);
        if (parsed == null) {
            return;
        }
        switch (parsed) {
            case HouseholdStateEvent changed -> {
                project(changed.household());
                evaluations.evaluate(UUID.fromString(changed.household().householdId()), event.id());
            }
            case DivisionRegistered ignored -> {
                // village facts arrive with the indicator standards; divisions need no projection yet
            }
            case DivisionRenamed ignored -> {
                // names are not evaluated
            }
            case DivisionPopulationSet ignored -> {
                // the bases of rates arrive with the indicator standards' evaluation of regions
            }
            case MonitoringCaseOpened ignored -> {
                // the workflow's cases are not evaluated; their outcome arrives as the household's new state
            }
            case MonitoringCaseDecided ignored -> {
                // the household's new state follows in its own event
            }
            case AssistanceMeasureAdded ignored -> {
                // measures are not evaluated
            }
        }
    }

    /** The household and the members living in it, as the event's state shows them. */
    private void project(HouseholdState state) {
        UUID id = UUID.fromString(state.householdId());
        HouseholdProjection household = entityManager.find(HouseholdProjection.class, id);
        boolean known = household != null;
        if (!known) {
            household = new HouseholdProjection();
            household.householdId = id;
            household.registeredAt = state.registeredAt();
        }
        household.villageCode = state.villageCode();
        household.updatedAt = Instant.now();
        if (known) {
            household.members.clear();
            entityManager.flush();
        } else {
            entityManager.persist(household);
        }
        for (HouseholdState.Member m : state.activeMembers()) {
            MemberProjection member = new MemberProjection();
            member.memberId = UUID.fromString(m.memberId());
            member.household = household;
            member.relation = m.relation();
            member.sex = m.sex();
            member.birthDate = m.birthDate();
            member.medicalInsurance = m.medicalInsurance();
            household.members.add(member);
        }
    }
}
