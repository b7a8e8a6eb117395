package cn.ruralwatch.household.division;

import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.Violation;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A division table in CSV, as counties keep them: a header row naming the columns (in English or Chinese), then one
 * division per row. {@code code} and {@code name} are required; {@code level} and {@code parentCode} follow from the
 * code's length and prefix when left out.
 */
public final class DivisionCsv {

    private static final Map<String, String> HEADERS = Map.of(
            "code", "code",
            "区划代码", "code",
            "name", "name",
            "名称", "name",
            "level", "level",
            "层级", "level",
            "parentcode", "parentCode",
            "上级代码", "parentCode");

    private static final Map<String, DivisionLevel> LEVEL_NAMES = Map.of(
            "县", DivisionLevel.COUNTY,
            "乡镇", DivisionLevel.TOWNSHIP,
            "街道", DivisionLevel.TOWNSHIP,
            "行政村", DivisionLevel.VILLAGE,
            "社区", DivisionLevel.VILLAGE,
            "自然村", DivisionLevel.HAMLET,
            "屯", DivisionLevel.HAMLET);

    private DivisionCsv() {}

    /** One data row, with what is wrong with it (empty when it can be applied). {@code line} counts the header as 1. */
    public record Row(
            long line,
            String code,
            String name,
            DivisionLevel level,
            String parentCode,
            VillageKind villageKind,
            List<Violation> problems) {}

    public static List<Row> parse(String csv) {
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get()
                .parse(new StringReader(text))) {
            Map<String, String> columns = columns(parser.getHeaderNames());
            for (CSVRecord record : parser) {
                rows.add(row(record, columns));
            }
        } catch (IOException | IllegalArgumentException | java.io.UncheckedIOException unreadable) {
            throw ProblemException.invalid(Violation.of("file", "UNREADABLE", "division.import.unreadable"));
        }
        if (rows.isEmpty()) {
            throw ProblemException.invalid(Violation.of("file", "EMPTY", "division.import.empty"));
        }
        return rows;
    }

    /** Our column name → the header as written in the file. */
    private static Map<String, String> columns(List<String> headers) {
        Map<String, String> columns = new java.util.HashMap<>();
        for (String header : headers) {
            String known = HEADERS.get(header.trim().toLowerCase(Locale.ROOT));
            if (known != null) {
                columns.put(known, header);
            }
        }
        if (!columns.containsKey("code") || !columns.containsKey("name")) {
            throw ProblemException.invalid(Violation.of("file", "HEADER", "division.import.header"));
        }
        return columns;
    }

    private static Row row(CSVRecord record, Map<String, String> columns) {
        long line = record.getRecordNumber() + 1;
        List<Violation> problems = new ArrayList<>();
        String code = value(record, columns, "code");
        String name = value(record, columns, "name");
        Optional<DivisionLevel> byLength = DivisionLevel.ofCode(code);
        if (byLength.isEmpty()) {
            problems.add(Violation.of("code", "FORMAT", "division.import.code"));
        }
        if (name == null || name.length() > 100) {
            problems.add(Violation.of("name", "REQUIRED", "division.import.name"));
        }
        DivisionLevel level = byLength.orElse(null);
        String written = value(record, columns, "level");
        if (written != null && level != null) {
            DivisionLevel named = LEVEL_NAMES.get(written);
            if (named == null) {
                try {
                    named = DivisionLevel.valueOf(written.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException unknown) {
                    problems.add(Violation.of("level", "UNKNOWN", "division.import.level", written));
                }
            }
            if (named != null && named != level) {
                problems.add(Violation.of("level", "LENGTH", "division.code.length", named, named.codeLength()));
            }
        }
        String parent = value(record, columns, "parentCode");
        if (level != null && level != DivisionLevel.COUNTY) {
            String implied = code.substring(0, code.length() - 3);
            if (parent == null) {
                parent = implied;
            } else if (!parent.equals(implied)) {
                problems.add(Violation.of("parentCode", "PREFIX", "division.code.prefix", parent));
            }
        }
        // a village-level row written 社区 (or COMMUNITY) is a community, any other village a 行政村
        VillageKind kind = level != DivisionLevel.VILLAGE
                ? null
                : "社区".equals(written) || "COMMUNITY".equalsIgnoreCase(written)
                        ? VillageKind.COMMUNITY
                        : VillageKind.VILLAGE;
        return new Row(line, code, name, level, level == DivisionLevel.COUNTY ? null : parent, kind, problems);
    }

    private static String value(CSVRecord record, Map<String, String> columns, String column) {
        String header = columns.get(column);
        if (header == null || !record.isSet(header)) {
            return null;
        }
        String value = record.get(header);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
