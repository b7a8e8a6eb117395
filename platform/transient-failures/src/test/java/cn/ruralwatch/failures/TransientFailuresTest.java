package cn.ruralwatch.failures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ruralwatch.embedded.FreePorts;
import cn.ruralwatch.embedded.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every failure here is produced by a real PostgreSQL server and its JDBC driver, as the services meet them. */
class TransientFailuresTest {

    private static PostgresServer postgres;

    @BeforeAll
    static void start() {
        postgres = PostgresServer.start(0, null);
        postgres.ensureDatabase("failures");
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @BeforeEach
    void table() throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute("drop table if exists account");
            s.execute("create table account (id int primary key, name text not null, balance int not null)");
            s.execute("insert into account values (1, 'a', 100), (2, 'b', 100)");
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl("failures"), PostgresServer.USER, "");
    }

    @Test
    void refusedConnectionIsTransient() {
        SQLException refused = assertThrows(
                SQLException.class,
                () -> DriverManager.getConnection(
                        "jdbc:postgresql://localhost:" + FreePorts.any() + "/failures", PostgresServer.USER, ""));
        assertEquals(
                "database connection failed", TransientFailures.reason(refused).orElseThrow());
    }

    @Test
    void deadlockIsTransient() throws Exception {
        try (Connection first = connect();
                Connection second = connect()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            update(first, 1);
            update(second, 2);
            CompletableFuture<SQLException> firstWaits =
                    CompletableFuture.supplyAsync(() -> failureOf(() -> update(first, 2)));
            Thread.sleep(200);
            SQLException secondFails = failureOf(() -> update(second, 1));
            SQLException firstFails = firstWaits.get(10, TimeUnit.SECONDS);
            SQLException deadlock = secondFails != null ? secondFails : firstFails;
            assertEquals("40P01", deadlock.getSQLState());
            assertEquals("deadlock", TransientFailures.reason(wrapped(deadlock)).orElseThrow());
        }
    }

    @Test
    void serializationFailureIsTransient() throws Exception {
        try (Connection first = connect();
                Connection second = connect()) {
            for (Connection c : new Connection[] {first, second}) {
                c.setAutoCommit(false);
                c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
            }
            try (Statement s = first.createStatement()) {
                s.executeQuery("select sum(balance) from account").close();
            }
            try (Statement s = second.createStatement()) {
                s.executeQuery("select sum(balance) from account").close();
            }
            update(first, 1);
            first.commit();
            SQLException failure = failureOf(() -> {
                update(second, 2);
                second.commit();
            });
            assertEquals("40001", failure.getSQLState());
            assertEquals(
                    "serialization failure", TransientFailures.reason(failure).orElseThrow());
        }
    }

    @Test
    void statementTimeoutAndLockNotAvailableAreTransient() throws Exception {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute("set statement_timeout = 50");
            SQLException timeout = failureOf(() -> s.execute("select pg_sleep(2)"));
            assertEquals("statement timeout", TransientFailures.reason(timeout).orElseThrow());
        }
        try (Connection holder = connect();
                Connection waiter = connect()) {
            holder.setAutoCommit(false);
            update(holder, 1);
            SQLException busy = failureOf(() -> {
                try (Statement s = waiter.createStatement()) {
                    s.executeQuery("select * from account where id = 1 for update nowait")
                            .close();
                }
            });
            assertEquals("lock not available", TransientFailures.reason(busy).orElseThrow());
        }
    }

    @Test
    void connectionTerminatedByTheServerIsTransient() throws Exception {
        try (Connection victim = connect();
                Connection admin = connect()) {
            int pid;
            try (Statement s = victim.createStatement();
                    var rs = s.executeQuery("select pg_backend_pid()")) {
                rs.next();
                pid = rs.getInt(1);
            }
            try (Statement s = admin.createStatement()) {
                s.executeQuery("select pg_terminate_backend(" + pid + ")").close();
            }
            Thread.sleep(100);
            SQLException lost = failureOf(() -> update(victim, 1));
            assertTrue(TransientFailures.isTransient(lost), lost.getSQLState() + " " + lost.getMessage());
            // and every use of the dead connection after that
            SQLException closed = failureOf(() -> update(victim, 2));
            assertTrue(TransientFailures.isTransient(closed), closed.getSQLState() + " " + closed.getMessage());
        }
    }

    @Test
    void failuresOfTheWorkItselfAreNotTransient() throws Exception {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            SQLException duplicate = failureOf(() -> s.execute("insert into account values (1, 'c', 0)"));
            assertEquals("23505", duplicate.getSQLState());
            SQLException notNull = failureOf(() -> s.execute("insert into account values (3, null, 0)"));
            SQLException badNumber = failureOf(() -> s.execute("select 'x'::int"));
            SQLException syntax = failureOf(() -> s.execute("selec 1"));
            SQLException nul = failureOf(() -> {
                try (var p = c.prepareStatement("insert into account values (4, ?, 0)")) {
                    p.setString(1, "a\u0000b");
                    p.executeUpdate();
                }
            });
            for (SQLException failure : new SQLException[] {duplicate, notNull, badNumber, syntax, nul}) {
                assertFalse(
                        TransientFailures.isTransient(wrapped(failure)),
                        failure.getSQLState() + " " + failure.getMessage());
            }
        }
        assertFalse(TransientFailures.isTransient(new IllegalStateException("a bug")));
        assertFalse(TransientFailures.isTransient(null));
    }

    @Test
    void classesOfStatesThatDescribeTheMoment() {
        assertEquals(
                "database out of resources",
                TransientFailures.bySqlState("53300").orElseThrow());
        assertEquals(
                "database server not accepting connections yet",
                TransientFailures.bySqlState("57P03").orElseThrow());
        assertEquals(
                "database is read-only (failover)",
                TransientFailures.bySqlState("25006").orElseThrow());
        assertTrue(TransientFailures.bySqlState("08P01").isEmpty());
        assertTrue(TransientFailures.bySqlState("23503").isEmpty());
        // a cycle in the cause chain ends the walk
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertFalse(TransientFailures.isTransient(a));
    }

    private static RuntimeException wrapped(SQLException failure) {
        return new IllegalStateException("could not execute statement", new RuntimeException(failure));
    }

    private interface Sql {
        void run() throws SQLException;
    }

    private static SQLException failureOf(Sql work) {
        try {
            work.run();
            return null;
        } catch (SQLException e) {
            return e;
        }
    }

    private static void update(Connection c, int id) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("update account set balance = balance + 1 where id = " + id);
        }
    }
}
