package cn.ruralwatch.report.overview;

import cn.ruralwatch.http.NativeValues;
import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The households behind a breakdown's figures: a division's households filtered as the figure counts them. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class HouseholdList {

    /** 贫困状态, as household-service names them. */
    public enum PovertyStatus {
        NOT_POOR,
        NOT_EXITED,
        PLANNED_EXIT,
        EXITED
    }

    /** 监测类别. */
    public enum MonitoringCategory {
        UNSTABLE_EXITED,
        EDGE_AT_RISK,
        SUDDEN_HARDSHIP
    }

    /** 风险状态. */
    public enum RiskState {
        AT_RISK,
        ELIMINATED
    }

    /** Which households a figure counts; a null criterion does not filter. */
    public record Filter(
            String division,
            PovertyStatus povertyStatus,
            Boolean monitored,
            MonitoringCategory monitoringCategory,
            RiskState riskState) {}

    @Schema(name = "ReportHousehold", description = "统计名单中的一户（不含姓名、证件号：姓名经 household-service 按权限查询）")
    public record Row(
            UUID householdId,
            String villageCode,
            String povertyStatus,
            Integer exitYear,
            String monitoringCategory,
            String riskState,
            Integer identifiedYear,
            List<String> riskTypes,
            @Schema(description = "在户人口") int members) {}

    @Inject
    EntityManager entityManager;

    @Inject
    OverviewService overviews;

    @Inject
    ObjectMapper mapper;

    /** A page of the households the filter selects, once the division is checked against the caller's area. */
    public Page<Row> find(Filter filter, PageRequest page) {
        overviews.division(filter.division());
        return page(filter, page);
    }

    /** A page of the households the filter selects; the caller has checked the division. */
    Page<Row> page(Filter filter, PageRequest page) {
        StringBuilder where = new StringBuilder(" where active and village_code like ?1");
        List<Object> parameters = new ArrayList<>(List.of(filter.division() + "%"));
        if (filter.povertyStatus() != null) {
            parameters.add(filter.povertyStatus().name());
            where.append(" and poverty_status = ?").append(parameters.size());
        }
        if (filter.monitored() != null) {
            where.append(
                    filter.monitored() ? " and monitoring_category is not null" : " and monitoring_category is null");
        }
        if (filter.monitoringCategory() != null) {
            parameters.add(filter.monitoringCategory().name());
            where.append(" and monitoring_category = ?").append(parameters.size());
        }
        if (filter.riskState() != null) {
            parameters.add(filter.riskState().name());
            where.append(" and monitoring_category is not null and risk_state = ?")
                    .append(parameters.size());
        }
        var count = entityManager.createNativeQuery("select count(*) from report_household" + where);
        var select = entityManager.createNativeQuery("""
                select household_id, village_code, poverty_status, exit_year, monitoring_category, risk_state,
                       identified_year, cast(risk_types as text), members
                from report_household""" + where + " order by village_code, household_id");
        NativeValues.bind(parameters, count, select);
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                select.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        List<Row> items = new ArrayList<>();
        for (Object[] r : rows) {
            items.add(new Row(
                    (UUID) r[0],
                    (String) r[1],
                    (String) r[2],
                    r[3] == null ? null : ((Number) r[3]).intValue(),
                    (String) r[4],
                    (String) r[5],
                    r[6] == null ? null : ((Number) r[6]).intValue(),
                    riskTypes((String) r[7]),
                    ((Number) r[8]).intValue()));
        }
        return page.page(items, ((Number) count.getSingleResult()).longValue());
    }

    private List<String> riskTypes(String json) {
        try {
            return List.of(mapper.readValue(json, String[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("risk_types is not a JSON array of strings: " + json, e);
        }
    }
}
