package cn.ruralwatch.report.workreport;

import cn.ruralwatch.report.format.Figures;
import cn.ruralwatch.report.format.HouseholdNames;
import cn.ruralwatch.report.format.Labels;
import cn.ruralwatch.report.overview.Overview;
import cn.ruralwatch.report.period.NaturalChanges;
import cn.ruralwatch.report.workreport.WorkReportQueries.Agricultural;
import cn.ruralwatch.report.workreport.WorkReportQueries.BenefitKind;
import cn.ruralwatch.report.workreport.WorkReportQueries.ByExitYear;
import cn.ruralwatch.report.workreport.WorkReportQueries.ByPovertyStatus;
import cn.ruralwatch.report.workreport.WorkReportQueries.CategoryCount;
import cn.ruralwatch.report.workreport.WorkReportQueries.Divisions;
import cn.ruralwatch.report.workreport.WorkReportQueries.FailingHousehold;
import cn.ruralwatch.report.workreport.WorkReportQueries.FundSource;
import cn.ruralwatch.report.workreport.WorkReportQueries.Households;
import cn.ruralwatch.report.workreport.WorkReportQueries.IndicatorTotal;
import cn.ruralwatch.report.workreport.WorkReportQueries.Monitored;
import cn.ruralwatch.report.workreport.WorkReportQueries.MonitoredGroup;
import cn.ruralwatch.report.workreport.WorkReportQueries.MonitoredYear;
import cn.ruralwatch.report.workreport.WorkReportQueries.Projects;
import cn.ruralwatch.report.workreport.WorkReportQueries.ProjectsByStage;
import cn.ruralwatch.report.workreport.WorkReportQueries.ProjectsByType;
import cn.ruralwatch.report.workreport.WorkReportQueries.PvPlan;
import cn.ruralwatch.report.workreport.WorkReportQueries.Renovations;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A work report's figures as the plain maps and lists a template reads: {@code division}, {@code year}, {@code asOf},
 * {@code basic}, {@code monitoring}, {@code indicators}, {@code funds}, {@code benefits}, {@code pv}. Amounts come as
 * yuan and as 万元 text (two decimals); rates as percent text. Every section lists every category and status the
 * template names, with zeros where the figures have none.
 */
public final class WorkReportModel {

    private static final List<String> POVERTY_STATUSES = List.of("NOT_POOR", "NOT_EXITED", "PLANNED_EXIT", "EXITED");
    private static final List<String> MONITORING_CATEGORIES =
            List.of("UNSTABLE_EXITED", "EDGE_AT_RISK", "SUDDEN_HARDSHIP");

    private WorkReportModel() {}

    /** The division a report is about. */
    public record Division(String code, String name, String level) {}

    /** An indicator's totals with the households failing it that the report lists. */
    public record Indicator(IndicatorTotal total, List<FailingHousehold> failing) {}

    /** Everything a work report counts, as read from the read models. */
    public record Facts(
            Divisions divisions,
            Households households,
            List<ByPovertyStatus> byPovertyStatus,
            List<ByExitYear> byExitYear,
            Monitored monitored,
            List<MonitoredGroup> monitoredByCategory,
            List<MonitoredYear> monitoredByYear,
            List<MonitoredGroup> monitoredByRiskType,
            List<Indicator> indicators,
            List<FundSource> countyFundSources,
            BigDecimal countyDisbursed,
            Projects projects,
            List<ProjectsByType> projectsByType,
            List<ProjectsByStage> projectsByStage,
            Overview.Benefits benefits,
            List<BenefitKind> benefitKinds,
            Overview.PvRevenue pv,
            List<PvPlan> pvPlans) {}

    /** A month's figure of the month-end snapshots (一月一报). */
    public record MonthFigure(String period, long value) {}

    /**
     * What the monitoring work of the report's period counts (防返贫动态监测和帮扶) and the policy figures the suite holds:
     * the agricultural population, households identified and eliminated by category, natural changes, the monthly
     * migrant workers, housing renovations of the year; and the standards the caller chose (none: those valid in the
     * year).
     */
    public record Work(
            Agricultural agricultural,
            List<CategoryCount> identified,
            List<CategoryCount> eliminated,
            NaturalChanges.Report naturalChanges,
            List<MonthFigure> migrantWorkers,
            List<Renovations> renovations,
            Set<String> standards,
            List<Village> exitingVillages,
            Screening screening,
            Teams teams,
            String rectification) {

        public Work {
            exitingVillages = exitingVillages == null ? List.of() : List.copyOf(exitingVillages);
        }

        static Work none() {
            return new Work(
                    new Agricultural(0, 0),
                    List.of(),
                    List.of(),
                    null,
                    List.of(),
                    List.of(),
                    Set.of(),
                    List.of(),
                    null,
                    null,
                    null);
        }
    }

    /**
     * The village work teams of the division as household-service holds them when the report is asked for: teams and
     * first secretaries serving, and the period's trainings, inspections and 每月工作提示.
     */
    public record Teams(long teams, long firstSecretaries, long trainings, long inspections, long guidanceNotices) {}

    /** What household-service counted of the period's monitoring work when the report was asked for; null: not given. */
    public record Fieldwork(Screening screening, Teams teams, String rectification) {

        static final Fieldwork NONE = new Fieldwork(null, null, null);
    }

    /**
     * A 贫困村 leaving the list in the report's year (预脱贫村) with its own indicator totals: a village standard's section
     * reports each such village, as seed 000 reports 凤阁村 and 大梳村.
     */
    public record Village(String code, String name, List<Indicator> indicators) {}

    /**
     * The period's screening as household-service counts it when the report is asked for: 预警线索摸排 (clues received and
     * screened, households identified from routine screening by category) and each 集中排查 of the period.
     */
    public record Screening(
            LocalDate from,
            LocalDate to,
            long cluesReceived,
            long cluesScreened,
            List<CategoryCount> identifiedFromRoutine,
            List<Campaign> campaigns) {

        public Screening {
            identifiedFromRoutine = identifiedFromRoutine == null ? List.of() : List.copyOf(identifiedFromRoutine);
            campaigns = campaigns == null ? List.of() : List.copyOf(campaigns);
        }
    }

    /** A 集中排查: its name, period, the households it covered, the clues it found and the households identified. */
    public record Campaign(
            String name,
            LocalDate startsOn,
            LocalDate endsOn,
            long householdsCovered,
            long cluesFound,
            List<CategoryCount> identified) {

        public Campaign {
            identified = identified == null ? List.of() : List.copyOf(identified);
        }
    }

    /** The model of a report without the period's monitoring work (a template's trial). */
    public static Map<String, Object> of(
            Division division, int year, LocalDate asOf, Map<String, String> labels, Facts facts) {
        return of(division, year, asOf, labels, facts, Work.none());
    }

    /**
     * The model of a report.
     *
     * @param labels names of standards ({@code code}) and indicators ({@code standard/indicator}), with the standards'
     *     validity and level ({@code code#validFrom}, {@code code#validTo}, {@code code#level}) and the indicators'
     *     units ({@code standard/indicator#unit}); codes stand in for missing names
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> of(
            Division division, int year, LocalDate asOf, Map<String, String> labels, Facts facts, Work work) {
        Map<String, Object> model = new LinkedHashMap<>();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("code", division.code());
        d.put("name", division.name());
        d.put("level", division.level());
        // how a report speaks of its whole area: 全县, 全镇, 全村
        d.put("whole", "VILLAGE".equals(division.level()) ? "全村" : "TOWNSHIP".equals(division.level()) ? "全镇" : "全县");
        model.put("division", d);
        model.put("year", year);
        model.put("asOf", Figures.chineseDate(asOf));
        model.put("basic", basic(facts));
        model.put("monitoring", monitoring(facts));
        boolean spans = HouseholdNames.spansTownships(division.code());
        model.put("indicators", indicators(facts.indicators(), labels, spans));
        model.put(
                "standards",
                StandardSections.of(facts.indicators(), labels, spans, year, work.standards(), work.exitingVillages()));
        if (!work.exitingVillages().isEmpty()) {
            // the year's exiting 贫困村 are not yet 脱贫村 in its report (seed 000: 贫困村5个…预脱贫2个村)
            Overview.Villages villages = facts.divisions().villages();
            long before =
                    villages.exitedPovertyVillages() - work.exitingVillages().size();
            ((Map<String, Object>) model.get("basic"))
                    .put(
                            "povertyVillageNote",
                            "（其中贫困村" + villages.povertyVillages() + "个" + (before > 0 ? "，已出列" + before + "个" : "")
                                    + "，" + year + "年出列"
                                    + work.exitingVillages().size() + "个）");
        }
        ((Map<String, Object>) model.get("basic"))
                .put(
                        "agricultural",
                        count(
                                work.agricultural().households(),
                                work.agricultural().members()));
        model.put("work", work(work, year, d.get("whole").toString()));
        model.put("funds", funds(facts));
        model.put("benefits", benefits(facts.benefits(), facts.benefitKinds()));
        model.put("pv", pv(facts.pv(), facts.pvPlans()));
        return model;
    }

    /**
     * 防返贫动态监测和帮扶 of the period: {@code summary}, the section's opening in the reports' words (with screening
     * figures: "一是开展预警线索摸排…；二是开展集中排查…；三是落实驻村帮扶…；四是开展动态管理。2023年新识别监测对象…"),
     * {@code rectification} (问题整改: "省级后评估认领3个方面13个问题，均已完成整改…"), {@code teams}, {@code screening}, {@code
     * identified} and {@code eliminated} ({@code households, members,
     * categories[]} and {@code text}: "2户9人，其中突发严重困难户1户4人，边缘易致贫户1户5人"), {@code naturalIncrease} and
     * {@code naturalDecrease} ({@code households, people}), {@code migrantWorkers[]} ({@code month, people}) with the
     * newest month's {@code migrantWorkersNow}, {@code renovations} (text: 新建3户，维修加固1户).
     */
    private static Map<String, Object> work(Work work, int year, String whole) {
        Map<String, Object> w = new LinkedHashMap<>();
        Map<String, Object> identified = categories(work.identified());
        Map<String, Object> eliminated = categories(work.eliminated());
        w.put("identified", identified);
        w.put("eliminated", eliminated);
        Map<String, Object> screening = screening(work.screening(), whole);
        w.put("screening", screening);
        NaturalChanges.Report natural = work.naturalChanges();
        w.put(
                "naturalIncrease",
                natural == null
                        ? people(0, 0)
                        : people(
                                natural.increase().households(),
                                natural.increase().people()));
        w.put(
                "naturalDecrease",
                natural == null
                        ? people(0, 0)
                        : people(
                                natural.decrease().households(),
                                natural.decrease().people()));
        List<Map<String, Object>> months = new ArrayList<>();
        for (MonthFigure month : work.migrantWorkers()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("month", Figures.chineseMonth(month.period()));
            row.put("people", month.value());
            months.add(row);
        }
        w.put("migrantWorkers", months);
        @SuppressWarnings("unchecked")
        Map<String, Object> increase = (Map<String, Object>) w.get("naturalIncrease");
        @SuppressWarnings("unchecked")
        Map<String, Object> decrease = (Map<String, Object>) w.get("naturalDecrease");
        String dynamic = year + "年新识别监测对象" + identified.get("text") + "；消除风险" + eliminated.get("text")
                + "。脱贫户、监测户自然增加" + increase.get("people") + "人，自然减少" + decrease.get("households") + "户"
                + decrease.get("people") + "人";
        @SuppressWarnings("unchecked")
        List<String> items = new ArrayList<>((List<String>) screening.get("items"));
        Teams teams = work.teams();
        w.put("teams", teams);
        if (teams != null && teams.teams() > 0) {
            items.add("落实驻村帮扶。" + whole + "派驻驻村工作队" + teams.teams() + "支，在岗第一书记" + teams.firstSecretaries()
                    + "名" + (teams.trainings() > 0 ? "，开展队员培训" + teams.trainings() + "次" : "")
                    + (teams.inspections() > 0 ? "，督查驻村工作队" + teams.inspections() + "次" : "")
                    + (teams.guidanceNotices() > 0 ? "，印发每月工作提示" + teams.guidanceNotices() + "期" : ""));
        }
        w.put("rectification", work.rectification() == null ? "" : markdownText(work.rectification()));
        if (items.isEmpty()) {
            w.put("summary", dynamic + "。");
        } else {
            items.add("开展动态管理。" + dynamic);
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < items.size(); i++) {
                text.append(ORDINALS[Math.min(i, ORDINALS.length - 1)])
                        .append(items.get(i))
                        .append(i == items.size() - 1 ? "。" : "；");
            }
            w.put("summary", text.toString());
        }
        w.put("migrantWorkersNow", months.isEmpty() ? null : months.getLast());
        long renovated =
                work.renovations().stream().mapToLong(Renovations::households).sum();
        w.put("renovatedHouseholds", renovated);
        w.put(
                "renovations",
                work.renovations().stream()
                        .map(r -> Labels.of(Labels.RENOVATION_METHOD, r.method()) + r.households() + "户")
                        .collect(java.util.stream.Collectors.joining("，")));
        return w;
    }

    private static final String[] ORDINALS = {"一是", "二是", "三是", "四是", "五是", "六是", "七是", "八是", "九是", "十是"};

    /**
     * The screening of the period in the reports' words (seed 003 四(一)): {@code available}, {@code cluesReceived},
     * {@code cluesScreened}, {@code identifiedFromRoutine} (as {@code identified}), {@code campaigns[]} ({@code name,
     * period, householdsCovered, cluesFound, identified}) and {@code items}, the work as the reports number it ("开展预警线索
     * 摸排。1—12月共…排查预警线索819条，识别监测对象2户9人，其中…", "开展集中排查。2023年5月…对全镇8892户农户进行了全面摸排…").
     * Without figures from household-service: {@code available} false and no items.
     */
    private static Map<String, Object> screening(Screening screening, String whole) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("available", screening != null);
        if (screening == null) {
            result.put("items", List.of());
            return result;
        }
        result.put("cluesReceived", screening.cluesReceived());
        result.put("cluesScreened", screening.cluesScreened());
        Map<String, Object> routine = categories(screening.identifiedFromRoutine());
        result.put("identifiedFromRoutine", routine);
        List<String> items = new ArrayList<>();
        String months = Figures.monthsOfYear(screening.from(), screening.to());
        items.add("开展预警线索摸排。"
                + (screening.cluesReceived() + screening.cluesScreened() == 0
                        ? months + "未收到预警线索"
                        : months + "共收到预警线索" + screening.cluesReceived() + "条，排查预警线索" + screening.cluesScreened() + "条")
                + (((Long) routine.get("households")) > 0 ? "，识别监测对象" + routine.get("text") : "，未新识别监测对象"));
        List<Map<String, Object>> campaigns = new ArrayList<>();
        for (Campaign campaign : screening.campaigns()) {
            Map<String, Object> row = new LinkedHashMap<>();
            Map<String, Object> identified = categories(campaign.identified());
            String period = Figures.monthSpan(campaign.startsOn(), campaign.endsOn());
            row.put("name", campaign.name());
            row.put("period", period);
            row.put("householdsCovered", campaign.householdsCovered());
            row.put("cluesFound", campaign.cluesFound());
            row.put("identified", identified);
            campaigns.add(row);
            items.add("开展集中排查。" + period + "（" + markdownText(campaign.name()) + "）对" + whole
                    + campaign.householdsCovered() + "户农户进行了全面摸排，发现预警线索" + campaign.cluesFound() + "条"
                    + (((Long) identified.get("households")) > 0 ? "，识别监测对象" + identified.get("text") : "，未新识别监测对象"));
        }
        result.put("campaigns", campaigns);
        result.put("items", items);
        return result;
    }

    private static Map<String, Object> categories(List<CategoryCount> counts) {
        Map<String, Object> result = new LinkedHashMap<>();
        long households = counts.stream().mapToLong(CategoryCount::households).sum();
        long members = counts.stream().mapToLong(CategoryCount::members).sum();
        result.put("households", households);
        result.put("members", members);
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        for (String category : MONITORING_CATEGORIES) {
            counts.stream().filter(c -> c.code().equals(category)).findFirst().ifPresent(c -> {
                Map<String, Object> row = count(c.households(), c.members());
                row.put("name", Labels.of(Labels.MONITORING_CATEGORY, category));
                rows.add(row);
                parts.add(row.get("name") + "" + c.households() + "户" + c.members() + "人");
            });
        }
        result.put("categories", rows);
        result.put("text", households + "户" + members + "人" + (households == 0 ? "" : "，其中" + String.join("，", parts)));
        return result;
    }

    private static Map<String, Object> people(long households, long people) {
        Map<String, Object> count = new LinkedHashMap<>();
        count.put("households", households);
        count.put("people", people);
        return count;
    }

    private static Map<String, Object> basic(Facts facts) {
        Map<String, Object> basic = new LinkedHashMap<>();
        basic.put("townships", facts.divisions().townships());
        Overview.Villages villages = facts.divisions().villages();
        basic.put("villages", villages.villages());
        basic.put("communities", villages.communities());
        basic.put("povertyVillages", villages.povertyVillages());
        basic.put("exitedPovertyVillages", villages.exitedPovertyVillages());
        // seed 003: 22个村（其中有三个脱贫村）; seed 000: 贫困村5个, some of them out of the list
        basic.put(
                "povertyVillageNote",
                villages.povertyVillages() == 0
                        ? ""
                        : villages.exitedPovertyVillages() == villages.povertyVillages()
                                ? "（其中脱贫村" + villages.povertyVillages() + "个）"
                                : "（其中贫困村" + villages.povertyVillages() + "个"
                                        + (villages.exitedPovertyVillages() > 0
                                                ? "，已出列" + villages.exitedPovertyVillages() + "个"
                                                : "")
                                        + "）");
        Households all = facts.households();
        basic.put("households", all.households());
        basic.put("members", all.members());
        basic.put("minimumLiving", count(all.minimumLivingHouseholds(), all.minimumLivingMembers()));
        basic.put("extremePoverty", count(all.extremePovertyHouseholds(), all.extremePovertyMembers()));
        Map<String, Object> statuses = new LinkedHashMap<>();
        for (String status : POVERTY_STATUSES) {
            statuses.put(status, count(0, 0));
        }
        for (ByPovertyStatus status : facts.byPovertyStatus()) {
            statuses.put(status.povertyStatus(), count(status.households(), status.members()));
        }
        basic.put("byPovertyStatus", statuses);
        basic.put("exited", statuses.get("EXITED"));
        List<Map<String, Object>> exitYears = new ArrayList<>();
        for (ByExitYear exit : facts.byExitYear()) {
            Map<String, Object> year = count(exit.households(), exit.members());
            year.put("year", exit.exitYear());
            exitYears.add(year);
        }
        basic.put("byExitYear", exitYears);
        return basic;
    }

    private static Map<String, Object> monitoring(Facts facts) {
        Map<String, Object> monitoring = new LinkedHashMap<>();
        Monitored all = facts.monitored();
        monitoring.put("total", count(all.households(), all.members()));
        monitoring.put("atRisk", count(all.atRiskHouseholds(), all.atRiskMembers()));
        monitoring.put("eliminated", count(all.eliminatedHouseholds(), all.eliminatedMembers()));
        Map<String, MonitoredGroup> byCategory = new LinkedHashMap<>();
        facts.monitoredByCategory().forEach(group -> byCategory.put(group.code(), group));
        List<Map<String, Object>> categories = new ArrayList<>();
        for (String category : MONITORING_CATEGORIES) {
            MonitoredGroup group = byCategory.getOrDefault(category, new MonitoredGroup(category, 0, 0, 0, 0));
            categories.add(group(group, Labels.MONITORING_CATEGORY));
        }
        monitoring.put("categories", categories);
        List<Map<String, Object>> years = new ArrayList<>();
        for (MonitoredYear year : facts.monitoredByYear()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("year", year.year());
            row.put("households", year.households());
            row.put("members", year.members());
            row.put("atRiskHouseholds", year.atRiskHouseholds());
            row.put("atRiskMembers", year.atRiskMembers());
            years.add(row);
        }
        monitoring.put("byYear", years);
        monitoring.put(
                "byRiskType",
                facts.monitoredByRiskType().stream()
                        .map(group -> group(group, Labels.RISK_TYPE))
                        .toList());
        return monitoring;
    }

    private static Map<String, Object> group(MonitoredGroup group, Map<String, String> labels) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("code", group.code());
        row.put("name", Labels.of(labels, group.code()));
        row.put("households", group.households());
        row.put("members", group.members());
        row.put("atRiskHouseholds", group.atRiskHouseholds());
        row.put("atRiskMembers", group.atRiskMembers());
        return row;
    }

    /**
     * The indicators' rates, each with the households failing it named as officials name them: 户主姓名（村名）, or
     * 户主姓名（乡镇村名） in a report spanning townships ({@code label}); the names escaped for the Markdown the
     * template is.
     */
    private static List<Map<String, Object>> indicators(
            List<Indicator> indicators, Map<String, String> labels, boolean spansTownships) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Indicator indicator : indicators) {
            IndicatorTotal total = indicator.total();
            String standard = total.standardCode();
            String code = total.indicatorCode();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("standardCode", standard);
            row.put("standardName", labels.getOrDefault(standard, standard));
            row.put("code", code);
            row.put("name", labels.getOrDefault(standard + "/" + code, code));
            row.put("met", total.met());
            row.put("notMet", total.notMet());
            row.put("numerator", total.numerator());
            row.put("denominator", total.denominator());
            row.put("rate", Figures.rateText(total.numerator(), total.denominator()));
            List<Map<String, Object>> failing = new ArrayList<>();
            for (FailingHousehold f : indicator.failing()) {
                Map<String, Object> household = new LinkedHashMap<>();
                String head = markdownText(HouseholdNames.head(f.headName()));
                String village = markdownText(f.villageName());
                String township = markdownText(f.townshipName());
                household.put("householdId", f.householdId().toString());
                household.put("headName", head);
                household.put("villageCode", f.villageCode());
                household.put("villageName", village);
                household.put("townshipName", township);
                household.put("label", HouseholdNames.named(head, spansTownships ? township : null, village));
                household.put("members", f.members());
                household.put("numerator", f.numerator());
                household.put("denominator", f.denominator());
                failing.add(household);
            }
            row.put("failing", failing);
            row.put("failingNotListed", Math.max(0, total.notMet() - failing.size()));
            rows.add(row);
        }
        return rows;
    }

    private static Map<String, Object> funds(Facts facts) {
        Map<String, Object> funds = new LinkedHashMap<>();
        List<Map<String, Object>> sources = new ArrayList<>();
        BigDecimal amount = BigDecimal.ZERO;
        for (FundSource fundSource : facts.countyFundSources()) {
            Map<String, Object> source = new LinkedHashMap<>();
            source.put("code", fundSource.sourceLevel());
            source.put("name", Labels.of(Labels.SOURCE_LEVEL, fundSource.sourceLevel()));
            source.put("batches", fundSource.batches());
            putAmount(source, "amount", fundSource.amount());
            amount = amount.add(fundSource.amount());
            sources.add(source);
        }
        funds.put("countyBySource", sources);
        putAmount(funds, "countyAmount", amount);
        putAmount(funds, "countyDisbursed", facts.countyDisbursed());
        funds.put("countySpendingProgress", Figures.percentText(facts.countyDisbursed(), amount));
        funds.put("countySpendingProgressText", Figures.percentSign(facts.countyDisbursed(), amount));
        Projects projects = facts.projects();
        funds.put("projects", projects.projects());
        putAmount(funds, "plannedInvestment", projects.plannedInvestment());
        funds.put("projectsCompleted", projects.completed());
        funds.put("projectsAccepted", projects.accepted());
        funds.put("beneficiaryHouseholds", projects.beneficiaryHouseholds());
        List<Map<String, Object>> byType = new ArrayList<>();
        for (ProjectsByType type : facts.projectsByType()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("code", type.projectType());
            row.put("name", Labels.of(Labels.PROJECT_TYPE, type.projectType()));
            row.put("projects", type.projects());
            putAmount(row, "plannedInvestment", type.plannedInvestment());
            putAmount(row, "disbursed", type.disbursed());
            byType.add(row);
        }
        funds.put("byType", byType);
        List<Map<String, Object>> byStage = new ArrayList<>();
        for (ProjectsByStage stage : facts.projectsByStage()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("code", stage.stage());
            row.put("name", Labels.of(Labels.PROJECT_STAGE, stage.stage()));
            row.put("projects", stage.projects());
            byStage.add(row);
        }
        funds.put("byStage", byStage);
        return funds;
    }

    private static Map<String, Object> benefits(Overview.Benefits all, List<BenefitKind> benefitKinds) {
        Map<String, Object> benefits = new LinkedHashMap<>();
        benefits.put("households", all.households());
        putAmount(benefits, "total", all.total());
        Map<String, Object> byKind = new LinkedHashMap<>();
        for (String kind : Labels.BENEFIT_KIND.keySet().stream().sorted().toList()) {
            byKind.put(kind, kind(kind, 0, BigDecimal.ZERO));
        }
        List<Map<String, Object>> kinds = new ArrayList<>();
        for (BenefitKind benefit : benefitKinds) {
            Map<String, Object> kind = kind(benefit.kind(), benefit.households(), benefit.amount());
            byKind.put(benefit.kind(), kind);
            kinds.add(kind);
        }
        benefits.put("byKind", byKind);
        benefits.put("kinds", kinds);
        return benefits;
    }

    private static Map<String, Object> pv(Overview.PvRevenue all, List<PvPlan> pvPlans) {
        Map<String, Object> pv = new LinkedHashMap<>();
        pv.put("stations", all.stations());
        pv.put("capacityKw", Figures.decimal(all.capacityKw(), 2));
        pv.put("generationKwh", Figures.decimal(all.generationKwh(), 2));
        putAmount(pv, "revenue", all.revenue());
        pv.put("plans", all.plans());
        putAmount(pv, "distributable", all.distributable());
        pv.put("jobHolders", all.jobHolders());
        putAmount(pv, "wages", all.wages());
        putAmount(pv, "works", all.works());
        putAmount(pv, "worksLabour", all.worksLabour());
        putAmount(pv, "rewards", all.rewards());
        pv.put("rewardedHouseholds", all.rewardedHouseholds());
        pv.put("wagesAndLabourPercent", Figures.percentText(all.wages().add(all.worksLabour()), all.distributable()));
        pv.put(
                "wagesAndLabourPercentText",
                Figures.percentSign(all.wages().add(all.worksLabour()), all.distributable()));
        List<Map<String, Object>> plans = new ArrayList<>();
        for (PvPlan p : pvPlans) {
            Map<String, Object> plan = new LinkedHashMap<>();
            plan.put("divisionName", p.divisionName());
            plan.put("publishedOn", Figures.chineseDate(p.publishedOn()));
            plan.put("documentNumber", p.documentNumber() == null ? "" : p.documentNumber());
            putAmount(plan, "distributable", p.distributable());
            plan.put("jobHolders", p.jobHolders());
            putAmount(plan, "wages", p.wages());
            putAmount(plan, "works", p.works());
            putAmount(plan, "rewards", p.rewards());
            plans.add(plan);
        }
        pv.put("planList", plans);
        return pv;
    }

    private static Map<String, Object> kind(String code, long households, BigDecimal amount) {
        Map<String, Object> kind = new LinkedHashMap<>();
        kind.put("code", code);
        kind.put("name", Labels.of(Labels.BENEFIT_KIND, code));
        kind.put("households", households);
        putAmount(kind, "amount", amount);
        return kind;
    }

    private static Map<String, Object> count(long households, long members) {
        Map<String, Object> count = new LinkedHashMap<>();
        count.put("households", households);
        count.put("members", members);
        return count;
    }

    /**
     * Text from the data (a name) as Markdown shows it literally: ASCII punctuation escaped, so that a name with
     * {@code |}, {@code *} or {@code _} neither breaks a table row nor turns into emphasis.
     */
    static String markdownText(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    /** {@code name} in yuan and {@code nameWan} in 万元, both as text with two decimals. */
    private static void putAmount(Map<String, Object> target, String name, BigDecimal yuan) {
        target.put(name, Figures.yuan(yuan));
        target.put(name + "Wan", Figures.wan(yuan));
    }
}
