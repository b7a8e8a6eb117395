package cn.ruralwatch.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    private final RouteTable table = RouteTable.of(Map.of(
            "household", List.of("/api/v1/divisions/**", "/api/v1/households/**"),
            "indicator", List.of("/api/v1/households/*/evaluations/**"),
            "report", List.of("/api/v1/reports/**")));

    @Test
    void mostSpecificPatternWins() {
        assertEquals(Optional.of("household"), table.serviceFor("/api/v1/households"));
        assertEquals(Optional.of("household"), table.serviceFor("/api/v1/households/abc"));
        assertEquals(Optional.of("indicator"), table.serviceFor("/api/v1/households/abc/evaluations"));
        assertEquals(Optional.of("household"), table.serviceFor("/api/v1/households/abc/members"));
        assertEquals(Optional.of("report"), table.serviceFor("/api/v1/reports/overview"));
    }

    @Test
    void unknownPathsHaveNoService() {
        assertTrue(table.serviceFor("/api/v1/unknown").isEmpty());
        assertTrue(table.serviceFor("/api/v2/households").isEmpty());
    }

    @Test
    void templatesRouteLikeConcretePaths() {
        assertEquals(Optional.of("indicator"), table.serviceForTemplate("/api/v1/households/{id}/evaluations"));
    }

    @Test
    void samePatternForTwoServicesIsRejected() {
        assertThrows(
                IllegalArgumentException.class,
                () -> RouteTable.of(Map.of("a", List.of("/api/v1/x/**"), "b", List.of("/api/v1/x/**"))));
    }
}
