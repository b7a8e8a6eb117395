package cn.ruralwatch.household.importing;

import cn.ruralwatch.problem.CodeLabels;
import cn.ruralwatch.problem.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the text of a cell as the value its column holds: numbers, 是/否, dates in the forms spreadsheets write them,
 * and coded values by their code or any of their Chinese labels ({@link CodeLabels}, {@code i18n/labels.properties}).
 */
final class ImportValues {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern SEPARATORS = Pattern.compile("[、,，;；]");
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("uuuu-M-d").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu/M/d").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu.M.d").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT));

    private static final Pattern EXCEL_DAY = Pattern.compile("[1-9][0-9]{4}(\\.0+)?");
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    /** Label (and code) → code, per coded type. */
    private static final Map<Class<?>, Map<String, String>> CODES = new HashMap<>();
    /** Code → the label templates show, per coded type. */
    private static final Map<Class<?>, Map<String, String>> LABELS = new HashMap<>();

    static {
        CodeLabels labels = CodeLabels.of(ImportValues.class.getClassLoader());
        for (ImportColumn column : ImportColumn.ALL) {
            if (column.values() == null || CODES.containsKey(column.values())) {
                continue;
            }
            String table = CodeLabels.tableName(column.values());
            Map<String, String> codes = new HashMap<>();
            Map<String, String> shown = new HashMap<>();
            for (Enum<?> value : column.values().getEnumConstants()) {
                codes.put(value.name(), value.name());
                List<String> names = labels.chineseLabels(table, value.name());
                if (names.isEmpty()) {
                    throw new IllegalStateException("No import label for " + table + "." + value.name());
                }
                for (String label : names) {
                    codes.put(label, value.name());
                }
                shown.put(value.name(), names.getFirst());
            }
            CODES.put(column.values(), codes);
            LABELS.put(column.values(), shown);
        }
    }

    private ImportValues() {}

    /** A cell that cannot be read as its column's value; the field is filled in by the caller. */
    static final class Unreadable extends Exception {
        final transient Violation violation;

        Unreadable(String code, String messageKey, Object... args) {
            super(code, null, false, false);
            this.violation = Violation.of("", code, messageKey, args);
        }
    }

    /** The value of a non-blank cell. */
    static JsonNode read(ImportColumn column, String text) throws Unreadable {
        return switch (column.kind()) {
            case TEXT -> JSON.textNode(text);
            case INTEGER -> integer(text);
            case DECIMAL -> decimal(text);
            case YES_NO -> yesNo(text);
            case DATE -> date(text);
            case CODE -> JSON.textNode(code(column, text));
            case CODES, TEXTS -> {
                ArrayNode list = JSON.arrayNode();
                for (String part : SEPARATORS.split(text)) {
                    if (!part.isBlank()) {
                        list.add(column.kind() == ImportColumn.Kind.CODES ? code(column, part.strip()) : part.strip());
                    }
                }
                yield list;
            }
        };
    }

    /** The label a coded value is shown with. */
    static String label(Class<?> type, String code) {
        return LABELS.get(type).getOrDefault(code, code);
    }

    private static JsonNode integer(String text) throws Unreadable {
        try {
            // spreadsheets write whole numbers as 3.0
            return JSON.numberNode(new BigDecimal(text).intValueExact());
        } catch (ArithmeticException | NumberFormatException e) {
            throw new Unreadable("NOT_AN_INTEGER", "household-import.value.integer", text);
        }
    }

    private static JsonNode decimal(String text) throws Unreadable {
        try {
            return JSON.numberNode(new BigDecimal(text.replace(",", "")));
        } catch (NumberFormatException e) {
            throw new Unreadable("NOT_A_NUMBER", "household-import.value.decimal", text);
        }
    }

    private static JsonNode yesNo(String text) throws Unreadable {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "是", "有", "y", "yes", "true", "1" -> JSON.booleanNode(true);
            case "否", "无", "n", "no", "false", "0" -> JSON.booleanNode(false);
            default -> throw new Unreadable("NOT_YES_OR_NO", "household-import.value.yes-no", text);
        };
    }

    private static JsonNode date(String text) throws Unreadable {
        if (EXCEL_DAY.matcher(text).matches()) {
            // a date cell of a workbook holds the days since 1899-12-30
            return JSON.textNode(
                    EXCEL_EPOCH.plusDays(new BigDecimal(text).longValue()).toString());
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return JSON.textNode(LocalDate.parse(text, format).toString());
            } catch (DateTimeParseException next) {
                // the next form
            }
        }
        throw new Unreadable("NOT_A_DATE", "household-import.value.date", text);
    }

    private static String code(ImportColumn column, String text) throws Unreadable {
        String code = CODES.get(column.values()).get(text);
        if (code == null) {
            code = CODES.get(column.values()).get(text.toUpperCase(Locale.ROOT));
        }
        if (code == null) {
            List<String> allowed = new ArrayList<>();
            for (Enum<?> value : column.values().getEnumConstants()) {
                allowed.add(label(column.values(), value.name()));
            }
            throw new Unreadable("UNKNOWN_VALUE", "household-import.value.unknown", text, String.join("、", allowed));
        }
        return code;
    }
}
