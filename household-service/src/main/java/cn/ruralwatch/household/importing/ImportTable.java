package cn.ruralwatch.household.importing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * The rows of an import file, read as they come (a county's file is not held in memory at once): a CSV file in UTF-8
 * (with or without the byte order mark Excel writes) or the first sheet of an Excel workbook (.xlsx). Blank rows are
 * skipped; row numbers are those the user sees in the file, the header being row 1.
 */
abstract class ImportTable implements Iterator<ImportTable.Line>, AutoCloseable {

    /** A row: its number in the file and the text of its cells, trimmed. */
    record Line(int number, List<String> cells) {

        String cell(int index) {
            return index < cells.size() ? cells.get(index) : "";
        }

        boolean blank() {
            return cells.stream().allMatch(String::isEmpty);
        }
    }

    private Line next;

    static ImportTable open(ImportFormat format, InputStream content) {
        try {
            return format == ImportFormat.CSV ? new Csv(content) : new Xlsx(new ReadableWorkbook(content));
        } catch (IOException | RuntimeException e) {
            throw new Unreadable(e);
        }
    }

    /** A workbook read from a file: its parts are streamed from the zip rather than held in memory. */
    static ImportTable open(java.nio.file.Path workbook) {
        try {
            return new Xlsx(new ReadableWorkbook(workbook.toFile()));
        } catch (IOException | RuntimeException e) {
            throw new Unreadable(e);
        }
    }

    /** The file cannot be read as its format. */
    static final class Unreadable extends RuntimeException {
        Unreadable(Throwable cause) {
            super(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage(), cause);
        }
    }

    /** The next line that is not blank, or null at the end. */
    protected abstract Line read() throws IOException;

    @Override
    public boolean hasNext() {
        if (next == null) {
            try {
                do {
                    next = read();
                } while (next != null && next.blank());
            } catch (IOException | RuntimeException e) {
                throw new Unreadable(e);
            }
        }
        return next != null;
    }

    @Override
    public Line next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Line line = next;
        next = null;
        return line;
    }

    @Override
    public abstract void close();

    private static final class Csv extends ImportTable {
        private final CSVParser parser;
        private final Iterator<CSVRecord> records;

        Csv(InputStream content) throws IOException {
            parser = CSVFormat.DEFAULT
                    .builder()
                    // blank lines count as rows, as a spreadsheet shows them
                    .setIgnoreEmptyLines(false)
                    .get()
                    .parse(new InputStreamReader(skipByteOrderMark(content), StandardCharsets.UTF_8));
            records = parser.iterator();
        }

        private static InputStream skipByteOrderMark(InputStream content) throws IOException {
            InputStream in = content.markSupported() ? content : new BufferedInputStream(content);
            in.mark(3);
            byte[] head = in.readNBytes(3);
            if (!(head.length == 3
                    && (head[0] & 0xff) == 0xef
                    && (head[1] & 0xff) == 0xbb
                    && (head[2] & 0xff) == 0xbf)) {
                in.reset();
            }
            return in;
        }

        @Override
        protected Line read() {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            List<String> cells = new ArrayList<>(record.size());
            record.forEach(cell -> cells.add(cell.strip()));
            // records count from 1, the header included: the row number a spreadsheet shows
            return new Line(Math.toIntExact(record.getRecordNumber()), cells);
        }

        @Override
        public void close() {
            try {
                parser.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final class Xlsx extends ImportTable {
        private final ReadableWorkbook workbook;
        private final Stream<Row> rows;
        private final Iterator<Row> iterator;

        Xlsx(ReadableWorkbook workbook) throws IOException {
            this.workbook = workbook;
            rows = workbook.getFirstSheet().openStream();
            iterator = rows.iterator();
        }

        @Override
        protected Line read() {
            if (!iterator.hasNext()) {
                return null;
            }
            Row row = iterator.next();
            List<String> cells = new ArrayList<>(row.getCellCount());
            for (int i = 0; i < row.getCellCount(); i++) {
                String text = row.getCell(i) == null ? null : row.getCellText(i);
                cells.add(text == null ? "" : text.strip());
            }
            return new Line(row.getRowNum(), cells);
        }

        @Override
        public void close() {
            rows.close();
            try {
                workbook.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
