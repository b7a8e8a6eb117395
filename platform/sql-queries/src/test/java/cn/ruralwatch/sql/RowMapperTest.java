package cn.ruralwatch.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RowMapperTest {

    enum Stage {
        RESERVE,
        APPROVED
    }

    record Project(
            UUID id,
            String villageCode,
            Stage stage,
            long householdCount,
            Integer year,
            BigDecimal plannedInvestment,
            boolean terminated,
            Instant registeredAt,
            LocalDate approvedOn,
            List<String> tags,
            String note) {}

    @Test
    void readsEachComponentFromTheColumnOfItsNameAsTheDriverHandsItOver() {
        UUID id = UUID.randomUUID();
        Map<String, Object> row = new java.util.HashMap<>(Map.of(
                "id",
                id,
                "village_code",
                "450422101201",
                "stage",
                "APPROVED",
                "household_count",
                java.math.BigInteger.valueOf(23),
                "year",
                2023L,
                "planned_investment",
                365500.5d,
                "terminated",
                Boolean.FALSE,
                "registered_at",
                OffsetDateTime.of(2023, 4, 12, 8, 0, 0, 0, ZoneOffset.ofHours(8)),
                "approved_on",
                Date.valueOf("2023-04-12"),
                "tags",
                new String[] {"产业", "到户"}));
        row.put("note", null);

        Project project = RowMapper.read(Project.class, row::get);

        assertEquals(
                new Project(
                        id,
                        "450422101201",
                        Stage.APPROVED,
                        23,
                        2023,
                        new BigDecimal("365500.5"),
                        false,
                        Instant.parse("2023-04-12T00:00:00Z"),
                        LocalDate.of(2023, 4, 12),
                        List.of("产业", "到户"),
                        null),
                project);
    }

    @Test
    void timestampsAndUuidTextAreReadToo() {
        record Row(UUID id, Instant at) {}
        UUID id = UUID.randomUUID();
        Row row = RowMapper.read(
                Row.class, Map.<String, Object>of("id", id.toString(), "at", Timestamp.from(Instant.EPOCH))::get);
        assertEquals(new Row(id, Instant.EPOCH), row);
    }

    @Test
    void aNullForAPrimitiveOrAValueOfAnotherKindFailsNamingTheComponent() {
        record Count(long households) {}
        var nullCount = assertThrows(IllegalStateException.class, () -> RowMapper.read(Count.class, column -> null));
        assertTrue(nullCount.getMessage().contains("Count.households"), nullCount.getMessage());

        var text = assertThrows(IllegalStateException.class, () -> RowMapper.read(Count.class, column -> "many"));
        assertTrue(text.getMessage().contains("Count.households"), text.getMessage());
    }

    @Test
    void columnNamesAreTheComponentNamesInSnakeCase() {
        assertEquals("village_code", RowMapper.column("villageCode"));
        assertEquals("id", RowMapper.column("id"));
        assertEquals("income_per_person2024", RowMapper.column("incomePerPerson2024"));
        assertNull(RowMapper.convert(String.class, null, "x"));
    }
}
