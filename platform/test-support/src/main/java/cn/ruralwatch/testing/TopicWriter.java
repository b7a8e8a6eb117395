package cn.ruralwatch.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes CloudEvents (binary mode) the way another service of the suite would, for consumer tests. */
public final class TopicWriter {

    private TopicWriter() {}

    public static void send(
            String bootstrapServers,
            String topic,
            String key,
            String eventId,
            String type,
            String source,
            String data) {
        send(bootstrapServers, topic, key, eventId, type, source, data, Map.of());
    }

    /**
     * An event with more headers, e.g. the extension attributes of the event's cause ({@code ce_traceparent},
     * {@code ce_requestid}).
     */
    public static void send(
            String bootstrapServers,
            String topic,
            String key,
            String eventId,
            String type,
            String source,
            String data,
            Map<String, String> moreHeaders) {
        RecordHeaders headers = new RecordHeaders();
        moreHeaders.forEach((name, value) -> headers.add(name, bytes(value)));
        if (eventId != null) {
            headers.add("ce_specversion", bytes("1.0"));
            headers.add("ce_id", bytes(eventId));
            headers.add("ce_type", bytes(type));
            headers.add("ce_source", bytes(source));
            headers.add("ce_subject", bytes(key));
            headers.add("ce_time", bytes(Instant.now().toString()));
            headers.add("content-type", bytes("application/json"));
        }
        Map<String, Object> props = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.send(new ProducerRecord<>(topic, null, key, data, headers)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("Could not publish test event to " + topic, e);
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
