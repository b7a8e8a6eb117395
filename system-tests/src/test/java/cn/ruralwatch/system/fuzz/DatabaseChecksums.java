package cn.ruralwatch.system.fuzz;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A digest of every row of every table of the services' databases: equal digests before and after a phase of requests
 * mean that none of them changed, added or removed a row. Each table's digest is the md5 of its rows' text forms in
 * a fixed order, so the cost is one scan per table — small databases, as a fuzz run seeds them.
 */
final class DatabaseChecksums {

    private final Function<String, Connection> connections;
    private final List<String> databases;

    DatabaseChecksums(Function<String, Connection> connections, List<String> databases) {
        this.connections = connections;
        this.databases = List.copyOf(databases);
    }

    /** {@code database.table} → row count and digest. */
    Map<String, String> take() throws SQLException {
        Map<String, String> digests = new TreeMap<>();
        for (String database : databases) {
            try (Connection connection = connections.apply(database);
                    Statement statement = connection.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery(
                        "select quote_ident(schemaname) || '.' || quote_ident(tablename) from pg_tables"
                                + " where schemaname not in ('pg_catalog', 'information_schema') order by 1")) {
                    while (rows.next()) {
                        tables.add(rows.getString(1));
                    }
                }
                for (String table : tables) {
                    try (ResultSet rows =
                            statement.executeQuery("select count(*), coalesce(md5(string_agg(md5(t::text),"
                                    + " '' order by md5(t::text))), '-') from " + table + " t")) {
                        rows.next();
                        digests.put(database + "." + table, rows.getLong(1) + " rows " + rows.getString(2));
                    }
                }
            }
        }
        return digests;
    }

    /** The tables whose digest differs, with both digests. */
    static List<String> differences(Map<String, String> before, Map<String, String> after) {
        List<String> changed = new ArrayList<>();
        for (String table : after.keySet()) {
            if (!after.get(table).equals(before.get(table))) {
                changed.add(table + ": " + before.get(table) + " → " + after.get(table));
            }
        }
        for (String table : before.keySet()) {
            if (!after.containsKey(table)) {
                changed.add(table + ": dropped");
            }
        }
        return changed;
    }
}
