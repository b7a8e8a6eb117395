package cn.ruralwatch.report.dossier;

import cn.ruralwatch.directory.HouseholdDirectory;
import cn.ruralwatch.directory.KnownDivision;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.ProblemType;
import cn.ruralwatch.report.format.HouseholdNames;
import cn.ruralwatch.time.ChinaTime;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Reads a household's records for its dossier from the services that own them, with the caller's token: the owning
 * service decides whether the caller may see the household (a household outside the caller's region is its 404, a
 * role it refuses its 403, both passed on) and how personal numbers are shown. Division names come from
 * report-service's own directory.
 */
@ApplicationScoped
public class DossierSources {

    private static final Logger LOG = Logger.getLogger(DossierSources.class);

    static final String HOUSEHOLD_SERVICE = "household-service";
    static final String FUND_SERVICE = "project-fund-service";

    private static final int PAGE_SIZE = 500;
    /** 10,000 records of one kind at most: far beyond what a household (or a village's cases) holds. */
    private static final int MAX_PAGES = 20;
    /** Benefits are asked year by year from the first year of 建档立卡. */
    static final int FIRST_YEAR = 2014;

    @Inject
    @RestClient
    HouseholdRecordsClient households;

    @Inject
    @RestClient
    BenefitRecordsClient funds;

    @Inject
    HouseholdDirectory directory;

    @Inject
    Clock clock;

    public Dossier read(UUID id, String authorization, String language) {
        JsonNode household = ask(HOUSEHOLD_SERVICE, id, () -> households.household(id, authorization, language));
        String village = household.path("villageCode").asText();
        LocalDate today = ChinaTime.today(clock);

        List<JsonNode> cases =
                new ArrayList<>(pages(
                                HOUSEHOLD_SERVICE,
                                id,
                                page -> households.cases(village, page, PAGE_SIZE, authorization, language))
                        .stream()
                        .filter(c -> id.toString().equals(c.path("householdId").asText()))
                        .toList());
        cases.sort(Comparator.comparing(c -> c.path("openedAt").asText()));
        List<JsonNode> measures = new ArrayList<>(pages(
                HOUSEHOLD_SERVICE, id, page -> households.measures(id, page, PAGE_SIZE, authorization, language)));
        measures.sort(Comparator.comparing(m -> m.path("startedOn").asText()));
        List<JsonNode> visits = new ArrayList<>(
                pages(HOUSEHOLD_SERVICE, id, page -> households.visits(id, page, PAGE_SIZE, authorization, language)));
        visits.sort(Comparator.comparing(v -> v.path("visitedOn").asText()));
        JsonNode cadres = ask(HOUSEHOLD_SERVICE, id, () -> households.cadres(id, authorization, language));
        Map<UUID, JsonNode> roster = new LinkedHashMap<>();
        for (JsonNode assignment : cadres.path("history")) {
            UUID cadreId = UUID.fromString(assignment.path("cadreId").asText());
            if (!roster.containsKey(cadreId)) {
                cadre(cadreId, authorization, language).ifPresent(found -> roster.put(cadreId, found));
            }
        }

        List<JsonNode> benefits = new ArrayList<>();
        for (int year = FIRST_YEAR; year <= today.getYear(); year++) {
            int asked = year;
            benefits.addAll(pages(
                    FUND_SERVICE, id, page -> funds.benefits(id, asked, page, PAGE_SIZE, authorization, language)));
        }
        benefits.sort(Comparator.comparing((JsonNode b) -> b.path("year").asInt())
                .thenComparing(b -> b.path("grantedOn").asText()));
        List<JsonNode> loans =
                pages(FUND_SERVICE, id, page -> funds.loans(id, page, PAGE_SIZE, authorization, language));

        return new Dossier(
                id, household, place(village), cases, measures, cadres, roster, visits, benefits, loans, today);
    }

    /** The names of the village, its township and county, from the directory; a code where a name is not known. */
    private Dossier.Place place(String village) {
        Optional<KnownDivision> v = directory.division(village);
        String townshipCode = v.map(d -> d.parentCode).orElse(village.length() >= 9 ? village.substring(0, 9) : "");
        Optional<KnownDivision> t = directory.division(townshipCode);
        String countyCode = t.map(d -> d.parentCode).orElse(village.length() >= 6 ? village.substring(0, 6) : "");
        Optional<KnownDivision> c = directory.division(countyCode);
        return new Dossier.Place(
                HouseholdNames.division(c.map(d -> d.name).orElse(null), countyCode),
                HouseholdNames.division(t.map(d -> d.name).orElse(null), townshipCode),
                HouseholdNames.division(v.map(d -> d.name).orElse(null), village));
    }

    /** A cadre of the roster, or nothing where the caller may not look the cadre up (a county cadre for a village). */
    private Optional<JsonNode> cadre(UUID cadreId, String authorization, String language) {
        try {
            return Optional.of(households.cadre(cadreId, authorization, language));
        } catch (WebApplicationException refused) {
            int status = refused.getResponse().getStatus();
            if (status == 403 || status == 404) {
                return Optional.empty();
            }
            throw unavailable(HOUSEHOLD_SERVICE, refused);
        } catch (ProcessingException unreachable) {
            throw unavailable(HOUSEHOLD_SERVICE, unreachable);
        }
    }

    /** Every item of a paged list ({@code items}, {@code totalItems}). */
    private static List<JsonNode> pages(String service, UUID household, IntFunction<JsonNode> page) {
        List<JsonNode> items = new ArrayList<>();
        for (int p = 0; p < MAX_PAGES; p++) {
            int asked = p;
            JsonNode answer = ask(service, household, () -> page.apply(asked));
            answer.path("items").forEach(items::add);
            if (answer.path("items").size() < PAGE_SIZE
                    || items.size() >= answer.path("totalItems").asLong()) {
                break;
            }
        }
        return items;
    }

    /**
     * A call to a source service whose refusal is passed on: its 404 as the household not found, its 403 and 401 with
     * its own reason; anything else (an error, no answer) as 502.
     */
    private static <T> T ask(String service, UUID household, Supplier<T> call) {
        try {
            return call.get();
        } catch (WebApplicationException refused) {
            Response answer = refused.getResponse();
            switch (answer.getStatus()) {
                case 404 -> throw ProblemException.notFound("report.dossier.not-found", household);
                case 403 ->
                    throw ProblemException.of(ProblemType.FORBIDDEN, "report.dossier.refused", service, detail(answer));
                case 401 ->
                    throw ProblemException.of(
                            ProblemType.UNAUTHORIZED, "report.dossier.refused", service, detail(answer));
                default -> throw unavailable(service, refused);
            }
        } catch (ProcessingException unreachable) {
            throw unavailable(service, unreachable);
        }
    }

    private static ProblemException unavailable(String service, RuntimeException failure) {
        LOG.warnf("The household dossier could not read from %s: %s", service, failure.toString());
        return ProblemException.of(ProblemType.BAD_GATEWAY, "report.dossier.source-unavailable", service);
    }

    /** The {@code detail} of the source's problem, or its status where it sent none. */
    private static String detail(Response answer) {
        try {
            JsonNode problem = answer.readEntity(JsonNode.class);
            String detail = problem.path("detail").asText("");
            if (!detail.isBlank()) {
                return detail;
            }
        } catch (RuntimeException unreadable) {
            // no problem body: the status says it
        }
        return "HTTP " + answer.getStatus();
    }
}
