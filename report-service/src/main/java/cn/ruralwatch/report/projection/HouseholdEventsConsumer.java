package cn.ruralwatch.report.projection;

import cn.ruralwatch.events.DivisionRegistered;
import cn.ruralwatch.events.DivisionRenamed;
import cn.ruralwatch.events.HouseholdEvent;
import cn.ruralwatch.events.HouseholdRegistered;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.messaging.Inbox;
import cn.ruralwatch.messaging.IncomingEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Divisions and households read model from household-events. */
@ApplicationScoped
public class HouseholdEventsConsumer {

    @Inject
    Inbox inbox;

    @Inject
    ObjectMapper mapper;

    @Inject
    EntityManager entityManager;

    @Incoming(Topics.HOUSEHOLD_EVENTS)
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        inbox.process(ReportConsumers.NAME, record, this::apply);
    }

    void apply(IncomingEvent event) throws Exception {
        HouseholdEvent parsed =
                HouseholdEvent.parse(event.type(), event.data(), mapper).orElse(null);
        if (parsed == null) {
            return;
        }
        switch (parsed) {
            case DivisionRegistered division ->
                entityManager
                        .createNativeQuery("""
                                insert into report_division (code, name, level, parent_code) values (?1, ?2, ?3, ?4)
                                on conflict (code) do update set name = excluded.name, level = excluded.level,
                                                                 parent_code = excluded.parent_code
                                """)
                        .setParameter(1, division.code())
                        .setParameter(2, division.name())
                        .setParameter(3, division.level())
                        .setParameter(4, division.parentCode())
                        .executeUpdate();
            case DivisionRenamed renamed ->
                entityManager
                        .createNativeQuery("update report_division set name = ?2 where code = ?1")
                        .setParameter(1, renamed.code())
                        .setParameter(2, renamed.name())
                        .executeUpdate();
            case HouseholdRegistered household ->
                entityManager
                        .createNativeQuery("""
                                insert into report_household (household_id, village_code, member_count, registered_at)
                                values (?1, ?2, ?3, ?4)
                                on conflict (household_id) do update set village_code = excluded.village_code,
                                                                         member_count = excluded.member_count
                                """)
                        .setParameter(1, UUID.fromString(household.householdId()))
                        .setParameter(2, household.villageCode())
                        .setParameter(3, household.members().size())
                        .setParameter(4, Timestamp.from(household.registeredAt()))
                        .executeUpdate();
        }
    }
}
