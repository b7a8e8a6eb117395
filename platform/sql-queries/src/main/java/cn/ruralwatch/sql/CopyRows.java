package cn.ruralwatch.sql;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows written with PostgreSQL's {@code COPY … FROM STDIN} in its text format instead of batched {@code INSERT}s: no
 * statement to bind per row and no parameter list to send, which is what a batch of thousands of rows of a job spends
 * most of its time on besides the rows themselves. The rows go through the caller's connection, so they are part of
 * its transaction; defaults, constraints, indexes and triggers of the table apply as for an insert.
 *
 * <p>Values: {@code null}, {@link String}, {@link Boolean}, {@link Number}, {@link UUID}, {@link Timestamp},
 * {@link Instant}, {@link OffsetDateTime} and {@link LocalDate}; text is escaped as COPY's text format requires
 * (backslash, tab, line feed, carriage return), so any string arrives unchanged. A column typed {@code jsonb} takes
 * the JSON text as it is. A {@link List} of such values (nulls included, no lists) is written as an array literal for
 * an array column, each element quoted, so that any text arrives unchanged there too.
 */
public final class CopyRows {

    /** Rows are sent in pieces of about this many bytes. */
    private static final int PIECE = 256 * 1024;

    private CopyRows() {}

    /**
     * Writes the rows into the table's columns (in the order given) and returns how many PostgreSQL took. An SQL error
     * (a constraint, a value the column's type cannot read) leaves the transaction failed, as an insert would; a row of
     * the wrong width or with a value of a type listed nowhere above is refused before anything is sent.
     */
    public static long copy(Connection connection, String table, List<String> columns, List<Object[]> rows)
            throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        // a row that cannot be written is refused before COPY starts, so the connection's transaction goes on
        for (Object[] row : rows) {
            if (row.length != columns.size()) {
                throw new IllegalArgumentException(
                        "a row of " + row.length + " values for " + columns.size() + " columns of " + table);
            }
            for (Object value : row) {
                if (!(value instanceof List<?> list ? list.stream().allMatch(CopyRows::writable) : writable(value))) {
                    throw new IllegalArgumentException(
                            "COPY does not take a " + value.getClass().getName() + " here");
                }
            }
        }
        CopyIn copy = connection
                .unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn("copy " + table + " (" + String.join(", ", columns) + ") from stdin");
        try {
            StringBuilder text = new StringBuilder(PIECE + 4096);
            for (Object[] row : rows) {
                line(text, row);
                if (text.length() >= PIECE) {
                    send(copy, text);
                }
            }
            send(copy, text);
            return copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    /** Appends one row as a line of COPY's text format. */
    static void line(StringBuilder text, Object[] row) {
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                text.append('\t');
            }
            value(text, row[i]);
        }
        text.append('\n');
    }

    private static boolean writable(Object value) {
        return value == null
                || value instanceof String
                || value instanceof Boolean
                || value instanceof Number
                || value instanceof UUID
                || value instanceof Timestamp
                || value instanceof Instant
                || value instanceof OffsetDateTime
                || value instanceof LocalDate;
    }

    private static void value(StringBuilder text, Object value) {
        switch (value) {
            case null -> text.append("\\N");
            case String s -> escaped(text, s);
            case List<?> list -> escaped(text, array(list));
            case Boolean b -> text.append(b ? 't' : 'f');
            case BigDecimal d -> text.append(d.toPlainString());
            case Number n -> text.append(n);
            case UUID u -> text.append(u);
            case Timestamp t -> text.append(t.toInstant());
            case Instant i -> text.append(i);
            case OffsetDateTime o -> text.append(o);
            case LocalDate d -> text.append(d);
            default ->
                throw new IllegalArgumentException(
                        "COPY does not take a " + value.getClass().getName() + " here");
        }
    }

    /**
     * An array literal: {@code {"a","b",NULL}}, every element quoted (a backslash or a double quote in it escaped by a
     * backslash), so that commas, braces, spaces and the word NULL inside a value stay part of it.
     */
    private static String array(List<?> elements) {
        StringBuilder literal = new StringBuilder(16 * elements.size() + 2).append('{');
        StringBuilder element = new StringBuilder();
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                literal.append(',');
            }
            Object value = elements.get(i);
            if (value == null) {
                literal.append("NULL");
                continue;
            }
            element.setLength(0);
            if (value instanceof String s) {
                element.append(s);
            } else {
                value(element, value);
            }
            literal.append('"');
            for (int j = 0; j < element.length(); j++) {
                char c = element.charAt(j);
                if (c == '"' || c == '\\') {
                    literal.append('\\');
                }
                literal.append(c);
            }
            literal.append('"');
        }
        return literal.append('}').toString();
    }

    private static void escaped(StringBuilder text, String s) {
        int first = 0;
        while (first < s.length() && !special(s.charAt(first))) {
            first++;
        }
        text.append(s, 0, first);
        for (int i = first; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }

    private static boolean special(char c) {
        return c == '\\' || c == '\t' || c == '\n' || c == '\r';
    }

    private static void send(CopyIn copy, StringBuilder text) throws SQLException {
        if (text.isEmpty()) {
            return;
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        text.setLength(0);
    }
}
