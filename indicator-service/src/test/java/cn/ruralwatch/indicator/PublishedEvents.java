package cn.ruralwatch.indicator;

import cn.ruralwatch.events.Topics;
import cn.ruralwatch.testing.EventSchemas;
import cn.ruralwatch.testing.SuiteInfrastructure;
import cn.ruralwatch.testing.TopicReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** What indicator-service published on indicator-events, read back from the topic. */
final class PublishedEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PublishedEvents() {}

    /** The events of a type with a record key, in the order published, each checked against its schema. */
    static List<JsonNode> of(String type, String key) {
        return TopicReader.readAll(SuiteInfrastructure.kafka().bootstrapServers(), Topics.INDICATOR_EVENTS).stream()
                .filter(e -> key.equals(e.key()) && type.equals(e.header("ce_type")))
                .map(e -> {
                    EventSchemas.assertValid(type, e.data());
                    try {
                        return JSON.readTree(e.data());
                    } catch (IOException notJson) {
                        throw new UncheckedIOException(notJson);
                    }
                })
                .toList();
    }
}
