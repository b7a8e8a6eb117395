package cn.ruralwatch.sql;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
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

    /** Rows are sent in pieces of about this many characters. */
    private static final int PIECE = 256 * 1024;

    /** The characters a row is given room for at first; the text grows when its rows are longer. */
    private static final int ROOM_PER_ROW = 512;

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
                if (!writable(value)) {
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
            // room for the rows given, at most a piece: most COPYs are small (an API request's outbox event), and a
            // piece's room for each of them was half a megabyte to throw away
            Lines lines = new Lines(Math.min(PIECE + 4096, ROOM_PER_ROW * rows.size()));
            for (Object[] row : rows) {
                lines.line(row);
                if (lines.text.length() >= PIECE) {
                    lines.send(copy);
                }
            }
            lines.send(copy);
            return copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private static boolean writable(Object value) {
        if (value instanceof List<?> list) {
            for (Object element : list) {
                if (element instanceof List<?> || !writable(element)) {
                    return false;
                }
            }
            return true;
        }
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

    /**
     * The text of the lines of one COPY, sent in pieces. The rows of a batch mostly share their moments (a job stamps a
     * chunk's rows with one), so the text of the last moment written is kept and written again while it is the same.
     * A piece goes out as UTF-8 through buffers kept for the whole COPY: a piece of Chinese text is held as UTF-16,
     * and turning each into a String and then into bytes made three copies of it (a quarter of what an import's
     * storing thread allocated).
     */
    private static final class Lines {
        final StringBuilder text;
        private Instant lastMoment;
        private String lastMomentText;
        private char[] chars = new char[0];
        private ByteBuffer bytes = ByteBuffer.allocate(0);
        private final CharsetEncoder encoder = StandardCharsets.UTF_8
                .newEncoder()
                // as String.getBytes does: a lone surrogate becomes '?'
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);

        Lines(int capacity) {
            text = new StringBuilder(capacity);
        }

        /** Sends the lines written so far and starts the next piece. */
        void send(CopyIn copy) throws SQLException {
            int length = text.length();
            if (length == 0) {
                return;
            }
            if (chars.length < length) {
                chars = new char[length];
                // a char is at most three bytes of UTF-8 (a surrogate pair, two chars, is four)
                bytes = ByteBuffer.allocate(3 * length);
            }
            text.getChars(0, length, chars, 0);
            bytes.clear();
            encoder.reset();
            CharBuffer in = CharBuffer.wrap(chars, 0, length);
            CoderResult result = encoder.encode(in, bytes, true);
            if (result.isUnderflow()) {
                result = encoder.flush(bytes);
            }
            if (!result.isUnderflow()) {
                throw new IllegalStateException("UTF-8 of a COPY piece did not fit its buffer: " + result);
            }
            copy.writeToCopy(bytes.array(), 0, bytes.position());
            text.setLength(0);
        }

        void line(Object[] row) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    text.append('\t');
                }
                if (row[i] == null) {
                    text.append("\\N");
                } else if (row[i] instanceof List<?> list) {
                    array(list);
                } else {
                    value(row[i], false);
                }
            }
            text.append('\n');
        }

        /**
         * A value's text; escaped for COPY, and inside an array also for the array literal (a double quote or a
         * backslash preceded by a backslash), when it is text. The other values' texts hold no character either
         * escapes.
         */
        private void value(Object value, boolean inArray) {
            switch (value) {
                case String s -> escaped(s, inArray);
                case Boolean b -> text.append(b ? 't' : 'f');
                case BigDecimal d -> text.append(d.toPlainString());
                case Number n -> text.append(n);
                case UUID u -> text.append(u);
                case Timestamp t -> moment(t.toInstant());
                case Instant i -> moment(i);
                case OffsetDateTime o -> text.append(o);
                case LocalDate d -> text.append(d);
                default ->
                    throw new IllegalArgumentException(
                            "COPY does not take a " + value.getClass().getName() + " here");
            }
        }

        private void moment(Instant moment) {
            if (!moment.equals(lastMoment)) {
                lastMoment = moment;
                lastMomentText = moment.toString();
            }
            text.append(lastMomentText);
        }

        /**
         * An array literal: {@code {"a","b",NULL}}, every element quoted, so that commas, braces, spaces and the word
         * NULL inside a value stay part of it.
         */
        private void array(List<?> elements) {
            text.append('{');
            for (int i = 0; i < elements.size(); i++) {
                if (i > 0) {
                    text.append(',');
                }
                Object element = elements.get(i);
                if (element == null) {
                    text.append("NULL");
                } else {
                    text.append('"');
                    value(element, true);
                    text.append('"');
                }
            }
            text.append('}');
        }

        private void escaped(String s, boolean inArray) {
            int first = 0;
            while (first < s.length() && !special(s.charAt(first), inArray)) {
                first++;
            }
            text.append(s, 0, first);
            for (int i = first; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '\\' -> text.append(inArray ? "\\\\\\\\" : "\\\\");
                    case '"' -> text.append(inArray ? "\\\\\"" : "\"");
                    case '\t' -> text.append("\\t");
                    case '\n' -> text.append("\\n");
                    case '\r' -> text.append("\\r");
                    default -> text.append(c);
                }
            }
        }

        /** A character to escape: for COPY, and inside an array also a double quote (JSON text has many). */
        private static boolean special(char c, boolean inArray) {
            return c == '\\' || c == '\t' || c == '\n' || c == '\r' || (inArray && c == '"');
        }
    }
}
