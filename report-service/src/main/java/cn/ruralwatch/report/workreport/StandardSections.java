package cn.ruralwatch.report.workreport;

import cn.ruralwatch.report.format.Figures;
import cn.ruralwatch.report.format.HouseholdNames;
import cn.ruralwatch.report.format.Labels;
import cn.ruralwatch.report.workreport.WorkReportModel.Indicator;
import cn.ruralwatch.report.workreport.WorkReportQueries.FailingHousehold;
import cn.ruralwatch.report.workreport.WorkReportQueries.IndicatorTotal;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The indicator section of a work report, one section per standard in the reports' own words (seed 000: "全镇建档立卡
 * 贫困户755户，已达标719户，达标率95.23%。未达标36户，其中人均不足13平方米4户，无房2户，C类5户，D类25户，其他未达标0户"),
 * each failing household named as the reports name it (大梳村程海源户) with its reason in words and its building's
 * progress where recorded. Only the standards valid in the report's year (or those the caller chose) are written; the
 * housing causes of a standard are folded into its housing sentence; a list of households printed under one indicator is
 * not printed again under another but referred to.
 */
final class StandardSections {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String[] SECTION_NUMBERS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
    private static final String CAUSE_PREFIX = "HOUSING_CAUSE_";
    private static final Map<String, String> CAUSES = causes();
    private static final BigDecimal AREA_PER_PERSON = new BigDecimal("13");

    private StandardSections() {}

    private static Map<String, String> causes() {
        Map<String, String> causes = new LinkedHashMap<>();
        causes.put("SMALL_AREA", "人均不足13平方米");
        causes.put("NO_HOUSE", "无房");
        causes.put("GRADE_C", "C类");
        causes.put("GRADE_D", "D类");
        causes.put("OTHER", "其他未达标");
        return causes;
    }

    /**
     * Whether a standard is written into a report of the year: the caller's choice when it made one, else the standards
     * valid in the year ({@code code#validFrom}, {@code code#validTo} in the labels; a standard whose validity is not
     * known is written).
     */
    static boolean chosen(String standard, int year, Map<String, String> labels, Set<String> chosen) {
        if (chosen != null && !chosen.isEmpty()) {
            return chosen.contains(standard);
        }
        String from = labels.get(standard + "#validFrom");
        String to = labels.get(standard + "#validTo");
        return (from == null || from.isBlank() || Integer.parseInt(from.substring(0, 4)) <= year)
                && (to == null || to.isBlank() || Integer.parseInt(to.substring(0, 4)) >= year);
    }

    /**
     * The sections: {@code number, heading, paragraphs[]} for each standard written. A village standard (十一有一低于) is
     * reported village by village for the 贫困村 leaving the list in the year, as the reports do (seed 000: "凤阁村共有
     * 711户…达标率99.48%。大梳村…"); where no village leaves the list that year, for the division's villages together.
     */
    static List<Map<String, Object>> of(
            List<Indicator> indicators,
            Map<String, String> labels,
            boolean spansTownships,
            int year,
            Set<String> chosen,
            List<WorkReportModel.Village> exitingVillages) {
        Map<String, List<Indicator>> byStandard = new LinkedHashMap<>();
        for (Indicator indicator : indicators) {
            String standard = indicator.total().standardCode();
            if (chosen(standard, year, labels, chosen)) {
                byStandard.computeIfAbsent(standard, s -> new ArrayList<>()).add(indicator);
            }
        }
        List<String> order = new ArrayList<>(byStandard.keySet());
        order.sort(Comparator.comparing((String s) -> levelOrder(labels.get(s + "#level")))
                .thenComparing(s -> position(labels, s)));
        Map<String, String> printed = new HashMap<>();
        List<Map<String, Object>> sections = new ArrayList<>();
        int s = 0;
        for (String standard : order) {
            String number = "（" + SECTION_NUMBERS[Math.min(s++, SECTION_NUMBERS.length - 1)] + "）";
            List<Indicator> items = new ArrayList<>(byStandard.get(standard));
            items.sort(Comparator.comparing(
                    i -> position(labels, standard + "/" + i.total().indicatorCode())));
            Map<String, IndicatorTotal> causes = new LinkedHashMap<>();
            items.stream()
                    .map(Indicator::total)
                    .filter(t -> t.indicatorCode().startsWith(CAUSE_PREFIX))
                    .forEach(t -> causes.put(t.indicatorCode().substring(CAUSE_PREFIX.length()), t));
            List<String> paragraphs = new ArrayList<>();
            if ("VILLAGE".equals(labels.get(standard + "#level")) && !exitingVillages.isEmpty()) {
                paragraphs.addAll(byVillage(standard, items, labels, year, exitingVillages));
                sections.add(section(standard, number, year, labels, paragraphs));
                continue;
            }
            if ("VILLAGE".equals(labels.get(standard + "#level"))) {
                paragraphs.add(year + "年没有出列的贫困村，以下为各行政村合计。");
            }
            int n = 1;
            for (Indicator indicator : items) {
                IndicatorTotal total = indicator.total();
                if (total.indicatorCode().startsWith(CAUSE_PREFIX)) {
                    continue;
                }
                String unit = labels.getOrDefault(standard + "/" + total.indicatorCode() + "#unit", "HOUSEHOLD");
                String name = labels.getOrDefault(standard + "/" + total.indicatorCode(), total.indicatorCode());
                String key = standard + "/" + total.indicatorCode();
                if ("COUNT".equals(labels.get(key + "#reporting"))) {
                    paragraphs.add(n++ + "." + WorkReportModel.markdownText(name) + "。"
                            + counted(total, unit, labels.get(key + "#metAs"), labels.get(key + "#notMetAs")));
                    continue;
                }
                String ref = number + "第" + n + "项";
                paragraphs.add(n++ + "." + WorkReportModel.markdownText(name) + "。"
                        + sentence(total, unit, "HOUSING_ALL".equals(total.indicatorCode()) ? causes : Map.of())
                        + failing(indicator, unit, spansTownships, printed, ref));
            }
            sections.add(section(standard, number, year, labels, paragraphs));
        }
        return sections;
    }

    private static Map<String, Object> section(
            String standard, String number, int year, Map<String, String> labels, List<String> paragraphs) {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("code", standard);
        section.put("name", labels.getOrDefault(standard, standard));
        section.put("number", number);
        section.put("heading", number + year + "年" + labels.getOrDefault(standard, standard) + "完成情况");
        section.put("paragraphs", paragraphs);
        return section;
    }

    /**
     * A village standard village by village: "2020年出列贫困村2个（凤阁村、大梳村）。" then per indicator "1.农户住房保障达标率。
     * 凤阁村应评711户，已达标708户，达标率99.58%，未达标3户（李某明户、潘某金户、李某永户）；大梳村……。"
     */
    private static List<String> byVillage(
            String standard,
            List<Indicator> items,
            Map<String, String> labels,
            int year,
            List<WorkReportModel.Village> villages) {
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(year + "年出列贫困村" + villages.size() + "个（"
                + villages.stream()
                        .map(v -> WorkReportModel.markdownText(v.name()))
                        .collect(Collectors.joining("、"))
                + "），各村完成情况如下。");
        int n = 1;
        for (Indicator item : items) {
            String code = item.total().indicatorCode();
            if (code.startsWith(CAUSE_PREFIX)) {
                continue;
            }
            String key = standard + "/" + code;
            String unit = labels.getOrDefault(key + "#unit", "HOUSEHOLD");
            String of = "MEMBER".equals(unit) ? "人" : "户";
            List<String> parts = new ArrayList<>();
            for (WorkReportModel.Village village : villages) {
                Indicator own = village.indicators().stream()
                        .filter(i -> i.total().standardCode().equals(standard)
                                && i.total().indicatorCode().equals(code))
                        .findFirst()
                        .orElse(null);
                String name = WorkReportModel.markdownText(village.name());
                if (own == null || own.total().denominator() == 0) {
                    parts.add(name + "无应评对象");
                    continue;
                }
                IndicatorTotal total = own.total();
                if ("COUNT".equals(labels.get(key + "#reporting"))) {
                    String counted = counted(total, unit, labels.get(key + "#metAs"), labels.get(key + "#notMetAs"));
                    parts.add(name + counted.substring(0, counted.length() - 1));
                    continue;
                }
                StringBuilder part = new StringBuilder(name)
                        .append("应评")
                        .append(total.denominator())
                        .append(of)
                        .append("，已达标")
                        .append(total.numerator())
                        .append(of)
                        .append("，达标率")
                        .append(Figures.rate(total.numerator(), total.denominator()));
                if (total.notMet() > 0) {
                    part.append("，未达标")
                            .append(
                                    "MEMBER".equals(unit)
                                            ? (total.denominator() - total.numerator()) + "人，涉及" + total.notMet() + "户"
                                            : total.notMet() + "户");
                    List<String> heads = own.failing().stream()
                            .map(h -> WorkReportModel.markdownText(HouseholdNames.head(h.headName())) + "户")
                            .toList();
                    if (!heads.isEmpty()) {
                        part.append("（")
                                .append(String.join("、", heads))
                                .append(total.notMet() > heads.size() ? "等" : "")
                                .append("）");
                    }
                }
                parts.add(part.toString());
            }
            paragraphs.add(n++ + "." + WorkReportModel.markdownText(labels.getOrDefault(key, code)) + "。"
                    + String.join("；", parts) + "。");
        }
        return paragraphs;
    }

    private static int levelOrder(String level) {
        return level == null
                ? 3
                : switch (level) {
                    case "TOWNSHIP", "COUNTY" -> 0;
                    case "HOUSEHOLD" -> 1;
                    case "VILLAGE" -> 2;
                    default -> 3;
                };
    }

    /**
     * Where a standard or indicator stands in indicator-service's definition: its {@code #position} label, or for labels
     * written before positions were, the labels' own order.
     */
    private static int position(Map<String, String> labels, String key) {
        String written = labels.get(key + "#position");
        if (written != null) {
            return Integer.parseInt(written);
        }
        int i = 0;
        for (String k : labels.keySet()) {
            if (k.equals(key)) {
                return i;
            }
            i++;
        }
        return Integer.MAX_VALUE;
    }

    /**
     * An indicator the report counts rather than rates (seed 000: "全镇有电视机的农户有6129户", "已办慢病证200人，待办慢病证44人"):
     * "有电视机的农户6129户，占80.78%。" or, where the rest has a name, "已办慢病证200人，待办慢病证44人。". No list.
     */
    static String counted(IndicatorTotal total, String unit, String metAs, String notMetAs) {
        if (total.denominator() == 0) {
            return "无统计对象。";
        }
        String of = "MEMBER".equals(unit) ? "人" : "户";
        String met = WorkReportModel.markdownText(metAs == null || metAs.isBlank() ? "达标" : metAs);
        if (notMetAs != null && !notMetAs.isBlank()) {
            return met + total.numerator() + of + "，" + WorkReportModel.markdownText(notMetAs)
                    + (total.denominator() - total.numerator()) + of + "。";
        }
        return met + total.numerator() + of + "，占" + Figures.rate(total.numerator(), total.denominator()) + "。";
    }

    /** 应评755户，已达标719户，达标率95.23%。未达标36户，其中… */
    private static String sentence(IndicatorTotal total, String unit, Map<String, IndicatorTotal> causes) {
        long numerator = total.numerator();
        long denominator = total.denominator();
        if (denominator == 0) {
            return "无应评对象。";
        }
        String rate = Figures.rate(numerator, denominator);
        StringBuilder text = new StringBuilder();
        switch (unit) {
            case "MEMBER" ->
                text.append("应评")
                        .append(denominator)
                        .append("人，已达标")
                        .append(numerator)
                        .append("人，达标率")
                        .append(rate)
                        .append("。");
            case "DIVISION" -> text.append("达标率").append(rate).append("。");
            default ->
                text.append("应评")
                        .append(denominator)
                        .append("户，已达标")
                        .append(numerator)
                        .append("户，达标率")
                        .append(rate)
                        .append("。");
        }
        if (total.notMet() > 0) {
            text.append("MEMBER".equals(unit) ? "未达标" + (denominator - numerator) + "人，涉及" : "未达标")
                    .append(total.notMet())
                    .append("户");
            if (!causes.isEmpty()) {
                text.append("，其中")
                        .append(CAUSES.entrySet().stream()
                                .map(c -> c.getValue()
                                        + (causes.containsKey(c.getKey())
                                                ? causes.get(c.getKey()).notMet()
                                                : 0) + "户")
                                .collect(Collectors.joining("，")));
            }
        }
        return text.toString();
    }

    /** "：1.大梳村程海源户（C类危房，新建，已挖地基）；2.……。" or a reference to the same list printed before. */
    private static String failing(
            Indicator indicator, String unit, boolean spansTownships, Map<String, String> printed, String ref) {
        List<FailingHousehold> households = indicator.failing();
        if (households.isEmpty()) {
            return indicator.total().notMet() > 0 ? "。" : "";
        }
        String key =
                households.stream().map(h -> h.householdId().toString()).collect(Collectors.toCollection(TreeSet::new))
                        + "/" + indicator.total().notMet();
        String before = printed.putIfAbsent(key, ref);
        if (before != null) {
            return "，名单同" + before + "。";
        }
        List<String> named = new ArrayList<>();
        int i = 1;
        for (FailingHousehold h : households) {
            String name = HouseholdNames.inSentence(
                    WorkReportModel.markdownText(HouseholdNames.head(h.headName())),
                    spansTownships ? WorkReportModel.markdownText(h.townshipName()) : null,
                    WorkReportModel.markdownText(h.villageName()));
            List<String> why = reasons(indicator.total().indicatorCode(), unit, h);
            named.add(i++ + "." + name + (why.isEmpty() ? "" : "（" + String.join("，", why) + "）"));
        }
        long notListed = indicator.total().notMet() - households.size();
        return "：" + String.join("；", named) + (notListed > 0 ? "；另有" + notListed + "户未列出，见导出名单" : "") + "。";
    }

    /** Why a household fails an indicator, in words, with its renovation's progress where one is recorded. */
    static List<String> reasons(String indicator, String unit, FailingHousehold h) {
        List<String> reasons = new ArrayList<>();
        if (indicator.contains("HOUSING")) {
            JsonNode housing = housing(h.housing());
            if (housing != null) {
                if (housing.path("noHouse").asBoolean(false)) {
                    reasons.add("无房");
                } else if (housing.hasNonNull("areaPerCapita")
                        && housing.get("areaPerCapita").decimalValue().compareTo(AREA_PER_PERSON) < 0) {
                    reasons.add("人均住房面积不足13平方米");
                }
                String grade = housing.path("safetyGrade").asText("");
                if (grade.equals("C") || grade.equals("D")) {
                    reasons.add(grade + "类危房");
                } else if (reasons.isEmpty() && grade.isBlank()) {
                    reasons.add("住房安全未鉴定");
                }
                String method = housing.path("renovationMethod").asText("");
                if (!method.isBlank()) {
                    reasons.add("计划" + Labels.of(Labels.RENOVATION_METHOD, method));
                }
                String progress = housing.path("renovationProgress").asText("");
                String stage = housing.path("renovationStage").asText("");
                if (!progress.isBlank()) {
                    reasons.add(WorkReportModel.markdownText(progress));
                } else if (!stage.isBlank()) {
                    reasons.add(Labels.of(Labels.RENOVATION_STAGE, stage));
                }
            }
        } else if ("MEMBER".equals(unit) && h.denominator() > h.numerator()) {
            long people = h.denominator() - h.numerator();
            reasons.add(people + "人" + memberReason(indicator));
        }
        return reasons;
    }

    private static String memberReason(String indicator) {
        if (indicator.contains("MEDICAL")) {
            return "未参保";
        }
        if (indicator.contains("EDUCATION") || indicator.contains("ENROLMENT")) {
            return "失学辍学";
        }
        if (indicator.equals("PENSION_ENTERED")) {
            return "未录入";
        }
        if (indicator.contains("PENSION")) {
            return "未参保";
        }
        if (indicator.contains("FAMILY_DOCTOR")) {
            return "未签约家庭医生";
        }
        if (indicator.contains("CHRONIC")) {
            return "慢病证待办";
        }
        return "未达标";
    }

    private static JsonNode housing(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return MAPPER.readTree(json);
        } catch (java.io.IOException unreadable) {
            return null;
        }
    }
}
