package cn.ruralwatch.report.projection;

import cn.ruralwatch.events.FundBatchRegistered;
import cn.ruralwatch.events.FundEvent;
import cn.ruralwatch.events.Topics;
import cn.ruralwatch.messaging.Inbox;
import cn.ruralwatch.messaging.IncomingEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Linkage-fund read model from fund-events. */
@ApplicationScoped
public class FundEventsConsumer {

    @Inject
    Inbox inbox;

    @Inject
    ObjectMapper mapper;

    @Inject
    EntityManager entityManager;

    @Incoming(Topics.FUND_EVENTS)
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        inbox.process(ReportConsumers.NAME, record, this::apply);
    }

    void apply(IncomingEvent event) throws Exception {
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
        }
    }
}
