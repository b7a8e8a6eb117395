package cn.ruralwatch.problem;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Localized messages of the suite. Chinese is the default; English is used when the caller prefers it. A service's own
 * messages live in {@code i18n/messages*.properties}; the shared ones in {@code i18n/problems*.properties}. A code
 * (an enum) given to a message is written in words: {@code enum.<Type>.<CODE>} in the same files, else its label
 * ({@link CodeLabels}).
 */
public final class Messages {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;

    private static final List<String> BUNDLES = List.of("i18n.messages", "i18n.problems");
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {}

    /**
     * The language to answer in for an {@code Accept-Language} header: English when English ranks above Chinese,
     * otherwise Chinese.
     */
    public static Locale localeFor(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return CHINESE;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
            for (Locale.LanguageRange range : ranges) {
                String tag = range.getRange().toLowerCase(Locale.ROOT);
                if (range.getWeight() <= 0) {
                    continue;
                }
                if (tag.startsWith("zh")) {
                    return CHINESE;
                }
                if (tag.startsWith("en")) {
                    return ENGLISH;
                }
            }
        } catch (IllegalArgumentException malformedHeader) {
            return CHINESE;
        }
        return CHINESE;
    }

    public static String get(Locale locale, String key, Object... args) {
        return get(locale, key, List.of(args));
    }

    public static String get(Locale locale, String key, List<Object> args) {
        String pattern = lookup(locale, key);
        if (pattern == null) {
            return key;
        }
        // an apostrophe in a message is an apostrophe ("the plan's division {0}"), not MessageFormat's quote, which
        // would swallow the placeholders after it
        if (args.isEmpty()) {
            return pattern;
        }
        Object[] values = new Object[args.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = words(locale, args.get(i));
        }
        return new MessageFormat(pattern.replace("'", "''"), locale).format(values);
    }

    /** An argument as a message writes it: a code in words, a list of codes as words joined by 、. */
    private static Object words(Locale locale, Object arg) {
        if (arg instanceof Enum<?> code) {
            return label(locale, code);
        }
        if (arg instanceof java.util.Collection<?> many && many.stream().anyMatch(Enum.class::isInstance)) {
            return many.stream()
                    .map(one -> String.valueOf(words(locale, one)))
                    .collect(java.util.stream.Collectors.joining(
                            ENGLISH.getLanguage().equals(locale.getLanguage()) ? ", " : "、"));
        }
        return arg;
    }

    /**
     * A code in words of the caller's language, so that no English code stands inside a Chinese sentence: {@code
     * enum.ReviewStep.HOME_VERIFICATION=…} in a service's messages, else for Chinese the label of the coded value
     * ({@link CodeLabels}: {@code ReviewStep.HOME_VERIFICATION=入户核实}, keyed by the name the type has in the OpenAPI
     * document); the code itself where no words are written, and in English, where the code is what a caller sends.
     */
    public static String label(Locale locale, Enum<?> code) {
        String table = CodeLabels.tableName(code.getDeclaringClass());
        String words = lookup(locale, "enum." + table + "." + code.name());
        if (words == null && !ENGLISH.getLanguage().equals(locale.getLanguage())) {
            words = CodeLabels.current().chinese(table, code.name()).orElse(null);
        }
        return words == null ? code.name() : words;
    }

    private static String lookup(Locale locale, String key) {
        Locale bundleLocale = ENGLISH.getLanguage().equals(locale.getLanguage()) ? ENGLISH : CHINESE;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        for (String base : BUNDLES) {
            try {
                ResourceBundle bundle = ResourceBundle.getBundle(base, bundleLocale, loader, NO_FALLBACK);
                if (bundle.containsKey(key)) {
                    return bundle.getString(key);
                }
            } catch (MissingResourceException noSuchBundle) {
                // a service without its own messages, or a language without this bundle
            }
        }
        return null;
    }
}
