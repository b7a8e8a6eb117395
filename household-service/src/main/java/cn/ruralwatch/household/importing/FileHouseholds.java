package cn.ruralwatch.household.importing;

import cn.ruralwatch.problem.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The households of an import file: its rows grouped by 户编号 (a household's rows must follow one another), each group
 * read into the registration document the API takes, with what could not be read noted against its row and column.
 */
final class FileHouseholds implements Iterator<FileHouseholds.FileHousehold>, AutoCloseable {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** A problem found in the file, at a row and column. */
    record RowProblem(int row, String householdRef, String column, Violation violation) {}

    /**
     * A household of the file.
     *
     * @param memberRows the file row of each member, in the order of {@code members} in the document
     * @param document the registration document, as far as it could be read
     * @param problems what could not be read; a household with problems is not stored
     */
    record FileHousehold(String reference, List<Integer> memberRows, ObjectNode document, List<RowProblem> problems) {

        private static final Pattern MEMBER = Pattern.compile("^members\\[(\\d+)]");

        int firstRow() {
            return memberRows.getFirst();
        }

        int lastRow() {
            return memberRows.getLast();
        }

        /** The row a field of the document was read from: the member's row, or the household's first row. */
        int rowOf(String field) {
            Matcher member = MEMBER.matcher(field);
            if (member.find()) {
                int index = Integer.parseInt(member.group(1));
                if (index < memberRows.size()) {
                    return memberRows.get(index);
                }
            }
            return firstRow();
        }

        void problem(String field, Violation violation) {
            problems.add(new RowProblem(
                    rowOf(field),
                    reference,
                    ImportColumn.forField(field).map(ImportColumn::header).orElse(null),
                    new Violation(field, violation.code(), violation.messageKey(), violation.args())));
        }
    }

    /** What is wrong with the header row: unknown, missing and repeated column names. */
    record HeaderProblems(List<String> unknown, List<String> missing, List<String> repeated) {
        boolean any() {
            return !unknown.isEmpty() || !missing.isEmpty() || !repeated.isEmpty();
        }
    }

    private final ImportTable table;
    private final Map<ImportColumn, Integer> columns;
    private final int referenceIndex;
    private final Set<String> seen = new HashSet<>();
    private ImportTable.Line pending;

    private FileHouseholds(ImportTable table, Map<ImportColumn, Integer> columns) {
        this.table = table;
        this.columns = columns;
        this.referenceIndex = columns.get(
                ImportColumn.forHeader(ImportColumn.HOUSEHOLD_REFERENCE).orElseThrow());
    }

    /** Checks the header of a file without reading further. */
    static HeaderProblems checkHeader(ImportTable table) {
        try (table) {
            return header(table).problems;
        }
    }

    /** Opens the households of a file whose header has no problems. */
    static FileHouseholds open(ImportTable table) {
        Header header = header(table);
        if (header.problems.any()) {
            table.close();
            throw new IllegalStateException("The header of an accepted file has problems: " + header.problems);
        }
        return new FileHouseholds(table, header.columns);
    }

    /** The columns the file has. */
    Set<ImportColumn> columns() {
        return columns.keySet();
    }

    private record Header(Map<ImportColumn, Integer> columns, HeaderProblems problems) {}

    private static Header header(ImportTable table) {
        Map<ImportColumn, Integer> columns = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        List<String> repeated = new ArrayList<>();
        if (table.hasNext()) {
            List<String> cells = table.next().cells();
            for (int i = 0; i < cells.size(); i++) {
                String name = cells.get(i);
                if (name.isEmpty()) {
                    continue;
                }
                var column = ImportColumn.forHeader(name);
                if (column.isEmpty()) {
                    unknown.add(name);
                } else if (columns.putIfAbsent(column.get(), i) != null) {
                    repeated.add(name);
                }
            }
        }
        List<String> missing = ImportColumn.ALL.stream()
                .filter(c -> c.required() && !columns.containsKey(c))
                .map(ImportColumn::header)
                .toList();
        return new Header(columns, new HeaderProblems(unknown, missing, repeated));
    }

    @Override
    public boolean hasNext() {
        return pending != null || table.hasNext();
    }

    @Override
    public FileHousehold next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ImportTable.Line first = pending != null ? pending : table.next();
        pending = null;
        String reference = first.cell(referenceIndex);
        List<ImportTable.Line> lines = new ArrayList<>();
        lines.add(first);
        if (!reference.isEmpty()) {
            while (table.hasNext()) {
                ImportTable.Line line = table.next();
                if (!line.cell(referenceIndex).equals(reference)) {
                    pending = line;
                    break;
                }
                lines.add(line);
            }
        }
        return read(reference, lines);
    }

    private FileHousehold read(String reference, List<ImportTable.Line> lines) {
        ObjectNode document = JSON.objectNode();
        ArrayNode members = document.putArray("members");
        List<Integer> rows = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        FileHousehold household = new FileHousehold(reference, rows, document, problems);
        if (reference.isEmpty()) {
            problems.add(new RowProblem(
                    first(lines).number(),
                    null,
                    ImportColumn.HOUSEHOLD_REFERENCE,
                    Violation.of("", "REQUIRED", "household-import.reference.required")));
        } else if (!seen.add(reference)) {
            problems.add(new RowProblem(
                    first(lines).number(),
                    reference,
                    ImportColumn.HOUSEHOLD_REFERENCE,
                    Violation.of("", "SCATTERED", "household-import.reference.scattered", reference)));
        }
        for (ImportTable.Line line : lines) {
            rows.add(line.number());
            ObjectNode member = members.addObject();
            for (Map.Entry<ImportColumn, Integer> entry : columns.entrySet()) {
                ImportColumn column = entry.getKey();
                String text = line.cell(entry.getValue());
                if (text.isEmpty() || column.path().isEmpty()) {
                    continue;
                }
                String field = column.scope() == ImportColumn.Scope.MEMBER
                        ? "members[" + (rows.size() - 1) + "]." + column.path()
                        : column.path();
                JsonNode value;
                try {
                    value = ImportValues.read(column, text);
                } catch (ImportValues.Unreadable e) {
                    problems.add(new RowProblem(
                            line.number(),
                            reference,
                            column.header(),
                            new Violation(field, e.violation.code(), e.violation.messageKey(), e.violation.args())));
                    continue;
                }
                ObjectNode target = column.scope() == ImportColumn.Scope.MEMBER ? member : document;
                JsonNode earlier = Documents.get(target, column.path());
                if (earlier == null) {
                    Documents.put(target, column.path(), value);
                } else if (!earlier.equals(value)) {
                    problems.add(new RowProblem(
                            line.number(),
                            reference,
                            column.header(),
                            Violation.of(
                                    field,
                                    "INCONSISTENT",
                                    "household-import.value.inconsistent",
                                    text(earlier),
                                    text)));
                }
            }
        }
        return household;
    }

    private static ImportTable.Line first(List<ImportTable.Line> lines) {
        return lines.getFirst();
    }

    private static String text(JsonNode value) {
        return value.isTextual() ? value.asText() : value.toString();
    }

    @Override
    public void close() {
        table.close();
    }
}
