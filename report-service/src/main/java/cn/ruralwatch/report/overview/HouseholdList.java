package cn.ruralwatch.report.overview;

import cn.ruralwatch.http.Page;
import cn.ruralwatch.http.PageRequest;
import cn.ruralwatch.sql.Sql;
import cn.ruralwatch.sql.Statement;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The households behind a breakdown's figures: a division's households filtered as the figure counts them. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class HouseholdList {

    /** 贫困状态, as household-service names them. */
    @Schema(description = "贫困状态")
    public enum PovertyStatus {
        NOT_POOR,
        NOT_EXITED,
        PLANNED_EXIT,
        EXITED
    }

    /** 监测类别. */
    @Schema(description = "监测对象类别")
    public enum MonitoringCategory {
        UNSTABLE_EXITED,
        EDGE_AT_RISK,
        SUDDEN_HARDSHIP
    }

    /** 风险状态. */
    @Schema(description = "监测对象风险状态")
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
            RiskState riskState,
            Boolean evaluated,
            Boolean meetingStandard) {

        /** All of a division's households. */
        public static Filter of(String division) {
            return new Filter(division, null, null, null, null, null, null);
        }

        /** The filter as kept in a job's parameters: each criterion given, by its query parameter's name. */
        public Map<String, Object> criteria() {
            Map<String, Object> criteria = new LinkedHashMap<>();
            if (povertyStatus != null) {
                criteria.put("povertyStatus", povertyStatus.name());
            }
            if (monitored != null) {
                criteria.put("monitored", monitored);
            }
            if (monitoringCategory != null) {
                criteria.put("monitoringCategory", monitoringCategory.name());
            }
            if (riskState != null) {
                criteria.put("riskState", riskState.name());
            }
            if (evaluated != null) {
                criteria.put("evaluated", evaluated);
            }
            if (meetingStandard != null) {
                criteria.put("meetingStandard", meetingStandard);
            }
            return criteria;
        }

        /** The filter from a job's parameters ({@link #criteria()}). */
        public static Filter of(String division, Map<String, Object> criteria) {
            return new Filter(
                    division,
                    criteria.get("povertyStatus") == null
                            ? null
                            : PovertyStatus.valueOf((String) criteria.get("povertyStatus")),
                    (Boolean) criteria.get("monitored"),
                    criteria.get("monitoringCategory") == null
                            ? null
                            : MonitoringCategory.valueOf((String) criteria.get("monitoringCategory")),
                    criteria.get("riskState") == null ? null : RiskState.valueOf((String) criteria.get("riskState")),
                    (Boolean) criteria.get("evaluated"),
                    (Boolean) criteria.get("meetingStandard"));
        }

        /** Where the list is: the path of {@code GET /api/v1/reports/households} with this filter. */
        public String path() {
            StringBuilder path = new StringBuilder(PATH).append("?division=").append(division);
            criteria()
                    .forEach((name, value) ->
                            path.append('&').append(name).append('=').append(value));
            return path.toString();
        }

        /** This filter narrowed by one more criterion. */
        public Filter with(String criterion, Object value) {
            Map<String, Object> criteria = criteria();
            criteria.put(criterion, value instanceof Enum<?> named ? named.name() : value);
            return of(division, criteria);
        }
    }

    static final String PATH = "/api/v1/reports/households";

    /** Where the households behind each figure of a division are, by the figure's name (as in a breakdown row). */
    public static Map<String, String> lists(String division) {
        Filter all = Filter.of(division);
        Map<String, String> paths = new TreeMap<>();
        paths.put("households", all.path());
        paths.put("members", all.path());
        for (PovertyStatus status : PovertyStatus.values()) {
            paths.put(
                    "byPovertyStatus." + status,
                    all.with("povertyStatus", status).path());
        }
        paths.put("monitoredHouseholds", all.with("monitored", true).path());
        for (MonitoringCategory category : MonitoringCategory.values()) {
            paths.put(
                    "byMonitoringCategory." + category,
                    all.with("monitoringCategory", category).path());
        }
        paths.put("atRiskHouseholds", all.with("riskState", RiskState.AT_RISK).path());
        paths.put("evaluatedHouseholds", all.with("evaluated", true).path());
        paths.put("householdsMeetingStandard", all.with("meetingStandard", true).path());
        return paths;
    }

    @Schema(
            name = "ReportHousehold",
            description = "统计名单中的一户：以户主姓名和所在村点名，不含身份证号、电话、银行账号（证件号码经 household-service 按权限查询）")
    public record Row(
            @Schema(description = "农户编号（供系统对接）") UUID householdId,

            @Schema(description = "户主姓名；户内暂无户主或尚未同步姓名时为 null", example = "程海源")
            String headName,

            @Schema(example = "450422101201") String villageCode,

            @Schema(description = "所在行政村名称；尚不知道该村时为 null", example = "大梳村")
            String villageName,

            @Schema(description = "所在乡镇名称；尚不知道该乡镇时为 null", example = "同心镇")
            String townshipName,

            String povertyStatus,
            Integer exitYear,
            String monitoringCategory,
            String riskState,
            Integer identifiedYear,
            List<String> riskTypes,
            @Schema(description = "在户人口") int members) {}

    @Inject
    Sql sql;

    @Inject
    OverviewService overviews;

    @Inject
    ObjectMapper mapper;

    /** A page of the households the filter selects, once the division is checked against the caller's area. */
    public Page<Row> find(Filter filter, PageRequest page) {
        overviews.division(filter.division());
        return page(filter, page);
    }

    /** A household as listed, its risk types as a JSON array. */
    private record Listed(
            UUID householdId,
            String headName,
            String villageCode,
            String villageName,
            String townshipName,
            String povertyStatus,
            Integer exitYear,
            String monitoringCategory,
            String riskState,
            Integer identifiedYear,
            String riskTypes,
            int members) {}

    /** A page of the households the filter selects; the caller has checked the division. */
    Page<Row> page(Filter filter, PageRequest page) {
        StringBuilder where = new StringBuilder(" where h.active and h.village_code like :prefix");
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("prefix", filter.division() + "%");
        if (filter.povertyStatus() != null) {
            parameters.put("povertyStatus", filter.povertyStatus().name());
            where.append(" and h.poverty_status = :povertyStatus");
        }
        if (filter.monitored() != null) {
            where.append(
                    filter.monitored()
                            ? " and h.monitoring_category is not null"
                            : " and h.monitoring_category is null");
        }
        if (filter.monitoringCategory() != null) {
            parameters.put("monitoringCategory", filter.monitoringCategory().name());
            where.append(" and h.monitoring_category = :monitoringCategory");
        }
        if (filter.riskState() != null) {
            parameters.put("riskState", filter.riskState().name());
            where.append(" and h.monitoring_category is not null and h.risk_state = :riskState");
        }
        // evaluated: at least one result; meeting the standard: every standard applying to the household met (standards
        // in use only, as the village figures count them)
        String result = " (select 1 from report_evaluation e where e.household_id = h.household_id and e.in_use";
        if (filter.evaluated() != null) {
            where.append(filter.evaluated() ? " and exists" : " and not exists").append(result + ")");
        }
        if (filter.meetingStandard() != null) {
            where.append(" and exists")
                    .append(result + ")")
                    .append(filter.meetingStandard() ? " and not exists" : " and exists")
                    .append(result + " and not e.all_met)");
        }
        // named by the head and the village (and its township), as officials know households
        Statement select = sql.query("""
                select h.household_id, h.head_name, h.village_code, v.name as village_name, t.name as township_name,
                       h.poverty_status, h.exit_year, h.monitoring_category, h.risk_state, h.identified_year,
                       cast(h.risk_types as text) as risk_types, h.members
                from report_household h
                left join known_division v on v.code = h.village_code
                left join known_division t on t.code = substr(h.village_code, 1, 9)""" + where + " order by h.village_code, h.household_id");
        parameters.forEach(select::bind);
        return select.page(Listed.class, page)
                .map(h -> new Row(
                        h.householdId(),
                        h.headName(),
                        h.villageCode(),
                        h.villageName(),
                        h.townshipName(),
                        h.povertyStatus(),
                        h.exitYear(),
                        h.monitoringCategory(),
                        h.riskState(),
                        h.identifiedYear(),
                        riskTypes(h.riskTypes()),
                        h.members()));
    }

    private List<String> riskTypes(String json) {
        try {
            return List.of(mapper.readValue(json, String[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("risk_types is not a JSON array of strings: " + json, e);
        }
    }
}
