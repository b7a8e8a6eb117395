package cn.ruralwatch.problem;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.WeakHashMap;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The words of the suite's coded values (代码表): each value of an enumeration of the API, under the name the
 * enumeration has in the OpenAPI document ({@code <Schema>.<CODE>}), has a Chinese label in
 * {@code i18n/labels.properties} ({@code Relation.DAUGHTER_IN_LAW=之儿媳|儿媳}: the first of several labels separated by
 * {@code |} is the one shown, the others are accepted by imports) and an English label in
 * {@code i18n/labels_en.properties} ({@code Relation.DAUGHTER_IN_LAW=Daughter-in-law}).
 *
 * <p>Every module of an application may bring both files: a service labels its own codes, a platform module the codes
 * of the API it contributes (dead letters, jobs). They are read together; a code labelled differently in two of them is
 * an error, so that a code reads the same wherever it appears.
 */
public final class CodeLabels {

    /** The Chinese labels of a module's codes. */
    public static final String CHINESE_FILE = "i18n/labels.properties";

    /** The English labels of a module's codes. */
    public static final String ENGLISH_FILE = "i18n/labels_en.properties";

    private static final Map<ClassLoader, CodeLabels> LOADED = Collections.synchronizedMap(new WeakHashMap<>());

    private final Map<String, List<String>> chinese;
    private final Map<String, String> english;

    private CodeLabels(Map<String, List<String>> chinese, Map<String, String> english) {
        this.chinese = chinese;
        this.english = english;
    }

    /** The labels the application of the current thread brings. */
    public static CodeLabels current() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return of(loader == null ? CodeLabels.class.getClassLoader() : loader);
    }

    /** The labels of every module {@code loader} sees, read once per class loader. */
    public static CodeLabels of(ClassLoader loader) {
        CodeLabels labels = LOADED.get(loader);
        if (labels == null) {
            labels = load(loader);
            LOADED.put(loader, labels);
        }
        return labels;
    }

    /**
     * The name of a coded type's table: the name its schema has in the OpenAPI document, which is the name given with
     * {@code @Schema(name = …)}, else the type's simple name.
     */
    public static String tableName(Class<?> type) {
        Schema schema = type.getAnnotation(Schema.class);
        return schema != null && !schema.name().isBlank() ? schema.name() : type.getSimpleName();
    }

    /** The Chinese label shown for a code of a table. */
    public Optional<String> chinese(String table, String code) {
        return Optional.ofNullable(chinese.get(table + "." + code)).map(List::getFirst);
    }

    /** Every Chinese label of a code, the one shown first (imports accept each of them); empty when it has none. */
    public List<String> chineseLabels(String table, String code) {
        return chinese.getOrDefault(table + "." + code, List.of());
    }

    /** The English label of a code of a table. */
    public Optional<String> english(String table, String code) {
        return Optional.ofNullable(english.get(table + "." + code));
    }

    /** The label of a code in the language of {@code locale}: English for English, otherwise Chinese. */
    public Optional<String> label(Locale locale, String table, String code) {
        return Messages.ENGLISH.getLanguage().equals(locale.getLanguage())
                ? english(table, code)
                : chinese(table, code);
    }

    /** The label of a code in the language of {@code locale}. */
    public Optional<String> label(Locale locale, Enum<?> code) {
        return label(locale, tableName(code.getDeclaringClass()), code.name());
    }

    private static CodeLabels load(ClassLoader loader) {
        Map<String, List<String>> chinese = new HashMap<>();
        read(loader, CHINESE_FILE).forEach((key, text) -> {
            List<String> labels = Stream.of(text.split("\\|"))
                    .map(String::strip)
                    .filter(label -> !label.isEmpty())
                    .toList();
            if (!labels.isEmpty()) {
                chinese.put(key, labels);
            }
        });
        Map<String, String> english = new HashMap<>(read(loader, ENGLISH_FILE));
        english.values().removeIf(String::isEmpty);
        return new CodeLabels(Map.copyOf(chinese), Map.copyOf(english));
    }

    /** Every module's file of this name, merged; the same key with different values in two files is an error. */
    private static Map<String, String> read(ClassLoader loader, String file) {
        Map<String, String> merged = new HashMap<>();
        Map<String, URL> origin = new HashMap<>();
        try {
            Enumeration<URL> files = loader.getResources(file);
            while (files.hasMoreElements()) {
                URL url = files.nextElement();
                Properties properties = new Properties();
                try (InputStream in = url.openStream()) {
                    properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                }
                for (String key : properties.stringPropertyNames()) {
                    String value = properties.getProperty(key).strip();
                    String earlier = merged.putIfAbsent(key, value);
                    if (earlier != null && !earlier.equals(value)) {
                        throw new IllegalStateException(
                                "The code " + key + " is labelled differently in " + origin.get(key) + " and " + url);
                    }
                    origin.putIfAbsent(key, url);
                }
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return merged;
    }
}
