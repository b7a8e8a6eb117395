package cn.ruralwatch.failures;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a failure that passes by itself (the database restarts, a connection drops, two transactions deadlock, the
 * pool is exhausted for a moment) from one that the same work would meet again (a constraint, bad data, a bug). A
 * consumer retries the first kind until it works and parks only the second; an HTTP caller gets 503 with {@code
 * Retry-After} for the first kind instead of 500.
 */
public final class TransientFailures {

    private static final int MAX_DEPTH = 32;

    private TransientFailures() {}

    /** Whether the failure is expected to pass when the same work is tried again later. */
    public static boolean isTransient(Throwable failure) {
        return reason(failure).isPresent();
    }

    /** Why the failure is transient (for logs and metrics), or empty when it is not. */
    public static Optional<String> reason(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_DEPTH && seen.add(current); depth++) {
            Optional<String> reason = reasonOf(current);
            if (reason.isPresent()) {
                return reason;
            }
            if (current instanceof SQLException sql && sql.getNextException() != null) {
                Optional<String> next = reason(sql.getNextException());
                if (next.isPresent()) {
                    return next;
                }
            }
            current = current.getCause();
        }
        return Optional.empty();
    }

    private static Optional<String> reasonOf(Throwable failure) {
        if (failure instanceof SQLException sql) {
            Optional<String> byState = bySqlState(sql.getSQLState());
            if (byState.isPresent()) {
                return byState;
            }
            if (sql instanceof SQLTransientException || sql instanceof SQLRecoverableException) {
                return Optional.of(
                        "transient database failure (" + sql.getClass().getSimpleName() + ")");
            }
            if (sql.getSQLState() == null && thrownByConnectionPool(sql)) {
                // Agroal: no connection could be had in time (all in use, or none could be opened)
                return Optional.of("no database connection available");
            }
            return Optional.empty();
        }
        if (failure instanceof ConnectException
                || failure instanceof NoRouteToHostException
                || failure instanceof UnknownHostException) {
            return Optional.of("database unreachable");
        }
        if (failure instanceof SocketTimeoutException) {
            return Optional.of("network timeout");
        }
        if (failure instanceof SocketException || failure instanceof EOFException) {
            return Optional.of("connection lost");
        }
        return Optional.empty();
    }

    /**
     * SQLSTATE classes and codes of PostgreSQL (Appendix A of its manual) that describe the moment, not the work:
     * connection exceptions, serialization failures and deadlocks, lock and statement timeouts, a server shutting
     * down or starting, exhausted resources, I/O errors, and a standby that refuses writes during a failover.
     */
    static Optional<String> bySqlState(String state) {
        if (state == null || state.length() != 5) {
            return Optional.empty();
        }
        return switch (state) {
            case "40001" -> Optional.of("serialization failure");
            case "40P01" -> Optional.of("deadlock");
            case "55P03" -> Optional.of("lock not available");
            case "57014" -> Optional.of("statement timeout");
            case "57P01", "57P02" -> Optional.of("database server shutting down");
            case "57P03" -> Optional.of("database server not accepting connections yet");
            case "25006" -> Optional.of("database is read-only (failover)");
            case "08P01" -> Optional.empty(); // protocol violation: a defect, not the network
            default ->
                switch (state.substring(0, 2)) {
                    case "08" -> Optional.of("database connection failed");
                    case "53" -> Optional.of("database out of resources");
                    case "58" -> Optional.of("database system error");
                    default -> Optional.empty();
                };
        };
    }

    private static boolean thrownByConnectionPool(SQLException failure) {
        StackTraceElement[] trace = failure.getStackTrace();
        return trace.length > 0 && trace[0].getClassName().startsWith("io.agroal.");
    }
}
