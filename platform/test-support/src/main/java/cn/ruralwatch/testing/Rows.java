package cn.ruralwatch.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** What a test reads from or does to a service's own database directly, to check the rows behind an answer. */
public final class Rows {

    private Rows() {}

    /** The single number a query answers, e.g. {@code select count(*) …}. */
    public static long count(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql);
                ResultSet rows = s.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The single text a query answers ({@code null} where it finds no row), e.g. {@code select id::text …}. */
    public static String text(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql);
                ResultSet rows = s.executeQuery()) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    public static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.executeUpdate();
        }
    }
}
