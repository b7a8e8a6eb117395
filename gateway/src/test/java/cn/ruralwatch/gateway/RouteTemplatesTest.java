package cn.ruralwatch.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Request metrics are labelled by route, never by a household's id or a division's code. */
class RouteTemplatesTest {

    @Test
    void idsCodesAndNumbersBecomePlaceholders() {
        assertEquals(
                "/api/v1/households/{id}/evaluations",
                RouteTemplates.template("/api/v1/households/7d0e3c1e-8f4a-4b57-9a52-52f3c1d6a010/evaluations"));
        assertEquals(
                "/api/v1/divisions/{code}/children", RouteTemplates.template("/api/v1/divisions/450422101/children"));
        assertEquals(
                "/api/v1/indicator-standards/{code}/versions/{code}",
                RouteTemplates.template("/api/v1/indicator-standards/NATIONAL_HOUSEHOLD_2021/versions/3"));
        assertEquals(
                "/api/v1/dead-letters/household-service/{code}",
                RouteTemplates.template("/api/v1/dead-letters/household-service/17"));
        assertEquals("/api/v1/households", RouteTemplates.template("/api/v1/households?division=450422&page=2"));
        assertEquals("/api/v1/reports/overview", RouteTemplates.template("/api/v1/reports/overview"));
    }
}
