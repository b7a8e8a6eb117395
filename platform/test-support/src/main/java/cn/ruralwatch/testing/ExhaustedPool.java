package cn.ruralwatch.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Every connection of the service's pool held by the test: until {@link #close()}, whatever the service does next
 * waits for a connection and gets none — the same failure as a database that refuses connections, without stopping
 * the server the other tests share.
 */
public final class ExhaustedPool implements AutoCloseable {

    private final List<Connection> held;

    private ExhaustedPool(List<Connection> held) {
        this.held = held;
    }

    /**
     * Takes {@code size} connections (the pool's maximum). Connections the service's background work holds at the
     * moment are waited for, so that the pool is really empty when this returns.
     */
    public static ExhaustedPool of(DataSource dataSource, int size) throws SQLException {
        List<Connection> held = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (held.size() < size) {
            try {
                held.add(dataSource.getConnection());
            } catch (SQLException busy) {
                if (System.nanoTime() > deadline) {
                    held.forEach(ExhaustedPool::closeQuietly);
                    throw busy;
                }
            }
        }
        return new ExhaustedPool(held);
    }

    /** Gives every connection back: the service recovers on its own. */
    @Override
    public void close() {
        held.forEach(ExhaustedPool::closeQuietly);
        held.clear();
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException alreadyBroken) {
            // the pool replaces a broken connection itself
        }
    }
}
