package cn.ruralwatch.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Holds the AsyncAPI document ({@code event-schemas/asyncapi.yaml}) to the code it describes: the schema files, the
 * event types and topics, the headers the outbox relay writes, the topics each service publishes and consumes with
 * its consumer group, the partitions topics are created with, and the brokers the services are configured for. The
 * code is read from the repository (the services' sources and configuration), so that a change there that the
 * document does not follow fails here.
 */
class AsyncApiDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HEADER_CONSTANT = Pattern.compile("public static final String (\\w+) = \"([^\"]*)\";");
    private static final Pattern HEADER_ADDED =
            Pattern.compile("headers\\.add\\(\\s*(?:CloudEventHeaders\\.(\\w+)|\"([^\"]+)\")");
    private static final Pattern INCOMING = Pattern.compile("@Incoming\\(\\s*(?:Topics\\.(\\w+)|\"([^\"]+)\")\\s*\\)");
    private static final Pattern PUBLISHED =
            Pattern.compile("(?:outbox\\.publish|outbox\\.publishAll|new Outbox\\.Message)\\(\\s*Topics\\.(\\w+)");
    private static final Pattern DEPENDENCY = Pattern.compile("<artifactId>([a-z0-9-]+)</artifactId>");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");

    private static Path root;
    private static Path schemaDirectory;
    private static JsonNode document;
    private static List<Service> services;

    /** A service of the suite that publishes or consumes events: it has an outbox source. */
    private record Service(String name, Path directory, Properties configuration, List<Path> sources) {

        String property(String key) {
            String value = configuration.getProperty(key);
            return value == null ? null : resolve(value, configuration);
        }
    }

    @BeforeAll
    static void load() throws IOException, URISyntaxException {
        Path document = Path.of(AsyncApiDocumentTest.class
                .getClassLoader()
                .getResource("event-schemas/asyncapi.yaml")
                .toURI());
        schemaDirectory = document.getParent();
        try (Reader reader = Files.newBufferedReader(document)) {
            AsyncApiDocumentTest.document = new ObjectMapper(new YAMLFactory()).readTree(reader);
        }
        root = repositoryRoot();
        services = services();
        assertFalse(services.isEmpty(), "no service with ruralwatch.outbox.source found under " + root);
    }

    @Test
    void everyReferenceResolvesAndEverySchemaFileIsReferenced() throws IOException {
        Set<String> files = new TreeSet<>();
        walk(document, node -> {
            JsonNode ref = node.get("$ref");
            if (ref == null) {
                return;
            }
            String target = ref.asText();
            if (target.startsWith("#/")) {
                assertFalse(document.at(target.substring(1)).isMissingNode(), "nothing at " + target);
            } else {
                String file = Path.of(target).getFileName().toString();
                assertEquals("./" + file, target, "schema files are referred to beside the document: " + target);
                files.add(file);
            }
        });
        for (String file : List.copyOf(files)) {
            walk(schema(file), node -> {
                JsonNode ref = node.get("$ref");
                if (ref != null) {
                    assertTrue(
                            Files.exists(schemaDirectory.resolve(ref.asText())),
                            file + " refers to " + ref.asText() + ", which is not beside it");
                    assertFalse(ref.asText().contains("/"), file + " refers by file name only: " + ref.asText());
                }
                assertFalse(node.has("$id"), file + " has an $id: schemas are found by file name, without a host");
            });
        }
        try (Stream<Path> listing = Files.list(schemaDirectory)) {
            Set<String> present = listing.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".json"))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(present, files, "every schema file beside the document is referenced by it");
        }
    }

    @Test
    void everyEventTypeIsOneMessageWithTheSchemaOfItsName() {
        Set<String> types = new TreeSet<>(constants(EventTypes.class).values());
        types.add(Topics.CLUE_REPORTED);
        Map<String, String> payloads = new TreeMap<>();
        document.path("components").path("messages").forEach(message -> {
            String name = message.path("name").asText();
            assertTrue(
                    payloads.put(name, message.path("payload").path("$ref").asText()) == null, "two messages " + name);
        });
        assertEquals(types, payloads.keySet(), "a message for every event type, and no other");
        payloads.forEach((type, payload) -> assertEquals("./" + type + ".json", payload, "the schema of " + type));

        Map<String, String> channelOf = new HashMap<>();
        document.path("channels")
                .properties()
                .forEach(channel -> channel.getValue().path("messages").forEach(message -> {
                    String name = resolved(message).path("name").asText();
                    String earlier = channelOf.put(name, channel.getKey());
                    assertTrue(earlier == null, name + " is in " + earlier + " and " + channel.getKey());
                }));
        assertEquals(types, channelOf.keySet(), "every message is in a channel");
    }

    @Test
    void channelsAreTheTopicsAndHoldTheirEvents() {
        Set<String> topics = constants(Topics.class).values().stream()
                .filter(value -> !value.equals(Topics.CLUE_REPORTED))
                .collect(Collectors.toCollection(TreeSet::new));
        Map<String, JsonNode> channels = channelsByAddress();
        assertEquals(topics, channels.keySet(), "a channel for every topic, and no other");

        Map<String, Class<?>> sealedByTopic = Map.of(
                Topics.HOUSEHOLD_EVENTS, HouseholdEvent.class,
                Topics.INDICATOR_EVENTS, IndicatorEvent.class,
                Topics.FUND_EVENTS, FundEvent.class,
                Topics.AUDIT_EVENTS, AuditEvent.class);
        sealedByTopic.forEach((topic, family) -> {
            Set<String> titles = payloadTitles(channels.get(topic));
            for (Class<?> record : permittedRecords(family)) {
                assertTrue(
                        titles.contains(record.getSimpleName()),
                        topic + " lacks " + record.getSimpleName() + ", an event of " + family.getSimpleName());
            }
        });
        channels.forEach((topic, channel) -> {
            for (String title : payloadTitles(channel)) {
                eventRecord(title)
                        .ifPresent(record -> sealedByTopic.forEach((other, family) -> assertFalse(
                                !other.equals(topic) && family.isAssignableFrom(record),
                                title + " is an event of " + other + ", not of " + topic)));
            }
        });
    }

    @Test
    void payloadTitlesAreTheNamesOfThePayloadRecords() {
        for (JsonNode message : document.path("components").path("messages")) {
            String type = message.path("name").asText();
            String title = payload(message).path("title").asText();
            assertTrue(title.matches("[A-Z][A-Za-z0-9]*"), type + ": the title " + title + " is no model name");
            if (!type.equals(Topics.CLUE_REPORTED)) {
                assertTrue(eventRecord(title).isPresent(), type + ": no payload record cn.ruralwatch.events." + title);
            }
        }
    }

    @Test
    void aTitleNamesOneSchema() throws IOException {
        Map<String, JsonNode> byTitle = new TreeMap<>();
        Map<String, String> where = new HashMap<>();
        try (Stream<Path> listing = Files.list(schemaDirectory)) {
            for (Path file : listing.filter(p -> p.toString().endsWith(".json")).toList()) {
                walk(schema(file.getFileName().toString()), node -> {
                    if (!node.path("title").isTextual()) {
                        return;
                    }
                    String title = node.get("title").asText();
                    JsonNode shape = withoutDescriptions(node);
                    JsonNode earlier = byTitle.putIfAbsent(title, shape);
                    where.putIfAbsent(title, file.getFileName().toString());
                    assertTrue(
                            earlier == null || earlier.equals(shape),
                            "the title " + title + " names different schemas in " + where.get(title) + " and "
                                    + file.getFileName()
                                    + " (a generated model of that name would stand for one of them only)");
                });
            }
        }
        for (JsonNode message : document.path("components").path("messages")) {
            assertTrue(
                    resolvedHeaders(message).path("title").isTextual(),
                    message.path("name").asText() + ": its headers schema has no title");
        }
    }

    @Test
    void headersTheRelayWritesAreDeclared() throws IOException {
        Path messaging = root.resolve("platform/reliable-messaging/src/main/java/cn/ruralwatch/messaging");
        Map<String, String> constants = new LinkedHashMap<>();
        Matcher constant = HEADER_CONSTANT.matcher(Files.readString(messaging.resolve("CloudEventHeaders.java")));
        while (constant.find()) {
            constants.put(constant.group(1), constant.group(2));
        }
        Map<String, String> headerNames = constants.entrySet().stream()
                .filter(e -> e.getValue().startsWith("ce_") || e.getValue().equals("content-type"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertTrue(headerNames.containsValue("ce_id"), "the header names of CloudEventHeaders.java were not found");

        JsonNode declared = document.at("/components/schemas/CloudEventHeaders");
        for (String header : headerNames.values()) {
            assertTrue(declared.path("properties").has(header), "CloudEventHeaders does not declare " + header);
        }
        for (JsonNode required : declared.path("required")) {
            assertTrue(
                    headerNames.containsValue(required.asText()),
                    required.asText() + " is required, but the relay knows no such header");
        }
        assertEquals(
                constants.get("SPEC_VERSION_1_0"),
                declared.at("/properties/ce_specversion/const").asText());
        assertEquals(
                constants.get("JSON"),
                declared.at("/properties/content-type/const").asText());

        Set<String> written = new TreeSet<>();
        for (Path source : javaFiles(root.resolve("platform/reliable-messaging/src/main/java"))) {
            Matcher added = HEADER_ADDED.matcher(Files.readString(source));
            while (added.find()) {
                String header = added.group(1) != null ? headerNames.get(added.group(1)) : added.group(2);
                assertNotNull(
                        header, source.getFileName() + " writes a header that is no header constant: " + added.group());
                written.add(header);
            }
        }
        assertTrue(written.contains("ce_id"), "the relay's headers.add(...) calls were not found");
        for (String header : written) {
            assertTrue(declared.path("properties").has(header), "the relay writes " + header + ", undeclared");
        }
        Set<String> sources = services.stream()
                .map(service -> service.property("ruralwatch.outbox.source"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(
                sources, texts(declared.at("/properties/ce_source/enum")), "ce_source is a service's outbox source");
    }

    @Test
    void everySuiteEventCarriesTheSharedHeadersAndAKey() {
        for (JsonNode message : document.path("components").path("messages")) {
            String type = message.path("name").asText();
            JsonNode key =
                    resolved(resolved(message.path("bindings")).path("kafka").path("key"));
            assertFalse(key.path("description").asText().isBlank(), type + ": its key is not described");
            assertEquals("string", key.path("type").asText(), type + ": keys are UTF-8 text");
            if (type.equals(Topics.CLUE_REPORTED)) {
                assertEquals(
                        "#/components/schemas/ClueIntakeHeaders",
                        message.at("/headers/$ref").asText());
                assertEquals(
                        type,
                        document.at("/components/schemas/ClueIntakeHeaders/properties/ce_type/const")
                                .asText());
            } else {
                assertEquals(
                        "#/components/schemas/CloudEventHeaders",
                        resolved(message.path("traits").path(0))
                                .at("/headers/$ref")
                                .asText(),
                        type + " does not carry the suite's CloudEvents headers");
                assertFalse(message.has("headers"), type + " declares headers of its own besides the shared ones");
            }
        }
    }

    @Test
    void receiveOperationsAreTheConsumersAndTheirGroups() throws IOException {
        Properties defaults = properties(
                root.resolve("platform/reliable-messaging/src/main/resources/META-INF/microprofile-config.properties"));
        Set<String> consumed = new TreeSet<>();
        for (Service service : services) {
            Properties merged = new Properties();
            merged.putAll(defaults);
            merged.putAll(service.configuration());
            Set<String> channels = new TreeSet<>();
            for (Path source : service.sources()) {
                Matcher incoming = INCOMING.matcher(Files.readString(source));
                while (incoming.find()) {
                    channels.add(incoming.group(1) != null ? topic(incoming.group(1)) : incoming.group(2));
                }
            }
            for (String key : service.configuration().stringPropertyNames()) {
                if (key.startsWith("mp.messaging.incoming.")) {
                    String channel =
                            key.substring("mp.messaging.incoming.".length()).split("\\.")[0];
                    assertTrue(
                            channels.contains(channel), service.name() + " configures " + channel + ", no @Incoming");
                }
                assertFalse(
                        key.contains("failure-strategy") || key.contains("dead-letter-queue"),
                        service.name() + " sets " + key + ": the document says dead letters stay in the database");
            }
            for (String channel : channels) {
                String topic = Optional.ofNullable(merged.getProperty("mp.messaging.incoming." + channel + ".topic"))
                        .orElse(channel);
                String group = resolve(
                        Optional.ofNullable(merged.getProperty("mp.messaging.incoming." + channel + ".group.id"))
                                .orElse(merged.getProperty("mp.messaging.connector.smallrye-kafka.group.id")),
                        merged);
                consumed.add(topic + " " + group);
            }
        }
        assertFalse(consumed.isEmpty(), "no @Incoming found in the services");
        assertEquals(consumed, operations("receive", "groupId"), "receive operations: topic and consumer group");
    }

    @Test
    void sendOperationsAreTheProducersAndTheirRelays() throws IOException {
        Set<String> produced = new TreeSet<>();
        for (Service service : services) {
            String client =
                    "outbox" + service.property("ruralwatch.outbox.source").replace('/', '-');
            for (Path directory : codeOf(service)) {
                for (Path source : javaFiles(directory)) {
                    Matcher published = PUBLISHED.matcher(Files.readString(source));
                    while (published.find()) {
                        produced.add(topic(published.group(1)) + " " + client);
                    }
                }
            }
        }
        assertFalse(produced.isEmpty(), "no outbox.publish(Topics.…) found");
        assertEquals(produced, operations("send", "clientId"), "send operations: topic and the relay's client id");

        Set<String> external = new TreeSet<>();
        document.path("operations").forEach(operation -> {
            if (operation.path("action").asText().equals("send") && !operation.has("bindings")) {
                external.add(resolved(operation.path("channel")).path("address").asText());
            }
        });
        assertEquals(Set.of(Topics.CLUE_INTAKE), external, "only other systems send to clue-intake, and nothing else");
        assertTrue(
                produced.stream().noneMatch(p -> p.startsWith(Topics.CLUE_INTAKE + " ")),
                "a service publishes to clue-intake: the document says only other systems do");
    }

    @Test
    void topicsAreCreatedAsTheBindingsSay() throws IOException {
        String config = Files.readString(
                root.resolve("platform/reliable-messaging/src/main/java/cn/ruralwatch/messaging/OutboxConfig.java"));
        Map<String, JsonNode> channels = channelsByAddress();
        for (Service service : services) {
            String created = service.property("ruralwatch.outbox.create-topics");
            if (created != null) {
                for (String topic : created.split(",")) {
                    assertTrue(
                            channels.containsKey(topic.trim()), service.name() + " creates " + topic + ": no channel");
                }
            }
            int partitions =
                    Integer.parseInt(Optional.ofNullable(service.property("ruralwatch.outbox.topic-partitions"))
                            .orElseGet(() -> defaultOf(config, "topicPartitions")));
            int replicas =
                    Integer.parseInt(Optional.ofNullable(service.property("ruralwatch.outbox.topic-replication-factor"))
                            .orElseGet(() -> defaultOf(config, "topicReplicationFactor")));
            channels.forEach((topic, channel) -> {
                JsonNode kafka = resolved(channel.path("bindings")).path("kafka");
                assertEquals(partitions, kafka.path("partitions").asInt(), topic + ": partitions as created");
                assertEquals(replicas, kafka.path("replicas").asInt(), topic + ": replicas as created");
                assertTrue(
                        !kafka.has("topic") || kafka.path("topic").asText().equals(topic),
                        topic + ": the binding names another topic");
            });
        }
    }

    @Test
    void serversAreTheBrokersTheSuiteRunsWith() throws IOException {
        for (Service service : services) {
            assertEquals(
                    service.property("%dev.kafka.bootstrap.servers"),
                    document.at("/servers/local/host").asText(),
                    service.name() + ": the broker of bin/suite");
        }
        Matcher compose = Pattern.compile("KAFKA_BOOTSTRAP_SERVERS:\\s*\"?([^\"\\s]+)")
                .matcher(Files.readString(root.resolve("docker-compose.yml")));
        assertTrue(compose.find(), "docker-compose.yml sets no KAFKA_BOOTSTRAP_SERVERS");
        assertEquals(compose.group(1), document.at("/servers/compose/host").asText());
    }

    @Test
    void onlyClueIntakeCarriesPersonalNumbers() throws IOException {
        Pattern personalNumber = Pattern.compile(
                "(?i)(.*idnumber|.*idcard.*|phone(number)?|mobile(phone)?|.*bankaccount.*|.*cardnumber)");
        try (Stream<Path> listing = Files.list(schemaDirectory)) {
            for (Path file : listing.filter(p -> p.toString().endsWith(".json")).toList()) {
                walk(schema(file.getFileName().toString()), node -> node.path("properties")
                        .fieldNames()
                        .forEachRemaining(property -> assertTrue(
                                !personalNumber.matcher(property).matches()
                                        || file.getFileName().toString().equals(Topics.CLUE_REPORTED + ".json"),
                                file.getFileName() + " has " + property
                                        + ": the document says only clue-intake carries personal numbers")));
            }
        }
        assertTrue(schema(Topics.CLUE_REPORTED + ".json").path("properties").has("idNumber"));
    }

    // --- reading the document ---------------------------------------------------------------------------------

    /** The operations of an action as "topic id", the id being the single value of their Kafka binding's field. */
    private static Set<String> operations(String action, String field) {
        Set<String> found = new TreeSet<>();
        document.path("operations").properties().forEach(entry -> {
            JsonNode operation = entry.getValue();
            if (!operation.path("action").asText().equals(action)) {
                return;
            }
            if (!operation.has("bindings")) {
                assertEquals("send", action, entry.getKey() + ": a receive operation without its consumer group");
                return;
            }
            JsonNode values = resolved(operation.path("bindings"))
                    .path("kafka")
                    .path(field)
                    .path("enum");
            assertEquals(1, values.size(), entry.getKey() + ": one " + field);
            String topic = resolved(operation.path("channel")).path("address").asText();
            assertTrue(found.add(topic + " " + values.get(0).asText()), entry.getKey() + " is there twice");
        });
        return found;
    }

    private static Map<String, JsonNode> channelsByAddress() {
        Map<String, JsonNode> channels = new TreeMap<>();
        document.path("channels")
                .forEach(channel -> channels.put(channel.path("address").asText(), channel));
        return channels;
    }

    private static Set<String> payloadTitles(JsonNode channel) {
        Set<String> titles = new TreeSet<>();
        channel.path("messages")
                .forEach(message ->
                        titles.add(payload(resolved(message)).path("title").asText()));
        return titles;
    }

    private static JsonNode payload(JsonNode message) {
        return schema(Path.of(message.path("payload").path("$ref").asText())
                .getFileName()
                .toString());
    }

    private static JsonNode resolvedHeaders(JsonNode message) {
        JsonNode headers = message.has("headers")
                ? message.get("headers")
                : resolved(message.path("traits").path(0)).path("headers");
        return resolved(headers);
    }

    /** The node a {@code #/…} reference points at, or the node itself. */
    private static JsonNode resolved(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref") && current.get("$ref").asText().startsWith("#/")) {
            current = document.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    private static JsonNode schema(String file) {
        try {
            return JSON.readTree(schemaDirectory.resolve(file).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void walk(JsonNode node, Consumer<JsonNode> visitor) {
        Deque<JsonNode> pending = new ArrayDeque<>(List.of(node));
        while (!pending.isEmpty()) {
            JsonNode current = pending.pop();
            if (current.isObject()) {
                visitor.accept(current);
            }
            current.forEach(pending::push);
        }
    }

    private static JsonNode withoutDescriptions(JsonNode node) {
        JsonNode copy = node.deepCopy();
        walk(copy, object -> {
            if (object.path("description").isTextual()) {
                ((ObjectNode) object).remove("description");
            }
        });
        return copy;
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> values = new TreeSet<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    // --- reading the code -------------------------------------------------------------------------------------

    private static Map<String, String> constants(Class<?> holder) {
        Map<String, String> constants = new TreeMap<>();
        for (Field field : holder.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    constants.put(field.getName(), (String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return constants;
    }

    private static String topic(String constant) {
        String topic = constants(Topics.class).get(constant);
        assertNotNull(topic, "Topics." + constant + " does not exist");
        return topic;
    }

    private static Optional<Class<?>> eventRecord(String name) {
        try {
            Class<?> type = Class.forName("cn.ruralwatch.events." + name);
            return type.isRecord() ? Optional.of(type) : Optional.empty();
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }

    private static List<Class<?>> permittedRecords(Class<?> family) {
        List<Class<?>> records = new ArrayList<>();
        for (Class<?> permitted : family.getPermittedSubclasses()) {
            if (permitted.isSealed()) {
                records.addAll(permittedRecords(permitted));
            } else {
                records.add(permitted);
            }
        }
        return records;
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("platform/event-contracts/pom.xml"))) {
                return dir;
            }
        }
        return fail("the repository root is not above " + Path.of("").toAbsolutePath());
    }

    private static List<Service> services() throws IOException {
        List<Service> found = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.sorted().toList()) {
                Path file = dir.resolve("src/main/resources/application.properties");
                if (!Files.exists(file)) {
                    continue;
                }
                Properties configuration = properties(file);
                if (configuration.getProperty("ruralwatch.outbox.source") != null) {
                    String name = configuration.getProperty("quarkus.application.name");
                    found.add(new Service(name, dir, configuration, javaFiles(dir.resolve("src/main/java"))));
                }
            }
        }
        return found;
    }

    /** The service's own sources and those of the platform modules it depends on, directly or through others. */
    private static Set<Path> codeOf(Service service) throws IOException {
        Set<Path> code = new LinkedHashSet<>(List.of(service.directory().resolve("src/main/java")));
        Deque<Path> poms = new ArrayDeque<>(List.of(service.directory().resolve("pom.xml")));
        while (!poms.isEmpty()) {
            Matcher dependency = DEPENDENCY.matcher(Files.readString(poms.pop()));
            while (dependency.find()) {
                Path module = root.resolve("platform").resolve(dependency.group(1));
                if (Files.exists(module.resolve("pom.xml")) && code.add(module.resolve("src/main/java"))) {
                    poms.push(module.resolve("pom.xml"));
                }
            }
        }
        code.removeIf(dir -> !Files.isDirectory(dir));
        return code;
    }

    private static List<Path> javaFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static Properties properties(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return properties;
    }

    private static String resolve(String value, Properties configuration) {
        Matcher placeholder = PLACEHOLDER.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (placeholder.find()) {
            String replacement = configuration.getProperty(placeholder.group(1), placeholder.group(2));
            assertNotNull(replacement, "${" + placeholder.group(1) + "} is not configured");
            placeholder.appendReplacement(resolved, Matcher.quoteReplacement(resolve(replacement, configuration)));
        }
        placeholder.appendTail(resolved);
        return resolved.toString();
    }

    /** The {@code @WithDefault} of a method of a configuration interface. */
    private static String defaultOf(String source, String method) {
        Matcher withDefault = Pattern.compile("@WithDefault\\(\"([^\"]+)\"\\)\\s+\\w+\\s+" + method + "\\(\\)")
                .matcher(source);
        assertTrue(withDefault.find(), "no @WithDefault of " + method + "()");
        return withDefault.group(1);
    }
}
