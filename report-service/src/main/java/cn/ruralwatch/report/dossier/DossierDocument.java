package cn.ruralwatch.report.dossier;

import static cn.ruralwatch.report.format.Labels.of;

import cn.ruralwatch.report.format.Figures;
import cn.ruralwatch.report.format.HouseholdNames;
import cn.ruralwatch.report.format.Labels;
import cn.ruralwatch.report.format.OfficialDocument;
import cn.ruralwatch.report.format.OfficialDocument.Align;
import cn.ruralwatch.time.ChinaTime;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A household's dossier (一户一册) as a Word document laid out as the suite's official documents are
 * ({@link OfficialDocument}): the title "丁县一镇大梳村程海源户一户一册", then 一、家庭基本情况 (facts and yearly incomes),
 * 二、家庭成员, 三、监测帮扶历程 (episodes, identification and risk-elimination reviews step by step), 四、帮扶措施,
 * 五、享受政策和收益 (benefits, PV revenue shares and microcredit interest subsidies with amounts and a total),
 * 六、帮扶责任人和走访记录, and the day it was drawn. Codes are written in words ({@link Labels}), amounts with two
 * decimals and dates as documents write them ({@link Figures}); personal numbers as the owning service showed them.
 */
public final class DossierDocument {

    private static final List<String> SECTIONS =
            List.of("一、家庭基本情况", "二、家庭成员", "三、监测帮扶历程", "四、帮扶措施", "五、享受政策和收益", "六、帮扶责任人和走访记录");

    private DossierDocument() {}

    /** 丁县一镇大梳村程海源户一户一册. */
    public static String title(Dossier dossier) {
        return HouseholdNames.inSentence(
                        dossier.headName(),
                        dossier.place().county() + dossier.place().township(),
                        dossier.place().village())
                + "一户一册";
    }

    public static byte[] write(Dossier dossier) {
        OfficialDocument document = OfficialDocument.titled(title(dossier));
        facts(document, dossier);
        members(document, dossier);
        monitoring(document, dossier);
        measures(document, dossier);
        benefits(document, dossier);
        cadres(document, dossier);
        document.text("生成日期：" + Figures.chineseDate(dossier.generatedOn())
                + "（北京时间）。本册根据生成时系统中的农户、家庭成员、监测帮扶、帮扶措施、到户帮扶和走访记录生成。");
        return document.toDocx();
    }

    private static void facts(OfficialDocument document, Dossier dossier) {
        document.heading(1, SECTIONS.get(0));
        JsonNode h = dossier.household();
        JsonNode a = h.path("attributes");
        JsonNode monitoring = h.path("monitoring");
        int members = h.path("memberCount").asInt();
        int registered = h.path("members").size();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(
                "户主",
                HouseholdNames.head(dossier.headName()),
                "家庭人口",
                "在户" + members + "人" + (registered > members ? "（登记成员" + registered + "人）" : "")));
        rows.add(List.of("所在地", dossier.place().full(), "家庭住址", text(a, "address")));
        rows.add(List.of("联系电话", text(a, "phone"), "户状态", of(Labels.HOUSEHOLD_STATUS, text(h, "status"))));
        rows.add(List.of("户类型", povertyStatus(a), "监测对象", monitoringNow(monitoring)));
        rows.add(List.of("低保户", yesNo(a.path("minimumLiving")), "特困供养户", yesNo(a.path("extremePoverty"))));
        rows.add(List.of("残疾户", yesNo(h.path("disabledHousehold")), "易地扶贫搬迁户", yesNo(a.path("relocated"))));
        rows.add(List.of("住房安全", housing(a), "危房改造", renovation(a)));
        rows.add(List.of("饮水安全", water(h, a), "生活用电", yesNo(a.path("electricity"), "通电", "未通电")));
        rows.add(List.of(
                "电视或宽带", yesNo(a.path("tvBroadband"), "有", "无"), "通屯道路", yesNo(a.path("roadToHamlet"), "已通", "未通")));
        rows.add(List.of("特色产业", join(a.path("industries")), "专业合作社", text(a, "cooperative")));
        rows.add(List.of("人均纯收入", netIncome(h), "建档日期", date(instantDay(h, "registeredAt"))));
        table(
                document,
                List.of("项目", "情况", "项目", "情况"),
                rows,
                List.of(Align.CENTER, Align.LEFT, Align.CENTER, Align.LEFT));

        List<List<String>> incomes = new ArrayList<>();
        for (JsonNode income : h.path("incomes")) {
            incomes.add(List.of(
                    income.path("year").asText() + "年",
                    money(income, "wage"),
                    money(income, "business"),
                    money(income, "property"),
                    money(income, "transfer"),
                    money(income, "productionCosts"),
                    money(income, "netIncomePerCapita")));
        }
        if (incomes.isEmpty()) {
            document.text("尚未登记家庭收入。");
        } else {
            document.text("各年度家庭收入（元）：");
            List<Align> align = new ArrayList<>(List.of(Align.CENTER));
            align.addAll(Collections.nCopies(6, Align.RIGHT));
            table(document, List.of("年度", "工资性收入", "生产经营性收入", "财产性收入", "转移性收入", "生产经营费用", "人均纯收入"), incomes, align);
        }
    }

    private static void members(OfficialDocument document, Dossier dossier) {
        document.heading(1, SECTIONS.get(1));
        List<List<String>> identity = new ArrayList<>();
        List<List<String>> situation = new ArrayList<>();
        for (JsonNode m : dossier.household().path("members")) {
            String name = text(m, "name");
            identity.add(List.of(
                    name,
                    of(Labels.RELATION, text(m, "relation")),
                    of(Labels.SEX, text(m, "sex")),
                    date(day(m, "birthDate")),
                    text(m, "idNumber"),
                    residence(m)));
            JsonNode a = m.path("attributes");
            situation.add(List.of(
                    name,
                    of(Labels.LABOR_ABILITY, text(a, "laborAbility")),
                    health(a),
                    schooling(a),
                    insured(a),
                    employment(a)));
        }
        table(
                document,
                List.of("姓名", "与户主关系", "性别", "出生日期", "身份证号", "在户情况"),
                identity,
                List.of(Align.CENTER, Align.CENTER, Align.CENTER, Align.CENTER, Align.CENTER, Align.LEFT));
        table(
                document,
                List.of("姓名", "劳动能力", "健康状况", "学段和在校情况", "参保情况", "务工就业"),
                situation,
                List.of(Align.CENTER, Align.LEFT, Align.LEFT, Align.LEFT, Align.LEFT, Align.LEFT));
    }

    private static void monitoring(OfficialDocument document, Dossier dossier) {
        document.heading(1, SECTIONS.get(2));
        JsonNode h = dossier.household();
        List<String> episodes = new ArrayList<>();
        for (JsonNode past : h.path("pastMonitoring")) {
            episodes.add(Figures.chineseDate(
                            LocalDate.parse(past.path("identifiedOn").asText())) + "纳入监测（"
                    + of(Labels.MONITORING_CATEGORY, text(past, "category"))
                    + riskTypes(past.path("riskTypes"), "，") + "），"
                    + Figures.chineseDate(
                            LocalDate.parse(past.path("eliminatedOn").asText())) + "风险消除。");
        }
        JsonNode now = h.path("monitoring");
        if (now.isObject()) {
            LocalDate since = day(now, "monitoredSince");
            String start = since != null
                    ? Figures.chineseDate(since)
                    : now.path("identifiedYear").asText() + "年";
            LocalDate eliminated = day(now, "riskEliminatedOn");
            episodes.add(start + "纳入监测（" + of(Labels.MONITORING_CATEGORY, text(now, "category"))
                    + riskTypes(now.path("riskTypes"), "，") + "），"
                    + (eliminated != null
                            ? Figures.chineseDate(eliminated) + "风险消除。"
                            : "现" + of(Labels.RISK_STATE, text(now, "riskState")) + "。"));
        }
        if (episodes.isEmpty() && dossier.cases().isEmpty()) {
            document.text("本户未被识别为监测对象，没有识别或风险消除的审核记录。");
            return;
        }
        if (episodes.isEmpty()) {
            document.text("本户现不是监测对象。");
        }
        for (int i = 0; i < episodes.size(); i++) {
            document.text((i + 1) + "." + episodes.get(i));
        }
        int number = 1;
        for (JsonNode c : dossier.cases()) {
            LocalDate opened = instantDay(c, "openedAt");
            LocalDate decided = instantDay(c, "decidedAt");
            String status = of(Labels.CASE_STATUS, text(c, "status"));
            document.heading(
                    2,
                    "（" + chineseNumber(number++) + "）" + of(Labels.CASE_KIND, text(c, "kind")) + "（"
                            + of(Labels.MONITORING_CATEGORY, text(c, "category"))
                            + riskTypes(c.path("riskTypes"), "，") + "）");
            document.text(
                    Figures.chineseDate(opened) + "启动" + (c.path("reason").isTextual() ? "，" + text(c, "reason") : "")
                            + "；" + status + (decided != null ? "（" + Figures.chineseDate(decided) + "）" : "") + "。");
            List<List<String>> steps = new ArrayList<>();
            for (JsonNode step : c.path("steps")) {
                String note = text(step, "note");
                LocalDate from = day(step, "noticeFrom");
                LocalDate to = day(step, "noticeTo");
                if (from != null && to != null) {
                    note = "公示" + Figures.chineseDate(from) + "至" + Figures.chineseDate(to)
                            + (note.isEmpty() ? "" : "；" + note);
                }
                steps.add(List.of(
                        of(Labels.REVIEW_STEP, text(step, "step")),
                        date(day(step, "performedOn")),
                        of(Labels.STEP_OUTCOME, text(step, "outcome")),
                        note));
            }
            if (!steps.isEmpty()) {
                table(
                        document,
                        List.of("环节", "办理日期", "结果", "情况说明"),
                        steps,
                        List.of(Align.CENTER, Align.CENTER, Align.CENTER, Align.LEFT));
            }
        }
    }

    private static void measures(OfficialDocument document, Dossier dossier) {
        document.heading(1, SECTIONS.get(3));
        if (dossier.measures().isEmpty()) {
            document.text("尚未录入帮扶措施。");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode m : dossier.measures()) {
            List<String> cadres = new ArrayList<>();
            for (JsonNode cadre : m.path("responsibleCadres")) {
                String role = (text(cadre, "organisation") + " " + text(cadre, "position")).strip();
                cadres.add(text(cadre, "name") + (role.isEmpty() ? "" : "（" + role + "）"));
            }
            rows.add(List.of(
                    of(Labels.MEASURE_TYPE, text(m, "type")),
                    text(m, "description"),
                    period(day(m, "startedOn"), day(m, "endedOn")),
                    m.path("amount").isNull() || m.path("amount").isMissingNode() ? "" : money(m, "amount"),
                    String.join("、", cadres)));
        }
        table(
                document,
                List.of("类型", "措施内容", "起止日期", "金额（元）", "帮扶责任人"),
                rows,
                List.of(Align.CENTER, Align.LEFT, Align.CENTER, Align.RIGHT, Align.LEFT));
    }

    private static void benefits(OfficialDocument document, Dossier dossier) {
        document.heading(1, SECTIONS.get(4));
        Map<String, String> names = memberNames(dossier.household());
        List<List<String>> rows = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal pv = BigDecimal.ZERO;
        for (JsonNode b : dossier.benefits()) {
            BigDecimal amount = new BigDecimal(b.path("amount").asText("0"));
            total = total.add(amount);
            if ("PV_REWARD".equals(text(b, "kind"))) {
                pv = pv.add(amount);
            }
            rows.add(List.of(
                    b.path("year").asText() + "年",
                    of(Labels.BENEFIT_KIND, text(b, "kind")),
                    names.getOrDefault(text(b, "memberId"), "全户"),
                    Figures.yuan(amount),
                    date(day(b, "grantedOn")),
                    text(b, "description")));
        }
        List<String> loans = new ArrayList<>();
        for (JsonNode loan : dossier.loans()) {
            String borrower = names.getOrDefault(text(loan, "borrowerMemberId"), "");
            String terms = "贷款" + money(loan, "principal") + "元，" + text(loan, "bank") + "，"
                    + Figures.chineseDate(LocalDate.parse(text(loan, "disbursedOn"))) + "放款，"
                    + (loan.path("repaidOn").isTextual()
                            ? Figures.chineseDate(LocalDate.parse(text(loan, "repaidOn"))) + "还清"
                            : "到期日" + Figures.chineseDate(LocalDate.parse(text(loan, "dueOn"))) + "，"
                                    + of(Labels.LOAN_STATUS, text(loan, "status")));
            loans.add(borrower + terms);
            var years = loan.path("interestSubsidyByYear").fields();
            while (years.hasNext()) {
                var year = years.next();
                BigDecimal amount = new BigDecimal(year.getValue().asText("0"));
                total = total.add(amount);
                rows.add(List.of(
                        year.getKey() + "年",
                        of(Labels.BENEFIT_KIND, "MICROCREDIT_INTEREST_SUBSIDY"),
                        borrower,
                        Figures.yuan(amount),
                        "",
                        "贷款" + money(loan, "principal") + "元当年贴息"));
            }
        }
        if (rows.isEmpty()) {
            document.text("未查到本户享受到户帮扶、光伏收益和小额信贷贴息的记录。");
            return;
        }
        rows.sort(Comparator.comparing(List::getFirst));
        document.text("共" + rows.size() + "笔，合计" + Figures.yuan(total) + "元"
                + (pv.signum() > 0 ? "，其中光伏收益奖励补助" + Figures.yuan(pv) + "元" : "") + "。");
        rows.add(List.of("合计", "", "", Figures.yuan(total), "", ""));
        table(
                document,
                List.of("年度", "项目", "享受人", "金额（元）", "兑现日期", "说明"),
                rows,
                List.of(Align.CENTER, Align.CENTER, Align.CENTER, Align.RIGHT, Align.CENTER, Align.LEFT),
                1);
        for (int i = 0; i < loans.size(); i++) {
            document.text("小额信贷" + (loans.size() > 1 ? (i + 1) : "") + "：" + loans.get(i) + "。");
        }
    }

    private static void cadres(OfficialDocument document, Dossier dossier) {
        document.heading(1, SECTIONS.get(5));
        document.heading(2, "（一）帮扶责任人");
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode assignment : dossier.cadres().path("history")) {
            JsonNode cadre = dossier.roster().get(UUID.fromString(text(assignment, "cadreId")));
            String unit = cadre == null ? "" : (text(cadre, "unit") + " " + text(cadre, "position")).strip();
            LocalDate ends = day(assignment, "endsOn");
            rows.add(List.of(
                    of(Labels.CADRE_KIND, text(assignment, "kind")),
                    text(assignment, "cadreName"),
                    unit,
                    cadre == null ? "" : text(cadre, "phone"),
                    period(day(assignment, "startsOn"), ends),
                    assignment.path("current").asBoolean()
                            ? "现结对"
                            : of(Labels.ASSIGNMENT_END, text(assignment, "endReason"))));
        }
        if (rows.isEmpty()) {
            document.text("尚未确定帮扶责任人。");
        } else {
            table(
                    document,
                    List.of("类别", "姓名", "工作单位和职务", "联系电话", "结对时间", "结对情况"),
                    rows,
                    List.of(Align.CENTER, Align.CENTER, Align.LEFT, Align.CENTER, Align.CENTER, Align.CENTER));
        }
        document.heading(2, "（二）走访记录");
        List<List<String>> visits = new ArrayList<>();
        for (JsonNode visit : dossier.visits()) {
            visits.add(List.of(date(day(visit, "visitedOn")), text(visit, "cadreName"), text(visit, "note")));
        }
        if (visits.isEmpty()) {
            document.text("尚无走访记录。");
        } else {
            document.text("共走访" + visits.size() + "次，最近一次" + visits.getLast().getFirst() + "。");
            table(document, List.of("走访日期", "走访人", "走访情况"), visits, List.of(Align.CENTER, Align.CENTER, Align.LEFT));
        }
    }

    /** The dossier's tables are set in 五号: they hold ID numbers, dates and amounts side by side. */
    private static void table(
            OfficialDocument document, List<String> header, List<List<String>> rows, List<Align> alignments) {
        table(document, header, rows, alignments, 0);
    }

    private static void table(
            OfficialDocument document,
            List<String> header,
            List<List<String>> rows,
            List<Align> alignments,
            int boldRowsAtEnd) {
        document.table(header, rows, alignments, boldRowsAtEnd, OfficialDocument.SMALL_TABLE_SIZE);
    }

    private static String povertyStatus(JsonNode a) {
        String status = of(Labels.POVERTY_STATUS, text(a, "povertyStatus"));
        if (a.path("exitYear").isInt()) {
            status += "（" + a.path("exitYear").asInt() + "年脱贫）";
        }
        return status.isEmpty() ? "未登记" : status;
    }

    private static String monitoringNow(JsonNode monitoring) {
        if (!monitoring.isObject()) {
            return "否";
        }
        return of(Labels.MONITORING_CATEGORY, text(monitoring, "category")) + "，"
                + monitoring.path("identifiedYear").asText() + "年识别，"
                + of(Labels.RISK_STATE, text(monitoring, "riskState"));
    }

    private static String housing(JsonNode a) {
        if (a.path("noHouse").asBoolean(false)) {
            return "无房";
        }
        String grade = a.path("housingSafetyGrade").isTextual() ? text(a, "housingSafetyGrade") + "级" : "未鉴定";
        return a.path("housingAreaPerCapita").isNumber()
                ? grade + "，人均" + Figures.decimal(a.path("housingAreaPerCapita").decimalValue(), 2) + "平方米"
                : grade;
    }

    private static String renovation(JsonNode a) {
        String status = of(Labels.HOUSING_RENOVATION, text(a, "housingRenovation"));
        List<String> details = new ArrayList<>();
        if (a.path("renovationMethod").isTextual()) {
            details.add(of(Labels.RENOVATION_METHOD, text(a, "renovationMethod")));
        }
        if (a.path("renovationYear").isInt()) {
            details.add(a.path("renovationYear").asInt() + "年");
        }
        if (a.path("renovationStage").isTextual()) {
            details.add(of(Labels.RENOVATION_STAGE, text(a, "renovationStage")));
        }
        if (a.path("renovationProgress").isTextual()) {
            details.add(text(a, "renovationProgress"));
        }
        String text = status + (details.isEmpty() ? "" : "（" + String.join("，", details) + "）");
        return text.isEmpty() ? "未登记" : text;
    }

    private static String water(JsonNode h, JsonNode a) {
        JsonNode water = a.path("drinkingWater");
        if (!water.isObject()) {
            return "未核实";
        }
        if (h.path("drinkingWaterSecured").asBoolean()) {
            return "安全";
        }
        List<String> unmet = new ArrayList<>();
        Map<String, String> parts =
                Map.of("quantity", "水量", "quality", "水质", "convenience", "用水方便", "supplyGuarantee", "供水保证率");
        for (String part : List.of("quantity", "quality", "convenience", "supplyGuarantee")) {
            if (!water.path(part).asBoolean(false)) {
                unmet.add(parts.get(part));
            }
        }
        return "未达标（" + String.join("、", unmet) + "）";
    }

    private static String netIncome(JsonNode h) {
        JsonNode incomes = h.path("incomes");
        if (!h.path("netIncomePerCapita").isNumber()) {
            return "未登记";
        }
        int latest = 0;
        for (JsonNode income : incomes) {
            latest = Math.max(latest, income.path("year").asInt());
        }
        return Figures.yuan(h.path("netIncomePerCapita").decimalValue()) + "元"
                + (latest > 0 ? "（" + latest + "年）" : "");
    }

    /** 在户, or how and when the member joined and left: 2022年5月1日出生；2020年3月15日死亡. */
    private static String residence(JsonNode m) {
        List<String> parts = new ArrayList<>();
        String joined = text(m, "joinedBy");
        if (!joined.isEmpty() && !"REGISTRATION".equals(joined)) {
            parts.add(date(day(m, "joinedOn")) + of(Labels.MEMBER_CHANGE, joined));
        }
        if ("REMOVED".equals(text(m, "status"))) {
            parts.add(date(day(m, "leftOn")) + of(Labels.MEMBER_CHANGE, text(m, "leftBy")) + "，已减员");
        } else {
            parts.addFirst("在户");
        }
        return String.join("；", parts);
    }

    private static String health(JsonNode a) {
        String health = of(Labels.HEALTH, text(a, "health"));
        return a.path("disabilityGrade").isInt()
                ? health + "（" + a.path("disabilityGrade").asInt() + "级）"
                : health;
    }

    private static String schooling(JsonNode a) {
        String stage = of(Labels.EDUCATION_STAGE, text(a, "educationStage"));
        // a grown-up's stage is what they reached: "不在校" says nothing more
        String code = text(a, "schoolingStatus");
        String status = "NOT_IN_SCHOOL".equals(code) ? "" : of(Labels.SCHOOLING_STATUS, code);
        if (status.isEmpty()) {
            return stage;
        }
        return stage.isEmpty() ? status : stage + "（" + status + "）";
    }

    /** 医保已参保，养老已领取养老金; the reason beside one not insured. */
    private static String insured(JsonNode a) {
        String medical = insurance(a, "medicalInsurance", Labels.MEDICAL_INSURANCE, "medicalInsuranceExemption");
        String pension = insurance(a, "pensionInsurance", Labels.PENSION_INSURANCE, "pensionInsuranceExemption");
        List<String> parts = new ArrayList<>();
        if (!medical.isEmpty()) {
            parts.add("医保" + medical);
        }
        if (!pension.isEmpty()) {
            parts.add("养老" + pension);
        }
        return String.join("，", parts);
    }

    private static String insurance(JsonNode a, String field, Map<String, String> labels, String exemption) {
        String state = of(labels, text(a, field));
        return a.path(exemption).isTextual()
                ? state + "（" + of(Labels.INSURANCE_EXEMPTION, text(a, exemption)) + "）"
                : state;
    }

    /** 外出务工（省外）8个月，月收入3500.00元. */
    private static String employment(JsonNode a) {
        if (!a.path("employmentLocation").isTextual()
                && !a.path("employmentKind").isTextual()) {
            return "";
        }
        String kind =
                a.path("employmentKind").isTextual() ? of(Labels.EMPLOYMENT_KIND, text(a, "employmentKind")) : "务工";
        String text = kind
                + (a.path("employmentLocation").isTextual()
                        ? "（" + of(Labels.EMPLOYMENT_LOCATION, text(a, "employmentLocation")) + "）"
                        : "");
        if (a.path("employmentMonths").isInt()) {
            text += a.path("employmentMonths").asInt() + "个月";
        }
        if (a.path("employmentMonthlyIncome").isNumber()) {
            text += "，月收入" + Figures.yuan(a.path("employmentMonthlyIncome").decimalValue()) + "元";
        }
        return text;
    }

    private static Map<String, String> memberNames(JsonNode household) {
        Map<String, String> names = new HashMap<>();
        household.path("members").forEach(m -> names.put(text(m, "id"), text(m, "name")));
        return names;
    }

    /** "，因病、因学" (with the given lead), or "" without risk types. */
    private static String riskTypes(JsonNode types, String lead) {
        List<String> labels = new ArrayList<>();
        types.forEach(t -> labels.add(of(Labels.RISK_TYPE, t.asText())));
        return labels.isEmpty() ? "" : lead + String.join("、", labels);
    }

    private static String period(LocalDate from, LocalDate to) {
        if (from == null) {
            return "";
        }
        return to == null ? Figures.chineseDate(from) + "起" : Figures.chineseDate(from) + "至" + Figures.chineseDate(to);
    }

    private static String chineseNumber(int n) {
        String[] digits = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
        if (n < 10) {
            return digits[n];
        }
        return (n / 10 == 1 ? "" : digits[n / 10]) + "十" + digits[n % 10];
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? "" : value.asText();
    }

    private static String join(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return String.join("、", values);
    }

    private static String yesNo(JsonNode value) {
        return yesNo(value, "是", "否");
    }

    private static String yesNo(JsonNode value, String yes, String no) {
        return value.isBoolean() ? (value.asBoolean() ? yes : no) : "未核实";
    }

    private static String money(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? "" : Figures.yuan(new BigDecimal(value.asText()));
    }

    private static LocalDate day(JsonNode node, String field) {
        return node.path(field).isTextual() ? LocalDate.parse(node.path(field).asText()) : null;
    }

    /** The day in China of an instant field. */
    private static LocalDate instantDay(JsonNode node, String field) {
        return node.path(field).isTextual()
                ? LocalDate.ofInstant(Instant.parse(node.path(field).asText()), ChinaTime.ZONE)
                : null;
    }

    private static String date(LocalDate day) {
        return day == null ? "" : Figures.chineseDate(day);
    }
}
