package cn.ruralwatch.report.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a household's dossier (一户一册) prints, as household-service and project-fund-service answered the caller: their
 * own JSON, so that no copy of their API types lives here, and personal numbers exactly as the caller was shown them.
 *
 * @param household {@code getHousehold}: attributes, monitoring and past episodes, incomes, every member
 * @param cases the household's identification and risk-elimination cases, in the order they were opened
 * @param measures assistance measures, in the order they started
 * @param cadres {@code getHouseholdCadres}: current cadres and every assignment
 * @param roster the cadres of the assignments the caller may look up, by id (unit, position, phone)
 * @param visits visits, in the order they were made
 * @param benefits household benefits of every year (PV revenue shares among them), by year and day
 * @param loans microcredit loans, with each year's interest subsidy
 * @param generatedOn the day the dossier was drawn, in China
 */
public record Dossier(
        UUID householdId,
        JsonNode household,
        Place place,
        List<JsonNode> cases,
        List<JsonNode> measures,
        JsonNode cadres,
        Map<UUID, JsonNode> roster,
        List<JsonNode> visits,
        List<JsonNode> benefits,
        List<JsonNode> loans,
        LocalDate generatedOn) {

    /** The names of the household's county, township and village (their codes where report-service has no name yet). */
    public record Place(String county, String township, String village) {

        /** 丁县一镇大梳村. */
        public String full() {
            return county + township + village;
        }
    }

    /** The household's village code. */
    public String villageCode() {
        return household.path("villageCode").asText();
    }

    /** The name of the head living in the household, or null. */
    public String headName() {
        for (JsonNode member : household.path("members")) {
            if ("HEAD".equals(member.path("relation").asText())
                    && "ACTIVE".equals(member.path("status").asText())) {
                return member.path("name").asText(null);
            }
        }
        return null;
    }
}
