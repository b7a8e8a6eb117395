package cn.ruralwatch.personal;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.jboss.logging.Logger;

/**
 * Moves stored personal numbers to the current key and algorithm: after a key rotation or a switch to SM mode, every
 * value written under an older key is decrypted and encrypted again, and its look-up hash recomputed, in batches of
 * {@code ruralwatch.personal-data.reencryption-batch-size} rows per transaction. Rows being re-encrypted by another
 * instance are skipped ({@code for update skip locked}), so instances can run it at the same time.
 */
@ApplicationScoped
public class Reencryption {

    private static final Logger LOG = Logger.getLogger(Reencryption.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PersonalDataProtector protector;

    @Inject
    PersonalDataConfig config;

    /** A column holding encrypted values, and optionally the column of their look-up hashes. */
    public record ProtectedColumn(String column, PersonalDataKind kind, String hashColumn) {

        public static ProtectedColumn encrypted(String column, PersonalDataKind kind) {
            return new ProtectedColumn(column, kind, null);
        }

        public static ProtectedColumn withLookupHash(String column, PersonalDataKind kind, String hashColumn) {
            return new ProtectedColumn(column, kind, hashColumn);
        }
    }

    /** A table with encrypted columns, named in code (never from input). */
    public record ProtectedTable(String table, String idColumn, List<ProtectedColumn> columns) {}

    /**
     * Re-encrypts every row of the table not yet under the current key.
     *
     * @return the number of rows rewritten
     */
    public long run(ProtectedTable table) {
        long total = 0;
        Object after = null;
        List<Object[]> rewritten;
        do {
            // in key order, each batch after the last: one pass over the table, however many rows are stale
            rewritten = batch(table, after);
            total += rewritten.size();
            after = rewritten.isEmpty() ? null : rewritten.getLast()[0];
        } while (!rewritten.isEmpty());
        if (total > 0) {
            LOG.infof("Re-encrypted %d rows of %s under key %s", total, table.table(), config.encryptionKey());
        }
        return total;
    }

    /** How many rows of the table still hold values under an older key. */
    public long pending(ProtectedTable table) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement(
                        "select count(*) from " + table.table() + " where " + stale(table))) {
            bindStale(count, table, 1);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count rows to re-encrypt in " + table.table(), e);
        }
    }

    /** Re-encrypts up to a batch of stale rows with keys above {@code after} (from the start when null). */
    private List<Object[]> batch(ProtectedTable table, Object after) {
        StringJoiner columns = new StringJoiner(", ");
        table.columns().forEach(c -> columns.add(c.column()));
        StringJoiner assignments = new StringJoiner(", ");
        for (ProtectedColumn c : table.columns()) {
            assignments.add(c.column() + " = ?");
            if (c.hashColumn() != null) {
                assignments.add(c.hashColumn() + " = ?");
            }
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            List<Object[]> rows = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("select " + table.idColumn() + ", " + columns
                    + " from " + table.table() + " where " + stale(table)
                    + (after == null ? "" : " and " + table.idColumn() + " > ?")
                    + " order by " + table.idColumn() + " limit ? for update skip locked")) {
                int next = bindStale(select, table, 1);
                if (after != null) {
                    select.setObject(next++, after);
                }
                select.setInt(next, config.reencryptionBatchSize());
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        Object[] row = new Object[table.columns().size() + 1];
                        for (int i = 0; i < row.length; i++) {
                            row[i] = result.getObject(i + 1);
                        }
                        rows.add(row);
                    }
                }
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "update " + table.table() + " set " + assignments + " where " + table.idColumn() + " = ?")) {
                for (Object[] row : rows) {
                    int parameter = 1;
                    for (int i = 0; i < table.columns().size(); i++) {
                        ProtectedColumn c = table.columns().get(i);
                        String plaintext = protector.decrypt(c.kind(), (String) row[i + 1]);
                        update.setString(parameter++, protector.encrypt(c.kind(), plaintext));
                        if (c.hashColumn() != null) {
                            update.setString(
                                    parameter++, plaintext == null ? null : protector.lookupHash(c.kind(), plaintext));
                        }
                    }
                    update.setObject(parameter, row[0]);
                    update.addBatch();
                }
                update.executeBatch();
            }
            connection.commit();
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Re-encryption of " + table.table() + " failed", e);
        }
    }

    private static String stale(ProtectedTable table) {
        StringJoiner conditions = new StringJoiner(" or ");
        for (ProtectedColumn c : table.columns()) {
            conditions.add("(" + c.column() + " is not null and not starts_with(" + c.column() + ", ?))");
            if (c.hashColumn() != null) {
                conditions.add("(" + c.hashColumn() + " is not null and not starts_with(" + c.hashColumn() + ", ?))");
            }
        }
        return "(" + conditions + ")";
    }

    private int bindStale(PreparedStatement statement, ProtectedTable table, int first) throws SQLException {
        int parameter = first;
        for (ProtectedColumn c : table.columns()) {
            statement.setString(parameter++, protector.currentCipherPrefix());
            if (c.hashColumn() != null) {
                statement.setString(parameter++, protector.currentHashPrefix());
            }
        }
        return parameter;
    }
}
