package cn.ruralwatch.household.household;

import cn.ruralwatch.access.CallerScope;
import cn.ruralwatch.household.division.DivisionLevel;
import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.personal.PersonalDataKind;
import cn.ruralwatch.personal.PersonalDataProtector;
import cn.ruralwatch.problem.ProblemException;
import cn.ruralwatch.problem.Violation;
import cn.ruralwatch.sql.Sql;
import cn.ruralwatch.sql.Statement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * 农户查询 within the caller's region: by member name or exact ID number (through its keyed hash), division, poverty
 * status, monitoring category and risk state, members' labour and health, and income band; paged and sorted.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class HouseholdSearch {

    @Inject
    EntityManager entityManager;

    @Inject
    Sql sql;

    @Inject
    CallerScope scope;

    @Inject
    PersonalDataProtector protector;

    public Page<HouseholdApi.HouseholdSummary> search(HouseholdApi.Search search) {
        return search(search, PageRequest.of(search.page(), search.size()));
    }

    /**
     * The households (not those merged into another or dissolved) whose village lies in the division and in the
     * caller's region, oldest first: a search by division alone.
     */
    public Page<HouseholdApi.HouseholdSummary> list(String division, PageRequest page) {
        if (division != null && !DivisionLevel.isDivisionCode(division)) {
            throw ProblemException.invalid(Violation.of("division", "FORMAT", "household.division.invalid"));
        }
        return search(HouseholdApi.Search.inDivision(division), page);
    }

    private Page<HouseholdApi.HouseholdSummary> search(HouseholdApi.Search search, PageRequest page) {
        String division = scope.narrow(search.division())
                .orElseThrow(() -> ProblemException.notFound("division.not-found", search.division()));
        String prefix = division + "%";
        StringBuilder where = new StringBuilder(" where h.villageCode like :prefix and h.status = :status");
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("prefix", prefix);
        parameters.put("status", Objects.requireNonNullElse(search.status(), HouseholdStatus.ACTIVE));
        if (search.povertyStatus() != null) {
            where.append(" and h.povertyStatus = :povertyStatus");
            parameters.put("povertyStatus", search.povertyStatus());
        }
        if (search.category() != null) {
            where.append(" and h.monitoringCategory = :category");
            parameters.put("category", search.category());
        } else if (Boolean.TRUE.equals(search.monitored())) {
            where.append(" and h.monitoringCategory is not null");
        }
        if (search.riskState() != null) {
            where.append(" and h.riskState = :riskState");
            parameters.put("riskState", search.riskState());
        }
        if (search.incomeFrom() != null) {
            where.append(" and h.netIncomePerCapita >= :incomeFrom");
            parameters.put("incomeFrom", search.incomeFrom());
        }
        if (search.incomeTo() != null) {
            where.append(" and h.netIncomePerCapita < :incomeTo");
            parameters.put("incomeTo", search.incomeTo());
        }
        String living = "exists (select 1 from Member m where m.household = h and m.status = :active and ";
        if (search.name() != null) {
            // the members' township first: the index leads with it, so that only the division's members are read
            if (division.length() >= DivisionLevel.TOWNSHIP.codeLength()) {
                where.append(" and ").append(living).append("m.townshipCode = :township and m.name like :name)");
                parameters.put("township", division.substring(0, DivisionLevel.TOWNSHIP.codeLength()));
            } else {
                where.append(" and ")
                        .append(living)
                        .append("m.townshipCode in (select d.code from Division d where d.code like :prefix")
                        .append(" and d.level = :townshipLevel) and m.name like :name)");
                parameters.put("townshipLevel", DivisionLevel.TOWNSHIP);
            }
            // names hold no wildcards; a caller's % or _ would only widen the match
            parameters.put("name", search.name().trim().replace("%", "").replace("_", "") + "%");
        }
        if (search.idNumber() != null) {
            where.append(" and ")
                    .append(living)
                    .append("m.idNumberHash in ")
                    .append(oneByOne(
                            "hash",
                            protector.lookupHashes(PersonalDataKind.ID_NUMBER, IdNumbers.normalize(search.idNumber())),
                            parameters))
                    .append(")");
        }
        if (search.laborAbility() != null) {
            where.append(" and ").append(living).append("m.laborAbility = :labor)");
            parameters.put("labor", search.laborAbility());
        }
        if (search.health() != null) {
            where.append(" and ").append(living).append("m.health = :health)");
            parameters.put("health", search.health());
        }
        if (where.indexOf(":active") >= 0) {
            parameters.put("active", MemberStatus.ACTIVE);
        }
        String direction = Boolean.TRUE.equals(search.descending()) ? " desc" : "";
        String order =
                switch (Objects.requireNonNullElse(search.sort(), HouseholdApi.SearchSort.REGISTERED_AT)) {
                    case REGISTERED_AT -> " order by h.registeredAt" + direction + ", h.id";
                    case INCOME -> " order by h.netIncomePerCapita" + direction + " nulls last, h.id";
                    case VILLAGE -> " order by h.villageCode" + direction + ", h.registeredAt, h.id";
                };
        // the page and the number of all matches in one pass: the count comes with every row of the page
        TypedQuery<Tuple> ids = entityManager.createQuery(
                "select h.id as id, count(*) over () as total from Household h" + where + order, Tuple.class);
        parameters.forEach(ids::setParameter);
        List<Tuple> rows =
                ids.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        List<UUID> found = rows.stream().map(row -> row.get("id", UUID.class)).toList();
        long total;
        if (!rows.isEmpty()) {
            total = rows.getFirst().get("total", Long.class);
        } else if (page.offset() == 0) {
            total = 0;
        } else {
            // a page past the end: the matches still have to be counted
            TypedQuery<Long> count = entityManager.createQuery("select count(h) from Household h" + where, Long.class);
            parameters.forEach(count::setParameter);
            total = count.getSingleResult();
        }
        Map<UUID, HouseholdApi.HouseholdSummary> loaded = new HashMap<>();
        if (!found.isEmpty()) {
            Map<String, Object> idParameters = new HashMap<>();
            Statement load = sql.query(SUMMARIES + oneByOne("id", found, idParameters));
            idParameters.forEach(load::bind);
            load.list(HouseholdApi.HouseholdSummary.class).forEach(h -> loaded.put(h.id(), h));
        }
        List<HouseholdApi.HouseholdSummary> items = new ArrayList<>();
        found.forEach(id -> items.add(loaded.get(id)));
        return page.page(items, total);
    }

    /**
     * The rows of a page, as a list shows them: the head's name and the number of members living in the household
     * counted in the database. Loading the households with their members as entities (every column of every member, a
     * dozen objects per row) was half of a search's CPU for the twenty rows a list shows.
     */
    private static final String SUMMARIES = """
            select h.id, h.village_code, h.status, h.poverty_status, h.monitoring_category, h.risk_state,
                   h.net_income_per_capita, h.registered_at,
                   (select m.name from member m
                     where m.household_id = h.id and m.status = 'ACTIVE' and m.relation = 'HEAD'
                     order by m.position limit 1) as head_name,
                   (select count(*) from member m where m.household_id = h.id and m.status = 'ACTIVE') as member_count
            from household h where h.id in """;

    /**
     * {@code (:id0, :id1, …)}: each value its own parameter, the list padded with its last value to a power of two.
     * Hibernate does not keep the translation of a query whose parameter holds a list, and translated it anew on every
     * search (a sixth of a search's CPU); with single values the query text comes in a few lengths only (ten for
     * pages of up to 500) and each is translated once.
     */
    static String oneByOne(String name, List<?> values, Map<String, Object> parameters) {
        int padded = Integer.highestOneBit(Math.max(1, values.size() * 2 - 1));
        StringBuilder in = new StringBuilder("(");
        for (int i = 0; i < padded; i++) {
            String parameter = name + i;
            in.append(i == 0 ? ":" : ", :").append(parameter);
            parameters.put(parameter, values.get(Math.min(i, values.size() - 1)));
        }
        return in.append(")").toString();
    }
}
