import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.annotations.SerializedName;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Checks the Helm chart in deploy/helm/ruralwatch offline, as .ci/validate-kubernetes runs it:
 *
 * <ol>
 *   <li>{@code helm lint --strict} of the chart, and {@code helm template} of each value set (Helm checks the values
 *       against values.schema.json);
 *   <li>every rendered object against the Kubernetes API: each field must be one the API defines (a misspelt field is
 *       an error, as in {@code kubectl --validate=strict}), of the type it defines, and every required field present,
 *       after the models of the official Kubernetes Java client (generated from the Kubernetes OpenAPI document) and,
 *       for the ServiceMonitor, the Prometheus Operator's model; quantities must parse; names and labels must be
 *       what the API server takes;
 *   <li>the suite's rules: five Deployments of several replicas with startup, readiness and liveness probes on the
 *       management port, requests and limits, a non-root read-only container with an emptyDir /tmp; a Service and a
 *       PodDisruptionBudget for each; every ConfigMap and Secret a pod refers to rendered or named as the
 *       installation's own; the variables each service reads (from its application.properties) set, and its URLs
 *       naming the right Service and port; the Ingress leading to the gateway only;
 *   <li>the NetworkPolicies, by evaluating them for every pair of components and port: only the gateway reaches the
 *       data services, report-service reaches the three it calls, the management ports are the gateway's and
 *       Prometheus' to reach, nothing else;
 *   <li>that the checks bite: a value set with a misspelt key, a chart-made Secret without its password, a manifest
 *       with a misspelt field, one without a required field, one with a number for a string, and a NetworkPolicy
 *       opened too wide must each be refused.
 * </ol>
 *
 * Arguments: the repository's root directory. Exit status 0 when everything holds, 1 otherwise.
 */
public final class ValidateChart {

    static final String NAMESPACE = "ruralwatch";
    static final String RELEASE = "ruralwatch";
    static final String KUBE_VERSION = "1.30.0";

    /** The components, by the name of their module, image and app.kubernetes.io/component label. */
    static final List<String> COMPONENTS =
            List.of("gateway", "household-service", "indicator-service", "project-fund-service", "report-service");

    static final List<String> DATA_SERVICES = COMPONENTS.subList(1, COMPONENTS.size());

    /** The gateway's name of each service (ruralwatch.gateway.services.NAME.*). */
    static final Map<String, String> GATEWAY_ROUTES = Map.of(
            "household", "household-service",
            "indicator", "indicator-service",
            "fund", "project-fund-service",
            "report", "report-service");

    /** Who sends requests to whom: the calls the NetworkPolicies must allow on the http port, and no other. */
    static final Map<String, Set<String>> CALLERS = Map.of(
            "gateway", Set.of(),
            "household-service", Set.of("gateway", "report-service"),
            "indicator-service", Set.of("gateway", "report-service"),
            "project-fund-service", Set.of("gateway", "report-service"),
            "report-service", Set.of("gateway"));

    /** Required fields of the ServiceMonitor's model, which does not record them (the CRD's required lists). */
    static final Map<String, Set<String>> SERVICE_MONITOR_REQUIRED = Map.of(
            "ServiceMonitor",
            Set.of("apiVersion", "kind", "metadata", "spec"),
            "ServiceMonitorSpec",
            Set.of("selector"));

    static final Pattern DNS_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    static final Pattern DNS_1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    static final Pattern LABEL_NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    static final Pattern PORT_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");
    static final Pattern ENV_NAME = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");

    final Path repository;
    final Path chart;
    int failures;

    ValidateChart(Path repository) {
        this.repository = repository;
        this.chart = repository.resolve("deploy/helm/ruralwatch");
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: ValidateChart <repository root>");
            System.exit(2);
        }
        ValidateChart validation =
                new ValidateChart(Path.of(args[0]).toAbsolutePath().normalize());
        validation.run();
        if (validation.failures > 0) {
            System.err.printf("validate-kubernetes: %d problem(s)%n", validation.failures);
            System.exit(1);
        }
        System.out.println("validate-kubernetes: OK");
    }

    // --- the value sets ------------------------------------------------------------------------------------------

    /** A value set to render: values files and --set values, and the Secrets the installation provides itself. */
    record ValueSet(String name, List<Path> valuesFiles, Map<String, String> sets, Set<String> installationSecrets) {}

    void run() throws Exception {
        String models = Path.of(io.kubernetes.client.openapi.models.V1Pod.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .getFileName()
                .toString();
        System.out.println("validate-kubernetes: Helm " + Helm.version().call().trim() + " (helm-java), rendering for"
                + " Kubernetes " + KUBE_VERSION + "; objects checked against the API models of " + models);
        lint();

        Path province = repository.resolve("deploy/helm/examples/province.values.yaml");
        Map<String, String> chartMadeSecrets = new LinkedHashMap<>();
        for (String key : List.of("household", "indicator", "projectFund", "report")) {
            chartMadeSecrets.put(key + ".database.existingSecret", "");
            chartMadeSecrets.put(key + ".database.password", "rendered-for-validation-" + key);
        }
        chartMadeSecrets.put("household.personalData.existingSecret", "");
        chartMadeSecrets.put(
                "household.personalData.keys",
                "aes-2026a:4Onf+J+qnW6fCnteR0JJDmJowHDtYAkxNZl1ra/paAY=,lookup-2026a:TAOkCqDFb6xTirE3ttCT5qN1nwh77a4TpC1FGHSkK+o=");

        List<ValueSet> sets = List.of(
                new ValueSet(
                        "defaults",
                        List.of(),
                        Map.of(),
                        Set.of(
                                "ruralwatch-household-database",
                                "ruralwatch-indicator-database",
                                "ruralwatch-project-fund-database",
                                "ruralwatch-report-database",
                                "ruralwatch-personal-data",
                                "ruralwatch-tls")),
                new ValueSet(
                        "province",
                        List.of(province),
                        Map.of(),
                        Set.of(
                                "gx-ruralwatch-household-db",
                                "gx-ruralwatch-indicator-db",
                                "gx-ruralwatch-project-fund-db",
                                "gx-ruralwatch-report-db",
                                "gx-ruralwatch-personal-data-sm",
                                "gx-ruralwatch-tls")),
                new ValueSet("chart-made-secrets", List.of(), chartMadeSecrets, Set.of("ruralwatch-tls")));

        List<Map<String, Object>> defaults = null;
        for (ValueSet set : sets) {
            List<Map<String, Object>> documents = render(set);
            if (documents == null) {
                continue;
            }
            int before = failures;
            checkSchemas(set.name(), documents, this::fail);
            checkSuiteRules(set, documents);
            checkNetworkPolicies(set.name(), documents, this::fail);
            if (failures == before) {
                System.out.printf(
                        "validate-kubernetes: %s: %d objects (%s) valid and following the suite's rules%n",
                        set.name(), documents.size(), kindsOf(documents));
            }
            if (set.name().equals("defaults")) {
                defaults = documents;
            }
        }
        if (defaults != null) {
            checkThatChecksBite(defaults, chartMadeSecrets);
        }
    }

    void lint() {
        LintResult result = new Helm(chart).lint().strict().call();
        for (String message : result.getMessages()) {
            System.out.println("validate-kubernetes: helm lint: " + message);
        }
        boolean problems = result.getMessages().stream()
                .anyMatch(message -> message.startsWith("[ERROR]") || message.startsWith("[WARNING]"));
        if (result.isFailed() || problems) {
            fail("helm lint --strict found problems in " + repository.relativize(chart));
        } else {
            System.out.println(
                    "validate-kubernetes: helm lint --strict " + repository.relativize(chart) + ": no problem");
        }
    }

    TemplateCommand template(List<Path> valuesFiles, Map<String, String> sets) {
        TemplateCommand template = new Helm(chart)
                .template()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION);
        for (Path file : valuesFiles) {
            template = template.withValuesFile(file);
        }
        for (Map.Entry<String, String> set : sets.entrySet()) {
            template = template.set(set.getKey(), set.getValue());
        }
        return template;
    }

    List<Map<String, Object>> render(ValueSet set) {
        String manifest;
        try {
            manifest = template(set.valuesFiles(), set.sets()).call();
        } catch (RuntimeException failure) {
            fail(set.name() + ": helm template failed: " + failure.getMessage());
            return null;
        }
        return parse(manifest);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> parse(String manifest) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Load(LoadSettings.builder().build()).loadAllFromString(manifest)) {
            if (document != null) {
                documents.add((Map<String, Object>) document);
            }
        }
        return documents;
    }

    static String kindsOf(List<Map<String, Object>> documents) {
        Map<String, Integer> kinds = new TreeMap<>();
        documents.forEach(d -> kinds.merge(String.valueOf(d.get("kind")), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        kinds.forEach((kind, count) -> parts.add(count + " " + kind));
        return String.join(", ", parts);
    }

    void fail(String problem) {
        failures++;
        System.err.println("validate-kubernetes: " + problem);
    }

    // --- schema ----------------------------------------------------------------------------------------------------

    /** The model class of each kind the chart renders; any other kind is refused. */
    static Class<?> modelOf(String apiVersion, String kind) throws ClassNotFoundException {
        String models = "io.kubernetes.client.openapi.models.";
        return switch (apiVersion + " " + kind) {
            case "v1 ConfigMap" -> Class.forName(models + "V1ConfigMap");
            case "v1 Secret" -> Class.forName(models + "V1Secret");
            case "v1 Service" -> Class.forName(models + "V1Service");
            case "v1 ServiceAccount" -> Class.forName(models + "V1ServiceAccount");
            case "apps/v1 Deployment" -> Class.forName(models + "V1Deployment");
            case "policy/v1 PodDisruptionBudget" -> Class.forName(models + "V1PodDisruptionBudget");
            case "autoscaling/v2 HorizontalPodAutoscaler" -> Class.forName(models + "V2HorizontalPodAutoscaler");
            case "networking.k8s.io/v1 NetworkPolicy" -> Class.forName(models + "V1NetworkPolicy");
            case "networking.k8s.io/v1 Ingress" -> Class.forName(models + "V1Ingress");
            case "monitoring.coreos.com/v1 ServiceMonitor" ->
                Class.forName("io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor");
            default -> null;
        };
    }

    void checkSchemas(String set, List<Map<String, Object>> documents, Consumer<String> problems) {
        Set<String> seen = new HashSet<>();
        for (Map<String, Object> document : documents) {
            String where = set + ": " + describe(document);
            if (!seen.add(describe(document))) {
                problems.accept(where + ": rendered twice");
            }
            Class<?> model;
            try {
                model = modelOf(String.valueOf(document.get("apiVersion")), String.valueOf(document.get("kind")));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            if (model == null) {
                problems.accept(where + ": no API model for apiVersion " + document.get("apiVersion") + " kind "
                        + document.get("kind"));
                continue;
            }
            JsonElement json = toJson(document);
            List<String> errors = new ArrayList<>();
            checkObject(model, json, "", errors);
            if (errors.isEmpty() && model.getName().startsWith("io.kubernetes.client.")) {
                // the client's own reading of the object: its required and defined fields, quantities, int-or-strings
                try {
                    JSON.getGson().fromJson(json, model);
                } catch (RuntimeException rejected) {
                    errors.add(rejected.getMessage());
                }
            }
            checkNames(document, errors);
            errors.stream().distinct().forEach(error -> problems.accept(where + ": " + error));
        }
    }

    static String describe(Map<String, Object> document) {
        return document.get("kind") + " " + path(document, "metadata", "name");
    }

    static JsonElement toJson(Object value) {
        if (value == null) {
            return JsonNull.INSTANCE;
        }
        if (value instanceof Map<?, ?> map) {
            JsonObject object = new JsonObject();
            map.forEach((key, item) -> object.add(String.valueOf(key), toJson(item)));
            return object;
        }
        if (value instanceof List<?> list) {
            JsonArray array = new JsonArray();
            list.forEach(item -> array.add(toJson(item)));
            return array;
        }
        if (value instanceof Boolean bool) {
            return new JsonPrimitive(bool);
        }
        if (value instanceof Number number) {
            return new JsonPrimitive(number);
        }
        return new JsonPrimitive(String.valueOf(value));
    }

    /** The JSON name of each field of a model class: Gson's @SerializedName or Jackson's @JsonProperty. */
    static Map<String, Field> fieldsOf(Class<?> model) {
        Map<String, Field> fields = new LinkedHashMap<>();
        for (Class<?> type = model; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                SerializedName gson = field.getAnnotation(SerializedName.class);
                com.fasterxml.jackson.annotation.JsonProperty jackson =
                        field.getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
                if (gson != null) {
                    fields.putIfAbsent(gson.value(), field);
                } else if (jackson != null) {
                    fields.putIfAbsent(jackson.value(), field);
                }
            }
        }
        return fields;
    }

    @SuppressWarnings("unchecked")
    static Set<String> requiredOf(Class<?> model) {
        if (model.getName().startsWith("io.fabric8.")) {
            return SERVICE_MONITOR_REQUIRED.getOrDefault(model.getSimpleName(), Set.of());
        }
        try {
            Field required = model.getField("openapiRequiredFields");
            return (Set<String>) required.get(null);
        } catch (NoSuchFieldException | IllegalAccessException e) {
            return Set.of();
        }
    }

    static boolean isModel(Class<?> type) {
        return type.getName().startsWith("io.kubernetes.client.openapi.models.")
                || (type.getName().startsWith("io.fabric8.") && !fieldsOf(type).isEmpty());
    }

    static void checkObject(Class<?> model, JsonElement json, String at, List<String> errors) {
        if (!json.isJsonObject()) {
            errors.add(at(at) + "must be an object (" + model.getSimpleName() + ")");
            return;
        }
        Map<String, Field> fields = fieldsOf(model);
        JsonObject object = json.getAsJsonObject();
        for (String name : object.keySet()) {
            Field field = fields.get(name);
            if (field == null) {
                errors.add(at(at) + "field \"" + name + "\" is not defined in " + model.getSimpleName() + " (fields: "
                        + String.join(", ", new TreeSet<>(fields.keySet())) + ")");
                continue;
            }
            checkValue(field.getGenericType(), object.get(name), at + "." + name, errors);
        }
        for (String required : requiredOf(model)) {
            if (!object.has(required) || object.get(required).isJsonNull()) {
                errors.add(at(at) + "required field \"" + required + "\" of " + model.getSimpleName() + " is missing");
            }
        }
    }

    static String at(String at) {
        return at.isEmpty() ? "" : at.substring(1) + ": ";
    }

    static void checkValue(Type type, JsonElement value, String at, List<String> errors) {
        if (value.isJsonNull()) {
            return;
        }
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] arguments = parameterized.getActualTypeArguments();
            if (List.class.isAssignableFrom(raw) || Set.class.isAssignableFrom(raw)) {
                if (!value.isJsonArray()) {
                    errors.add(at(at) + "must be an array");
                    return;
                }
                int index = 0;
                for (JsonElement item : value.getAsJsonArray()) {
                    checkValue(arguments[0], item, at + "[" + index++ + "]", errors);
                }
                return;
            }
            if (Map.class.isAssignableFrom(raw)) {
                if (!value.isJsonObject()) {
                    errors.add(at(at) + "must be an object");
                    return;
                }
                for (Map.Entry<String, JsonElement> entry :
                        value.getAsJsonObject().entrySet()) {
                    checkValue(arguments[1], entry.getValue(), at + "." + entry.getKey(), errors);
                }
                return;
            }
            type = raw;
        }
        Class<?> expected = (Class<?>) type;
        String simple = expected.getSimpleName();
        boolean string = value.isJsonPrimitive() && value.getAsJsonPrimitive().isString();
        boolean number = value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber();
        boolean bool = value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean();
        if (expected == String.class
                || expected == OffsetDateTime.class
                || expected == byte[].class
                || expected.isEnum()) {
            if (!string) {
                errors.add(at(at) + "must be a string, not " + value);
            }
        } else if (expected == Integer.class || expected == Long.class || expected == BigInteger.class) {
            if (!number || value.getAsBigDecimal().stripTrailingZeros().scale() > 0) {
                errors.add(at(at) + "must be an integer, not " + value);
            }
        } else if (expected == Double.class || expected == Float.class || expected == BigDecimal.class) {
            if (!number) {
                errors.add(at(at) + "must be a number, not " + value);
            }
        } else if (expected == Boolean.class) {
            if (!bool) {
                errors.add(at(at) + "must be true or false, not " + value);
            }
        } else if (expected == IntOrString.class || simple.equals("IntOrString")) {
            if (!string
                    && !(number && value.getAsBigDecimal().stripTrailingZeros().scale() <= 0)) {
                errors.add(at(at) + "must be an integer or a string, not " + value);
            }
        } else if (expected == Quantity.class || simple.equals("Quantity")) {
            if (!string && !number) {
                errors.add(at(at) + "must be a quantity, not " + value);
            } else {
                try {
                    Quantity.fromString(value.getAsString());
                } catch (RuntimeException invalid) {
                    errors.add(at(at) + "\"" + value.getAsString() + "\" is not a quantity");
                }
            }
        } else if (expected == Object.class) {
            // free-form (RawExtension and the like)
        } else if (isModel(expected)) {
            checkObject(expected, value, at, errors);
        } else {
            errors.add(at(at) + "has a type the validation does not know: " + expected.getName());
        }
    }

    /** What the API server checks beyond the OpenAPI document: names, label syntax, port and variable names. */
    @SuppressWarnings("unchecked")
    static void checkNames(Map<String, Object> document, List<String> errors) {
        String name = String.valueOf(path(document, "metadata", "name"));
        String kind = String.valueOf(document.get("kind"));
        if (kind.equals("Service")) {
            if (name.length() > 63 || !DNS_1035_LABEL.matcher(name).matches()) {
                errors.add("metadata.name \"" + name + "\" is no DNS-1035 label (Service names)");
            }
        } else if (name.length() > 253 || !DNS_SUBDOMAIN.matcher(name).matches()) {
            errors.add("metadata.name \"" + name + "\" is no DNS-1123 subdomain");
        }
        checkLabels((Map<String, Object>) path(document, "metadata", "labels"), "metadata.labels", errors);
        checkLabels(
                (Map<String, Object>) path(document, "spec", "template", "metadata", "labels"),
                "spec.template.metadata.labels",
                errors);
        for (Map<String, Object> container : containers(document)) {
            String containerName = String.valueOf(container.get("name"));
            if (containerName.length() > 63 || !DNS_LABEL.matcher(containerName).matches()) {
                errors.add("container name \"" + containerName + "\" is no DNS-1123 label");
            }
            for (Map<String, Object> port : list(container.get("ports"))) {
                Object portName = port.get("name");
                if (portName != null
                        && (String.valueOf(portName).length() > 15
                                || !PORT_NAME.matcher(String.valueOf(portName)).matches()
                                || !String.valueOf(portName).matches(".*[a-z].*"))) {
                    errors.add("port name \"" + portName + "\" is no IANA service name (15 characters at most)");
                }
            }
            for (Map<String, Object> env : list(container.get("env"))) {
                if (!ENV_NAME.matcher(String.valueOf(env.get("name"))).matches()) {
                    errors.add("environment variable name \"" + env.get("name") + "\" is not valid");
                }
            }
        }
        if (kind.equals("ConfigMap") || kind.equals("Secret")) {
            for (String section : List.of("data", "stringData")) {
                Map<String, Object> data = (Map<String, Object>) document.get(section);
                if (data != null) {
                    for (String key : data.keySet()) {
                        if (key.length() > 253 || !key.matches("[-._a-zA-Z0-9]+")) {
                            errors.add(section + " key \"" + key + "\" is not valid");
                        }
                    }
                }
            }
        }
    }

    static void checkLabels(Map<String, Object> labels, String at, List<String> errors) {
        if (labels == null) {
            return;
        }
        labels.forEach((key, value) -> {
            String name = key.contains("/") ? key.substring(key.indexOf('/') + 1) : key;
            String prefix = key.contains("/") ? key.substring(0, key.indexOf('/')) : null;
            if (name.length() > 63
                    || !LABEL_NAME.matcher(name).matches()
                    || (prefix != null
                            && (prefix.length() > 253
                                    || !DNS_SUBDOMAIN.matcher(prefix).matches()))) {
                errors.add(at + ": label key \"" + key + "\" is not valid");
            }
            String text = String.valueOf(value);
            if (!(value instanceof String)
                    || text.length() > 63
                    || !(text.isEmpty() || LABEL_NAME.matcher(text).matches())) {
                errors.add(at + ": label value \"" + text + "\" of " + key + " is not valid");
            }
        });
    }

    // --- the suite's rules -----------------------------------------------------------------------------------------

    /** A component's pod as the cluster would run it: labels and the variables its container gets, by source. */
    record Pod(String component, Map<String, Object> labels, Map<String, Object> container, Map<String, String> env) {}

    @SuppressWarnings("unchecked")
    void checkSuiteRules(ValueSet set, List<Map<String, Object>> documents) {
        String n = set.name() + ": ";
        Map<String, Map<String, Object>> configMaps = byName(documents, "ConfigMap");
        Map<String, Map<String, Object>> secrets = byName(documents, "Secret");
        Map<String, Map<String, Object>> services = byName(documents, "Service");
        Map<String, Map<String, Object>> deployments = byName(documents, "Deployment");
        List<Map<String, Object>> budgets = ofKind(documents, "PodDisruptionBudget");
        List<Map<String, Object>> autoscalers = ofKind(documents, "HorizontalPodAutoscaler");

        Map<String, Pod> pods = new LinkedHashMap<>();
        for (Map<String, Object> deployment : deployments.values()) {
            Map<String, Object> labels =
                    (Map<String, Object>) path(deployment, "spec", "template", "metadata", "labels");
            String component = labels == null ? null : (String) labels.get("app.kubernetes.io/component");
            if (component == null || !COMPONENTS.contains(component)) {
                fail(n + describe(deployment) + ": app.kubernetes.io/component is none of " + COMPONENTS);
                continue;
            }
            if (pods.containsKey(component)) {
                fail(n + "two Deployments of " + component);
            }
            List<Map<String, Object>> containers = containers(deployment);
            if (containers.size() != 1) {
                fail(n + describe(deployment) + ": expected one container, found " + containers.size());
                continue;
            }
            Map<String, Object> container = containers.get(0);
            pods.put(
                    component,
                    new Pod(
                            component,
                            labels,
                            container,
                            environment(n + describe(deployment), container, configMaps, secrets, set)));
            checkDeployment(n, deployment, labels, container, autoscalers);
        }
        for (String component : COMPONENTS) {
            if (!pods.containsKey(component)) {
                fail(n + "no Deployment of " + component);
            }
        }

        String otlpEndpoint = otlpEndpoint(set);
        for (Pod pod : pods.values()) {
            String where = n + pod.component() + ": ";
            // a Service and a PodDisruptionBudget select the pods
            List<Map<String, Object>> selecting = services.values().stream()
                    .filter(s -> matchesLabels((Map<String, Object>) path(s, "spec", "selector"), pod.labels()))
                    .toList();
            if (selecting.size() != 1) {
                fail(where + selecting.size() + " Services select its pods, expected one");
            } else {
                Set<String> portNames = new HashSet<>();
                list(pod.container().get("ports")).forEach(p -> portNames.add(String.valueOf(p.get("name"))));
                for (Map<String, Object> port : list(path(selecting.get(0), "spec", "ports"))) {
                    Object target = port.get("targetPort");
                    if (target instanceof String name && !portNames.contains(name)) {
                        fail(where + "Service port " + port.get("name") + " targets \"" + name
                                + "\", which the container does not name");
                    }
                }
                Set<String> servicePortNames = new HashSet<>();
                list(path(selecting.get(0), "spec", "ports"))
                        .forEach(p -> servicePortNames.add(String.valueOf(p.get("name"))));
                if (!servicePortNames.containsAll(Set.of("http", "management"))) {
                    fail(where + "its Service lacks the port http or management");
                }
                if (!"ClusterIP".equals(path(selecting.get(0), "spec", "type"))) {
                    fail(where + "its Service is " + path(selecting.get(0), "spec", "type")
                            + "; only the Ingress leads in from outside");
                }
            }
            long pdbs = budgets.stream()
                    .filter(b -> matchesSelector((Map<String, Object>) path(b, "spec", "selector"), pod.labels()))
                    .count();
            if (pdbs != 1) {
                fail(where + pdbs + " PodDisruptionBudgets select its pods, expected one");
            }
            checkEnvironment(where, pod, services, pods);
            checkTracing(where, pod, otlpEndpoint);
        }

        // the Ingress leads to the gateway only
        for (Map<String, Object> ingress : ofKind(documents, "Ingress")) {
            for (Map<String, Object> rule : list(path(ingress, "spec", "rules"))) {
                for (Map<String, Object> httpPath : list(path(rule, "http", "paths"))) {
                    String service = String.valueOf(path(httpPath, "backend", "service", "name"));
                    Map<String, Object> target = services.get(service);
                    Pod gateway = pods.get("gateway");
                    if (target == null
                            || gateway == null
                            || !matchesLabels(
                                    (Map<String, Object>) path(target, "spec", "selector"), gateway.labels())) {
                        fail(n + describe(ingress) + ": leads to " + service + ", which is not the gateway's Service");
                    } else if (list(path(target, "spec", "ports")).stream()
                            .noneMatch(p -> Objects.equals(
                                            p.get("name"), path(httpPath, "backend", "service", "port", "name"))
                                    || Objects.equals(
                                            p.get("port"), path(httpPath, "backend", "service", "port", "number")))) {
                        fail(n + describe(ingress) + ": names a port the gateway's Service does not have");
                    }
                }
            }
        }

        // the ServiceMonitor scrapes the management port of every component
        for (Map<String, Object> monitor : ofKind(documents, "ServiceMonitor")) {
            Map<String, Object> selector = (Map<String, Object>) path(monitor, "spec", "selector");
            for (String component : COMPONENTS) {
                Pod pod = pods.get(component);
                boolean scraped = pod != null
                        && services.values().stream()
                                .filter(s ->
                                        matchesLabels((Map<String, Object>) path(s, "spec", "selector"), pod.labels()))
                                .anyMatch(s ->
                                        matchesSelector(selector, (Map<String, Object>) path(s, "metadata", "labels"))
                                                && list(path(s, "spec", "ports")).stream()
                                                        .anyMatch(p -> "management".equals(p.get("name"))));
                if (!scraped) {
                    fail(n + describe(monitor) + ": does not scrape " + component + "'s management port");
                }
            }
            for (Map<String, Object> endpoint : list(path(monitor, "spec", "endpoints"))) {
                if (!"management".equals(endpoint.get("port")) || !"/q/metrics".equals(endpoint.get("path"))) {
                    fail(n + describe(monitor) + ": scrapes " + endpoint.get("port") + endpoint.get("path")
                            + ", expected management /q/metrics");
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    void checkDeployment(
            String n,
            Map<String, Object> deployment,
            Map<String, Object> podLabels,
            Map<String, Object> container,
            List<Map<String, Object>> autoscalers) {
        String where = n + describe(deployment) + ": ";
        String name = String.valueOf(path(deployment, "metadata", "name"));
        if (!matchesSelector((Map<String, Object>) path(deployment, "spec", "selector"), podLabels)) {
            fail(where + "spec.selector does not select the pod template's labels");
        }
        Map<String, Object> autoscaler = autoscalers.stream()
                .filter(h -> name.equals(path(h, "spec", "scaleTargetRef", "name")))
                .findFirst()
                .orElse(null);
        if (autoscaler != null) {
            if (intValue(path(autoscaler, "spec", "minReplicas")) < 2) {
                fail(where + "its HorizontalPodAutoscaler allows fewer than 2 replicas");
            }
            if (path(deployment, "spec", "replicas") != null) {
                fail(where + "sets replicas although a HorizontalPodAutoscaler owns them");
            }
        } else if (intValue(path(deployment, "spec", "replicas")) < 2) {
            fail(where + "fewer than 2 replicas");
        }

        Map<String, Integer> ports = new LinkedHashMap<>();
        list(container.get("ports"))
                .forEach(p -> ports.put(String.valueOf(p.get("name")), intValue(p.get("containerPort"))));
        if (!Objects.equals(ports.get("http"), 8080) || !Objects.equals(ports.get("management"), 9000)) {
            fail(where + "container ports must be http 8080 and management 9000, are " + ports);
        }
        Map<String, String> probes = Map.of(
                "startupProbe",
                "/q/health/started",
                "readinessProbe",
                "/q/health/ready",
                "livenessProbe",
                "/q/health/live");
        probes.forEach((probe, probePath) -> {
            Object port = path(container, probe, "httpGet", "port");
            if (!probePath.equals(path(container, probe, "httpGet", "path"))
                    || !("management".equals(port) || Objects.equals(port, 9000))) {
                fail(where + probe + " must GET " + probePath + " on the management port, is "
                        + path(container, probe, "httpGet"));
            }
        });

        for (String bound : List.of("requests", "limits")) {
            for (String resource : List.of("cpu", "memory")) {
                if (path(container, "resources", bound, resource) == null) {
                    fail(where + "no resources." + bound + "." + resource);
                }
            }
        }
        Object requested = path(container, "resources", "requests", "memory");
        Object limit = path(container, "resources", "limits", "memory");
        if (requested != null
                && limit != null
                && Quantity.fromString(String.valueOf(requested))
                                .getNumber()
                                .compareTo(Quantity.fromString(String.valueOf(limit))
                                        .getNumber())
                        > 0) {
            fail(where + "requests more memory than its limit");
        }

        if (!Boolean.TRUE.equals(path(deployment, "spec", "template", "spec", "securityContext", "runAsNonRoot"))
                && !Boolean.TRUE.equals(path(container, "securityContext", "runAsNonRoot"))) {
            fail(where + "runAsNonRoot is not true");
        }
        if (!Boolean.TRUE.equals(path(container, "securityContext", "readOnlyRootFilesystem"))) {
            fail(where + "the root file system is not read-only");
        }
        if (!Boolean.FALSE.equals(path(container, "securityContext", "allowPrivilegeEscalation"))) {
            fail(where + "allowPrivilegeEscalation is not false");
        }
        Object dropped = path(container, "securityContext", "capabilities", "drop");
        if (!(dropped instanceof List<?> drop) || !drop.contains("ALL")) {
            fail(where + "capabilities are not all dropped");
        }
        String tmpVolume = list(container.get("volumeMounts")).stream()
                .filter(m -> "/tmp".equals(m.get("mountPath")))
                .map(m -> String.valueOf(m.get("name")))
                .findFirst()
                .orElse(null);
        boolean emptyDir = tmpVolume != null
                && list(path(deployment, "spec", "template", "spec", "volumes")).stream()
                        .anyMatch(v -> tmpVolume.equals(v.get("name")) && v.containsKey("emptyDir"));
        if (!emptyDir) {
            fail(where + "/tmp is not an emptyDir volume");
        }
        for (Map<String, Object> spread :
                list(path(deployment, "spec", "template", "spec", "topologySpreadConstraints"))) {
            if (!matchesSelector((Map<String, Object>) spread.get("labelSelector"), podLabels)) {
                fail(where + "a topology spread constraint does not select the pods it spreads");
            }
        }
    }

    /** The variables a container gets and where each comes from; references to missing objects are problems. */
    @SuppressWarnings("unchecked")
    Map<String, String> environment(
            String where,
            Map<String, Object> container,
            Map<String, Map<String, Object>> configMaps,
            Map<String, Map<String, Object>> secrets,
            ValueSet set) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (Map<String, Object> source : list(container.get("envFrom"))) {
            Object configMap = path(source, "configMapRef", "name");
            if (configMap != null) {
                Map<String, Object> found = configMaps.get(String.valueOf(configMap));
                if (found == null) {
                    fail(where + ": envFrom names ConfigMap " + configMap + ", which is not rendered");
                } else if (found.get("data") instanceof Map<?, ?> data) {
                    data.forEach((key, value) -> environment.put(String.valueOf(key), String.valueOf(value)));
                }
            }
            if (source.containsKey("secretRef")) {
                fail(where + ": envFrom a Secret: its keys are not known before install; name each variable");
            }
        }
        for (Map<String, Object> variable : list(container.get("env"))) {
            String name = String.valueOf(variable.get("name"));
            Object secret = path(variable, "valueFrom", "secretKeyRef", "name");
            Object configMapKey = path(variable, "valueFrom", "configMapKeyRef", "name");
            if (secret != null) {
                String key = String.valueOf(path(variable, "valueFrom", "secretKeyRef", "key"));
                Map<String, Object> found = secrets.get(String.valueOf(secret));
                if (found == null && !set.installationSecrets().contains(String.valueOf(secret))) {
                    fail(where + ": " + name + " comes from Secret " + secret
                            + ", which is neither rendered nor one the installation provides");
                } else if (found != null && !hasKey(found, key)) {
                    fail(where + ": " + name + " comes from key " + key + " of Secret " + secret + ", which lacks it");
                }
                environment.put(name, "<secret " + secret + "/" + key + ">");
            } else if (configMapKey != null) {
                String key = String.valueOf(path(variable, "valueFrom", "configMapKeyRef", "key"));
                Map<String, Object> found = configMaps.get(String.valueOf(configMapKey));
                if (found == null || !hasKey(found, key)) {
                    fail(where + ": " + name + " comes from ConfigMap " + configMapKey + " key " + key
                            + ", not rendered");
                }
                environment.put(name, "<configmap " + configMapKey + "/" + key + ">");
            } else {
                environment.put(name, String.valueOf(variable.get("value")));
            }
        }
        for (String secret : set.installationSecrets()) {
            if (secrets.containsKey(secret)) {
                fail(where + ": Secret " + secret + " is the installation's own, yet the chart renders one");
            }
        }
        return environment;
    }

    static boolean hasKey(Map<String, Object> object, String key) {
        return (object.get("data") instanceof Map<?, ?> data && data.containsKey(key))
                || (object.get("stringData") instanceof Map<?, ?> stringData && stringData.containsKey(key));
    }

    /**
     * Tracing is all or nothing: a values file that names an OTLP endpoint gives it (and its protocol) to every
     * component, so that one trace crosses them all; without one, no component gets an endpoint.
     */
    void checkTracing(String where, Pod pod, String expected) {
        String endpoint = pod.env().getOrDefault("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", "");
        if (!expected.equals(endpoint)) {
            fail(where + "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT is \"" + endpoint + "\", the values give \"" + expected
                    + "\"");
        }
        if (!expected.isEmpty() && !pod.env().containsKey("QUARKUS_OTEL_EXPORTER_OTLP_PROTOCOL")) {
            fail(where + "an OTLP endpoint without QUARKUS_OTEL_EXPORTER_OTLP_PROTOCOL");
        }
    }

    /** The OTLP endpoint a value set gives: a --set, else the last values file that names one, else none (""). */
    static String otlpEndpoint(ValueSet set) {
        String given = set.sets().get("tracing.otlpEndpoint");
        return given != null
                ? given
                : set.valuesFiles().stream()
                        .map(ValidateChart::tracingEndpoint)
                        .filter(e -> e != null && !e.isBlank())
                        .reduce((first, later) -> later)
                        .orElse("");
    }

    static String tracingEndpoint(Path valuesFile) {
        try {
            Object values = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(valuesFile));
            Object endpoint = path(values, "tracing", "otlpEndpoint");
            return endpoint == null ? null : endpoint.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The variables each component reads, from its own application.properties where the code names them. */
    void checkEnvironment(String where, Pod pod, Map<String, Map<String, Object>> services, Map<String, Pod> pods) {
        Map<String, String> env = pod.env();
        List<String> required = new ArrayList<>(List.of(
                "QUARKUS_HTTP_PORT",
                "QUARKUS_MANAGEMENT_PORT",
                "MP_JWT_VERIFY_ISSUER",
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                "JAVA_OPTS_APPEND"));
        Properties properties = applicationProperties(pod.component());
        if (properties.containsKey("quarkus.datasource.db-kind")) {
            required.addAll(List.of(
                    "QUARKUS_DATASOURCE_JDBC_URL",
                    "QUARKUS_DATASOURCE_USERNAME",
                    "QUARKUS_DATASOURCE_PASSWORD",
                    "KAFKA_BOOTSTRAP_SERVERS"));
        }
        if (pod.component().equals("household-service")) {
            required.addAll(List.of(
                    "RURALWATCH_PERSONAL_DATA_KEYS",
                    "RURALWATCH_PERSONAL_DATA_ENCRYPTION_KEY",
                    "RURALWATCH_PERSONAL_DATA_LOOKUP_KEY",
                    "RURALWATCH_PERSONAL_DATA_MODE"));
        }
        if (pod.component().equals("gateway")) {
            required.add("RURALWATCH_CORS_ORIGINS");
        }
        Map<String, String> urls = new LinkedHashMap<>();
        Matcher restClient =
                Pattern.compile("quarkus\\.rest-client\\.([a-z0-9-]+)\\.url").matcher("");
        Matcher gatewayService = Pattern.compile(
                        "ruralwatch\\.gateway\\.services\\.([a-z0-9-]+)\\.(url|management-url)")
                .matcher("");
        for (String key : properties.stringPropertyNames()) {
            if (restClient.reset(key).matches()) {
                String target = restClient.group(1);
                urls.put("QUARKUS_REST_CLIENT_" + envName(target) + "_URL", target + " http");
            } else if (gatewayService.reset(key).matches()) {
                String target = GATEWAY_ROUTES.get(gatewayService.group(1));
                if (target == null) {
                    fail(where + "the gateway names a service \"" + gatewayService.group(1)
                            + "\" the chart does not know");
                    continue;
                }
                boolean management = gatewayService.group(2).equals("management-url");
                urls.put(
                        "RURALWATCH_GATEWAY_SERVICES_" + envName(gatewayService.group(1))
                                + (management ? "_MANAGEMENT_URL" : "_URL"),
                        target + (management ? " management" : " http"));
            }
        }
        if (pod.component().equals("gateway")) {
            // the management URLs are set for the gateway's readiness of the services, whatever the code names yet
            for (Map.Entry<String, String> route : GATEWAY_ROUTES.entrySet()) {
                urls.putIfAbsent(
                        "RURALWATCH_GATEWAY_SERVICES_" + envName(route.getKey()) + "_MANAGEMENT_URL",
                        route.getValue() + " management");
            }
        }
        required.addAll(urls.keySet());
        for (String variable : required) {
            String value = env.get(variable);
            if (value == null || value.isBlank()) {
                fail(where + "the variable " + variable + " is not set");
            }
        }
        if (!String.valueOf(env.get("JAVA_OPTS_APPEND")).contains("-XX:MaxRAMPercentage=")) {
            fail(where + "JAVA_OPTS_APPEND does not size the heap from the container's limit (-XX:MaxRAMPercentage)");
        }
        if (!"8080".equals(env.get("QUARKUS_HTTP_PORT")) || !"9000".equals(env.get("QUARKUS_MANAGEMENT_PORT"))) {
            fail(where + "QUARKUS_HTTP_PORT and QUARKUS_MANAGEMENT_PORT must be 8080 and 9000, the container's ports");
        }
        urls.forEach((variable, target) -> {
            String value = env.get(variable);
            if (value == null) {
                return;
            }
            String[] parts = target.split(" ");
            checkUrl(where + variable, value, parts[0], parts[1], services, pods);
        });
    }

    @SuppressWarnings("unchecked")
    void checkUrl(
            String where,
            String url,
            String component,
            String portName,
            Map<String, Map<String, Object>> services,
            Map<String, Pod> pods) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            fail(where + " is no URL: " + url);
            return;
        }
        Map<String, Object> service = services.get(uri.getHost());
        Pod target = pods.get(component);
        if (service == null || target == null) {
            fail(where + " = " + url + ": no Service " + uri.getHost() + " of " + component);
            return;
        }
        if (!matchesLabels((Map<String, Object>) path(service, "spec", "selector"), target.labels())) {
            fail(where + " = " + url + ": Service " + uri.getHost() + " does not lead to " + component);
        }
        boolean port = list(path(service, "spec", "ports")).stream()
                .anyMatch(p -> intValue(p.get("port")) == uri.getPort() && portName.equals(p.get("targetPort")));
        if (!port || !"http".equals(uri.getScheme())) {
            fail(where + " = " + url + ": expected http on the port of Service " + uri.getHost() + " that leads to "
                    + portName);
        }
    }

    static String envName(String name) {
        return name.toUpperCase().replace('-', '_').replace('.', '_');
    }

    /** A module's application.properties, without profile-specific keys. */
    Properties applicationProperties(String component) {
        Properties all = new Properties();
        Path file = repository.resolve(component).resolve("src/main/resources/application.properties");
        try (var in = Files.newBufferedReader(file)) {
            all.load(in);
        } catch (IOException e) {
            fail(component + ": cannot read " + file + ": " + e.getMessage());
        }
        Properties properties = new Properties();
        all.stringPropertyNames().stream()
                .filter(key -> !key.startsWith("%"))
                .forEach(key -> properties.setProperty(key, all.getProperty(key)));
        return properties;
    }

    // --- NetworkPolicies -------------------------------------------------------------------------------------------

    /** A pod that may send or receive: its namespace (with its labels), its labels and its named ports. */
    record Endpoint(
            String name,
            String namespace,
            Map<String, Object> namespaceLabels,
            Map<String, Object> labels,
            Map<String, Integer> ports) {}

    static Endpoint outsider(String name, String namespace, Map<String, Object> labels, Map<String, Integer> ports) {
        return new Endpoint(name, namespace, Map.of("kubernetes.io/metadata.name", namespace), labels, ports);
    }

    /** Evaluates the rendered NetworkPolicies for every pair of components and port against the intended calls. */
    @SuppressWarnings("unchecked")
    void checkNetworkPolicies(String set, List<Map<String, Object>> documents, Consumer<String> problems) {
        List<Map<String, Object>> policies = ofKind(documents, "NetworkPolicy");
        if (policies.isEmpty()) {
            problems.accept(set + ": no NetworkPolicy");
            return;
        }
        Map<String, Endpoint> components = new LinkedHashMap<>();
        for (Map<String, Object> deployment : ofKind(documents, "Deployment")) {
            Map<String, Object> labels =
                    (Map<String, Object>) path(deployment, "spec", "template", "metadata", "labels");
            Map<String, Integer> ports = new LinkedHashMap<>();
            for (Map<String, Object> container : containers(deployment)) {
                list(container.get("ports"))
                        .forEach(p -> ports.put(String.valueOf(p.get("name")), intValue(p.get("containerPort"))));
            }
            String component = String.valueOf(labels.get("app.kubernetes.io/component"));
            components.put(
                    component,
                    new Endpoint(
                            component, NAMESPACE, Map.of("kubernetes.io/metadata.name", NAMESPACE), labels, ports));
        }
        List<Endpoint> outsiders = List.of(
                outsider(
                        "the ingress controller",
                        "ingress-nginx",
                        Map.of("app.kubernetes.io/name", "ingress-nginx"),
                        Map.of()),
                outsider("Prometheus", "monitoring", Map.of("app.kubernetes.io/name", "prometheus"), Map.of()),
                new Endpoint(
                        "another pod of the namespace",
                        NAMESPACE,
                        Map.of("kubernetes.io/metadata.name", NAMESPACE),
                        Map.of("app", "other"),
                        Map.of()));
        boolean metricsPeers =
                components.values().stream().anyMatch(c -> allows(policies, outsiders.get(1), c, "management", "TCP"));

        for (Endpoint to : components.values()) {
            for (String port : List.of("http", "management")) {
                for (Endpoint from : components.values()) {
                    if (from == to || (to.name().equals("gateway") && port.equals("http"))) {
                        // the gateway's http port is the suite's edge: networkPolicy.gatewayFrom decides who reaches it
                        continue;
                    }
                    boolean expected = !to.name().equals("gateway")
                            && (port.equals("http")
                                    ? CALLERS.get(to.name()).contains(from.name())
                                    : from.name().equals("gateway"));
                    boolean allowed = allows(policies, from, to, port, "TCP");
                    if (allowed != expected) {
                        problems.accept(set + ": NetworkPolicies " + (allowed ? "allow" : "refuse") + " " + from.name()
                                + " → " + to.name() + " " + port
                                + (expected ? ", which it calls" : ", which it never calls"));
                    }
                }
                for (Endpoint from : outsiders) {
                    boolean allowed = allows(policies, from, to, port, "TCP");
                    boolean mayBeAllowed = (to.name().equals("gateway") && port.equals("http"))
                            || (port.equals("management") && from == outsiders.get(1));
                    if (allowed && !mayBeAllowed) {
                        problems.accept(
                                set + ": NetworkPolicies let " + from.name() + " reach " + to.name() + " " + port);
                    }
                }
            }
            if (!allows(policies, outsiders.get(0), components.get("gateway"), "http", "TCP")) {
                problems.accept(set + ": NetworkPolicies keep the ingress controller from the gateway");
            }
            if (metricsPeers && !allows(policies, outsiders.get(1), to, "management", "TCP")) {
                problems.accept(set + ": Prometheus may scrape some components but not " + to.name());
            }
        }
        Endpoint dns = outsider("DNS", "kube-system", Map.of("k8s-app", "kube-dns"), Map.of("dns", 53));
        for (Endpoint from : components.values()) {
            if (!allows(policies, from, dns, "dns", "UDP")) {
                problems.accept(set + ": NetworkPolicies keep " + from.name() + " from DNS");
            }
        }
    }

    /** Whether a connection from one pod to a named port of another passes both sides' policies. */
    static boolean allows(
            List<Map<String, Object>> policies, Endpoint from, Endpoint to, String port, String protocol) {
        return passes(policies, "Ingress", to, from, to, port, protocol)
                && passes(policies, "Egress", from, to, to, port, protocol);
    }

    @SuppressWarnings("unchecked")
    static boolean passes(
            List<Map<String, Object>> policies,
            String direction,
            Endpoint subject,
            Endpoint peer,
            Endpoint destination,
            String port,
            String protocol) {
        boolean isolated = false;
        for (Map<String, Object> policy : policies) {
            String namespace =
                    String.valueOf(Objects.requireNonNullElse(path(policy, "metadata", "namespace"), NAMESPACE));
            if (!namespace.equals(subject.namespace())
                    || !matchesSelector((Map<String, Object>) path(policy, "spec", "podSelector"), subject.labels())) {
                continue;
            }
            List<Object> types = (List<Object>) path(policy, "spec", "policyTypes");
            boolean applies = types == null
                    ? direction.equals("Ingress") || path(policy, "spec", "egress") != null
                    : types.contains(direction);
            if (!applies) {
                continue;
            }
            isolated = true;
            String rulesKey = direction.equals("Ingress") ? "ingress" : "egress";
            String peersKey = direction.equals("Ingress") ? "from" : "to";
            for (Map<String, Object> rule : list(path(policy, "spec", rulesKey))) {
                boolean portMatches = rule.get("ports") == null
                        || list(rule.get("ports")).stream().anyMatch(p -> {
                            Object rulePort = p.get("port");
                            String ruleProtocol = String.valueOf(Objects.requireNonNullElse(p.get("protocol"), "TCP"));
                            boolean samePort = rulePort == null
                                    || rulePort.equals(port)
                                    || (rulePort instanceof Number number
                                            && Objects.equals(
                                                    destination.ports().get(port), number.intValue()));
                            return samePort && ruleProtocol.equals(protocol);
                        });
                boolean peerMatches = rule.get(peersKey) == null
                        || list(rule.get(peersKey)).stream().anyMatch(p -> {
                            if (p.containsKey("ipBlock")) {
                                return false;
                            }
                            Map<String, Object> namespaceSelector = (Map<String, Object>) p.get("namespaceSelector");
                            Map<String, Object> podSelector = (Map<String, Object>) p.get("podSelector");
                            boolean namespaceMatches = namespaceSelector == null
                                    ? peer.namespace().equals(namespace)
                                    : matchesSelector(namespaceSelector, peer.namespaceLabels());
                            boolean podMatches = podSelector == null || matchesSelector(podSelector, peer.labels());
                            return namespaceMatches && podMatches;
                        });
                if (portMatches && peerMatches) {
                    return true;
                }
            }
        }
        return !isolated;
    }

    // --- checks that must fail -------------------------------------------------------------------------------------

    /** Shows on known-bad input that each kind of check refuses what it must. */
    @SuppressWarnings("unchecked")
    void checkThatChecksBite(List<Map<String, Object>> defaults, Map<String, String> chartMadeSecrets) {
        expectHelmRefusal("a misspelt value (household.replica)", Map.of("household.replica", "3"), "replica");
        Map<String, String> withoutPassword = new LinkedHashMap<>(chartMadeSecrets);
        withoutPassword.remove("report.database.password");
        expectHelmRefusal("a chart-made Secret without its password", withoutPassword, "report.database.password");

        expectSchemaRefusal(
                "a misspelt field (containerPrt)",
                defaults,
                documents -> {
                    Map<String, Object> port = list(containers(first(documents, "Deployment"))
                                    .get(0)
                                    .get("ports"))
                            .get(0);
                    port.put("containerPrt", port.remove("containerPort"));
                },
                "containerPrt");
        expectSchemaRefusal(
                "a Deployment without its required selector",
                defaults,
                documents ->
                        ((Map<String, Object>) first(documents, "Deployment").get("spec")).remove("selector"),
                "selector");
        expectSchemaRefusal(
                "a container without its required name",
                defaults,
                documents -> containers(first(documents, "Deployment")).get(0).remove("name"),
                "name");
        expectSchemaRefusal(
                "a number for a string (an env value)",
                defaults,
                documents -> {
                    List<Map<String, Object>> env = list(containers(deployment(documents, "household-service"))
                            .get(0)
                            .get("env"));
                    env.add(Map.of("name", "RURALWATCH_JOBS_WORKERS", "value", 2));
                },
                "must be a string");
        expectSchemaRefusal(
                "an invalid quantity (2 GB)",
                defaults,
                documents -> ((Map<String, Object>)
                                path(containers(first(documents, "Deployment")).get(0), "resources", "limits"))
                        .put("memory", "2 GB"),
                "quantity");

        List<Map<String, Object>> opened = copy(defaults);
        for (Map<String, Object> policy : ofKind(opened, "NetworkPolicy")) {
            if ("household-service".equals(path(policy, "metadata", "labels", "app.kubernetes.io/component"))) {
                list(path(policy, "spec", "ingress")).forEach(rule -> rule.remove("from"));
            }
        }
        List<String> problems = new ArrayList<>();
        checkNetworkPolicies("opened", opened, problems::add);
        report(
                "household-service's NetworkPolicy opened to every pod",
                problems,
                "indicator-service → household-service http");
    }

    void expectHelmRefusal(String what, Map<String, String> sets, String expected) {
        try {
            template(List.of(), sets).call();
            fail("helm template accepted " + what);
        } catch (RuntimeException refused) {
            report(what, List.of(String.valueOf(refused.getMessage())), expected);
        }
    }

    void expectSchemaRefusal(
            String what,
            List<Map<String, Object>> documents,
            Consumer<List<Map<String, Object>>> change,
            String expected) {
        List<Map<String, Object>> changed = copy(documents);
        change.accept(changed);
        List<String> problems = new ArrayList<>();
        checkSchemas("changed", changed, problems::add);
        report(what, problems, expected);
    }

    void report(String what, List<String> problems, String expected) {
        String found =
                problems.stream().filter(p -> p.contains(expected)).findFirst().orElse(null);
        if (found == null) {
            fail("not refused: " + what + (problems.isEmpty() ? "" : " (only: " + problems + ")"));
        } else {
            String line = found.lines()
                    .filter(l -> l.contains(expected))
                    .findFirst()
                    .orElse(found)
                    .trim();
            System.out.println("validate-kubernetes: refused as it must be, " + what + ": "
                    + (line.length() > 220 ? line.substring(0, 220) + "…" : line));
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> copy(List<Map<String, Object>> documents) {
        List<Map<String, Object>> copies = new ArrayList<>();
        for (Map<String, Object> document : documents) {
            copies.add((Map<String, Object>) deepCopy(document));
        }
        return copies;
    }

    static Object deepCopy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(String.valueOf(key), deepCopy(item)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(deepCopy(item)));
            return copy;
        }
        return value;
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    static Object path(Object value, String... keys) {
        Object current = value;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object value) {
        if (!(value instanceof List<?> items)) {
            return new ArrayList<>();
        }
        List<Map<String, Object>> maps = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof Map<?, ?>) {
                maps.add((Map<String, Object>) item);
            }
        }
        return value instanceof List<?> && maps.size() == items.size() ? (List<Map<String, Object>>) value : maps;
    }

    static List<Map<String, Object>> containers(Map<String, Object> document) {
        return list(path(document, "spec", "template", "spec", "containers"));
    }

    static List<Map<String, Object>> ofKind(List<Map<String, Object>> documents, String kind) {
        return documents.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    static Map<String, Map<String, Object>> byName(List<Map<String, Object>> documents, String kind) {
        Map<String, Map<String, Object>> named = new LinkedHashMap<>();
        ofKind(documents, kind).forEach(d -> named.put(String.valueOf(path(d, "metadata", "name")), d));
        return named;
    }

    static Map<String, Object> first(List<Map<String, Object>> documents, String kind) {
        return ofKind(documents, kind).get(0);
    }

    static Map<String, Object> deployment(List<Map<String, Object>> documents, String component) {
        return ofKind(documents, "Deployment").stream()
                .filter(d -> component.equals(
                        path(d, "spec", "template", "metadata", "labels", "app.kubernetes.io/component")))
                .findFirst()
                .orElseThrow();
    }

    static int intValue(Object value) {
        return value instanceof Number number ? number.intValue() : -1;
    }

    /** A Service's selector: every label it names, with the same value. */
    static boolean matchesLabels(Map<String, Object> selector, Map<String, Object> labels) {
        if (selector == null || selector.isEmpty() || labels == null) {
            return false;
        }
        return selector.entrySet().stream().allMatch(e -> Objects.equals(labels.get(e.getKey()), e.getValue()));
    }

    /** A LabelSelector (matchLabels and matchExpressions); an empty one selects everything. */
    @SuppressWarnings("unchecked")
    static boolean matchesSelector(Map<String, Object> selector, Map<String, Object> labels) {
        if (selector == null) {
            return false;
        }
        Map<String, Object> actual = labels == null ? Map.of() : labels;
        Map<String, Object> matchLabels = (Map<String, Object>) selector.get("matchLabels");
        if (matchLabels != null
                && !matchLabels.entrySet().stream()
                        .allMatch(e -> Objects.equals(actual.get(e.getKey()), e.getValue()))) {
            return false;
        }
        for (Map<String, Object> expression : list(selector.get("matchExpressions"))) {
            String key = String.valueOf(expression.get("key"));
            Collection<Object> values =
                    (Collection<Object>) Objects.requireNonNullElse(expression.get("values"), List.of());
            boolean matches =
                    switch (String.valueOf(expression.get("operator"))) {
                        case "In" -> actual.containsKey(key) && values.contains(actual.get(key));
                        case "NotIn" -> !actual.containsKey(key) || !values.contains(actual.get(key));
                        case "Exists" -> actual.containsKey(key);
                        case "DoesNotExist" -> !actual.containsKey(key);
                        default -> false;
                    };
            if (!matches) {
                return false;
            }
        }
        return true;
    }
}
