package cn.ruralwatch.sql;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ruralwatch.embedded.PostgresServer;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rows written by COPY into a real PostgreSQL server and read back as they were given. */
class CopyRowsTest {

    private static final List<String> COLUMNS =
            List.of("id", "name", "amount", "share", "active", "detail", "at", "since", "day");

    private static PostgresServer postgres;

    @BeforeAll
    static void start() {
        postgres = PostgresServer.start(0, null);
        postgres.ensureDatabase("copies");
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @BeforeEach
    void table() throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute("drop table if exists row_copy");
            s.execute("""
                    create table row_copy (
                        seq bigserial primary key, id uuid not null, name text, amount bigint, share numeric(12, 2),
                        active boolean, detail jsonb, at timestamptz, since timestamptz, day date)""");
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl("copies"), PostgresServer.USER, "");
    }

    @Test
    void everyValueArrivesAsItWasGiven() throws SQLException {
        UUID id = UUID.randomUUID();
        Instant at = Instant.parse("2026-12-05T01:17:25.099635Z");
        String awkward = "户主\\张三\t家\n第二行\r\\N 结束 𠮷";
        List<Object[]> rows = List.of(
                new Object[] {
                    id,
                    awkward,
                    7_000L,
                    new BigDecimal("1E+3"),
                    true,
                    "{\"reason\": \"收入\\t低于 7000\\n\", \"path\": \"a\\\\b\"}",
                    Timestamp.from(at),
                    OffsetDateTime.of(2026, 1, 1, 8, 0, 0, 0, ZoneOffset.ofHours(8)),
                    LocalDate.of(2026, 12, 5)
                },
                new Object[] {UUID.randomUUID(), null, null, null, false, null, at, null, null});
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            assertEquals(2, CopyRows.copy(c, "row_copy", COLUMNS, rows));
            c.commit();
        }
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                        select id, name, amount, share, active, detail ->> 'reason', detail ->> 'path', at, since, day
                        from row_copy order by seq""")) {
            assertTrue(rs.next());
            assertEquals(id, rs.getObject(1, UUID.class));
            assertEquals(awkward, rs.getString(2));
            assertEquals(7_000L, rs.getLong(3));
            assertEquals(new BigDecimal("1000.00"), rs.getBigDecimal(4));
            assertTrue(rs.getBoolean(5));
            assertEquals("收入\t低于 7000\n", rs.getString(6));
            assertEquals("a\\b", rs.getString(7));
            assertEquals(at, rs.getTimestamp(8).toInstant());
            assertEquals(
                    Instant.parse("2026-01-01T00:00:00Z"), rs.getTimestamp(9).toInstant());
            assertEquals(LocalDate.of(2026, 12, 5), rs.getObject(10, LocalDate.class));
            assertTrue(rs.next());
            assertArrayEquals(new Object[] {null, null, null, false, null, null, at, null, null}, new Object[] {
                rs.getString(2),
                rs.getObject(3),
                rs.getObject(4),
                rs.getBoolean(5),
                rs.getString(6),
                rs.getString(7),
                rs.getTimestamp(8).toInstant(),
                rs.getObject(9),
                rs.getObject(10)
            });
        }
    }

    @Test
    void listsArriveAsArraysElementByElement() throws SQLException {
        List<String> awkward = Arrays.asList(
                "{\"reason\": \"收入\\t低于, 7000\"}", null, "NULL", "a\\b \"c\" {d}", "户主\t张三\n第二行", "", " x ");
        Instant at = Instant.parse("2026-12-07T02:00:00.123456Z");
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute("drop table if exists array_copy");
            s.execute("create table array_copy (texts text[], jsons json[], numbers int[], flags boolean[], ats"
                    + " timestamptz[], empty text[])");
            c.setAutoCommit(false);
            assertEquals(
                    1,
                    CopyRows.copy(
                            c,
                            "array_copy",
                            List.of("texts", "jsons", "numbers", "flags", "ats", "empty"),
                            List.<Object[]>of(new Object[] {
                                awkward,
                                Arrays.asList("{\"a\": [1, \"x,y\"]}", null),
                                List.of(3, -4),
                                Arrays.asList(true, null, false),
                                List.of(Timestamp.from(at), at),
                                List.of()
                            })));
            c.commit();
            try (ResultSet rs = s.executeQuery("select texts, jsons[1] ->> 'a', jsons[2] is null, numbers, flags,"
                    + " ats, cardinality(empty) from array_copy")) {
                assertTrue(rs.next());
                assertEquals(awkward, Arrays.asList((Object[]) rs.getArray(1).getArray()));
                assertEquals("[1, \"x,y\"]", rs.getString(2));
                assertTrue(rs.getBoolean(3));
                assertArrayEquals(
                        new Integer[] {3, -4}, (Object[]) rs.getArray(4).getArray());
                assertArrayEquals(new Boolean[] {true, null, false}, (Object[])
                        rs.getArray(5).getArray());
                Object[] ats = (Object[]) rs.getArray(6).getArray();
                assertEquals(at, ((Timestamp) ats[0]).toInstant());
                assertEquals(at, ((Timestamp) ats[1]).toInstant());
                assertEquals(0, rs.getInt(7));
            }
        }
    }

    @Test
    void rowsBeyondOnePieceAllArrive() throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        // one row longer than a piece, of characters of two, three and four bytes of UTF-8
        String longName = "Ω户𠮷".repeat(100_000);
        for (int i = 0; i < 20_000; i++) {
            rows.add(new Object[] {
                UUID.randomUUID(),
                i == 12_345 ? longName : "第 " + i + " 户" + "·".repeat(i % 40),
                (long) i,
                null,
                i % 2 == 0,
                null,
                null,
                null,
                null
            });
        }
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            assertEquals(20_000, CopyRows.copy(c, "row_copy", COLUMNS, rows));
            c.commit();
        }
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*), sum(amount), count(*) filter (where active),"
                        + " max(name) filter (where amount = 19999), max(name) filter (where amount = 12345)"
                        + " from row_copy")) {
            rs.next();
            assertEquals(20_000, rs.getLong(1));
            assertEquals(19_999L * 20_000 / 2, rs.getLong(2));
            assertEquals(10_000, rs.getLong(3));
            assertEquals("第 19999 户" + "·".repeat(19_999 % 40), rs.getString(4));
            assertEquals(longName, rs.getString(5));
        }
    }

    @Test
    void aRowTheTableRefusesFailsTheTransactionAndWritesNothing() throws SQLException {
        List<Object[]> rows = List.of(
                new Object[] {UUID.randomUUID(), "a", 1L, null, true, null, null, null, null},
                new Object[] {null, "no id", 2L, null, true, null, null, null, null});
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            SQLException refused = assertThrows(SQLException.class, () -> CopyRows.copy(c, "row_copy", COLUMNS, rows));
            assertEquals("23502", refused.getSQLState());
            c.rollback();
        }
        assertEquals(0, count());
    }

    @Test
    void aRowOfTheWrongWidthOrAValueCopyCannotTakeIsRefusedBeforeTheTransactionIsTouched() throws SQLException {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            assertThrows(
                    IllegalArgumentException.class,
                    () -> CopyRows.copy(c, "row_copy", COLUMNS, List.<Object[]>of(new Object[] {UUID.randomUUID()})));
            assertThrows(
                    IllegalArgumentException.class,
                    () -> CopyRows.copy(c, "row_copy", COLUMNS, List.<Object[]>of(new Object[] {
                        UUID.randomUUID(), new StringBuilder("x"), null, null, null, null, null, null, null
                    })));
            Object[] row = {UUID.randomUUID(), "after", 3L, null, null, null, null, null, null};
            assertEquals(1, CopyRows.copy(c, "row_copy", COLUMNS, List.<Object[]>of(row)));
            c.commit();
        }
        assertEquals(1, count());
    }

    private static long count() throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from row_copy")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
