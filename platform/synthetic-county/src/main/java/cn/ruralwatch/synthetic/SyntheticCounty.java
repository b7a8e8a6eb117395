package cn.ruralwatch.synthetic;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A county of made-up households, written as the suite's import files: the division table (县 → 乡镇 → 行政村, for
 * {@code POST /api/v1/divisions/import}) and the household file (one row per member, for
 * {@code POST /api/v1/household-imports}).
 *
 * <p>The same settings always give the same county. Its shape follows what monitoring work sees in a county of the
 * hilly south-west: about four members per household (one to seven), heads aged 28–80 with spouse, children,
 * grandchildren and parents by age; labour ability, health (a few serious illnesses and disabilities), schooling and
 * insurance by age; migrant work for about half of the working-age labourers; a third of the households former poor
 * households (脱贫户); per-capita net incomes spread around the monitoring line, about one household in ten under
 * 9,000 yuan; and about one household in twenty a monitoring object (监测对象) with its category, risk types and state.
 * ID numbers carry the county code, the birth date and a valid check digit, and are unique.
 *
 * <p>Run as {@code java -jar synthetic-county.jar --county 450422 --households 100000 --seed 1 --out DIR}; ages are
 * counted to {@code --as-of} (default today), and the incomes are those of the year before.
 */
public final class SyntheticCounty {

    /** The columns of the household file, as the import reads them. */
    public static final List<String> HOUSEHOLD_COLUMNS = List.of(
            "户编号",
            "行政村代码",
            "姓名",
            "证件号码",
            "与户主关系",
            "劳动能力",
            "健康状况",
            "残疾等级",
            "文化程度",
            "在校状况",
            "就读地点",
            "医疗保险",
            "养老保险",
            "现役军人",
            "务工地点",
            "务工月数",
            "务工月收入",
            "就业类型",
            "农业户籍",
            "慢病证",
            "家庭医生签约",
            "家庭住址",
            "联系电话",
            "贫困户状态",
            "脱贫年度",
            "低保户",
            "特困供养户",
            "住房安全等级",
            "人均住房面积",
            "危房改造",
            "水量达标",
            "水质达标",
            "用水方便",
            "供水保证率达标",
            "通生活用电",
            "能看电视或通宽带",
            "通屯道路",
            "特色产业",
            "监测对象类别",
            "风险类型",
            "风险状态",
            "识别年度",
            "纳入监测日期",
            "有电视机",
            "有电脑",
            "有智能手机",
            "改造方式",
            "改造计划年度",
            "改造进度",
            "改造进度说明",
            "易地扶贫搬迁户",
            "收入年度",
            "工资性收入",
            "生产经营性收入",
            "财产性收入",
            "转移性收入",
            "生产经营费用");

    private static final String[] SURNAMES = {
        "韦", "黄", "覃", "蒙", "陆", "莫", "梁", "罗", "蓝", "李", "陈", "农", "廖", "潘", "卢", "谢", "周", "吴", "杨", "何"
    };
    private static final String[] GIVEN = {
        "建", "国", "华", "明", "秀", "英", "志", "强", "丽", "芳", "文", "海", "春", "梅", "金", "桂", "兰", "红", "永",
        "德", "光", "玉", "美", "云", "家", "宝", "成", "荣", "平", "安", "新", "福", "庆", "凤", "燕", "军", "林", "勇"
    };
    private static final String[] TOWNSHIP_NAMES = {"城厢", "凤阁", "六堡", "古竹", "大坡", "岭脚", "石桥", "那坡", "长安", "平福"};
    private static final String[] VILLAGE_NAMES = {
        "那勒", "平安", "东风", "新村", "六合", "大塘", "古岭", "石门", "龙口", "福禄", "上林", "下坝", "江口", "高岭", "白石", "红光"
    };
    private static final String[] INDUSTRIES = {"桑蚕", "肉牛", "茶叶", "沙糖桔", "百香果", "生猪", "林下鸡", "中药材"};
    private static final String[] RISKS = {
        "因病", "因病", "因病", "因残", "因学", "因意外事故", "因务工就业不稳", "因务工就业不稳", "因产业项目失败", "因灾", "住房安全", "饮水安全"
    };
    /** The columns {@code memberColumns} writes, after 户编号, 行政村代码, 姓名, 证件号码 and 与户主关系. */
    private static final List<String> MEMBER_COLUMNS =
            HOUSEHOLD_COLUMNS.subList(5, HOUSEHOLD_COLUMNS.indexOf("务工月收入") + 1);
    /** Where the household's columns start in a row. */
    private static final int FIRST_HOUSEHOLD_COLUMN = HOUSEHOLD_COLUMNS.indexOf("家庭住址");

    private static final DateTimeFormatter BIRTH = DateTimeFormatter.BASIC_ISO_DATE;
    private static final int HOUSEHOLDS_PER_VILLAGE = 250;
    private static final int VILLAGES_PER_TOWNSHIP = 15;

    /**
     * What county to make.
     *
     * @param countyCode six digits; the area code of every ID number
     * @param households how many households
     * @param seed the same seed gives the same county
     * @param incomeYear the year of the incomes recorded
     * @param asOf the day ages are counted to (nobody is born after it)
     */
    public record Settings(
            String countyCode, String countyName, int households, long seed, int incomeYear, LocalDate asOf) {

        public Settings {
            if (!countyCode.matches("[0-9]{6}")) {
                throw new IllegalArgumentException("county code must be 6 digits: " + countyCode);
            }
            if (households < 1) {
                throw new IllegalArgumentException("households must be positive: " + households);
            }
        }

        public static Settings of(String countyCode, int households, long seed) {
            LocalDate today = LocalDate.now();
            return new Settings(countyCode, "示范县", households, seed, today.getYear() - 1, today);
        }

        public int villages() {
            return Math.max(1, (households + HOUSEHOLDS_PER_VILLAGE - 1) / HOUSEHOLDS_PER_VILLAGE);
        }

        public int townships() {
            return Math.max(1, (villages() + VILLAGES_PER_TOWNSHIP - 1) / VILLAGES_PER_TOWNSHIP);
        }

        /** The code of the n-th village (from 0): township 101…, village 201… within it. */
        public String villageCode(int n) {
            return townshipCode(n / VILLAGES_PER_TOWNSHIP) + (201 + n % VILLAGES_PER_TOWNSHIP);
        }

        public String townshipCode(int n) {
            return countyCode + (101 + n);
        }
    }

    /** What was written: households, member rows and monitoring objects. */
    public record Written(int households, int members, int monitored) {}

    private final Settings settings;

    public SyntheticCounty(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        if (args.length % 2 != 0 || !options.containsKey("out")) {
            System.err.println("usage: java -jar synthetic-county.jar [--county 450422] [--households 10000] [--seed 1]"
                    + " [--as-of YYYY-MM-DD] --out DIR");
            System.exit(2);
        }
        LocalDate asOf =
                LocalDate.parse(options.getOrDefault("as-of", LocalDate.now().toString()));
        Settings settings = new Settings(
                options.getOrDefault("county", "450422"),
                "示范县",
                Integer.parseInt(options.getOrDefault("households", "10000")),
                Long.parseLong(options.getOrDefault("seed", "1")),
                asOf.getYear() - 1,
                asOf);
        Path out = Path.of(options.get("out"));
        Files.createDirectories(out);
        SyntheticCounty county = new SyntheticCounty(settings);
        try (Writer divisions = Files.newBufferedWriter(out.resolve("divisions.csv"), StandardCharsets.UTF_8)) {
            county.writeDivisions(divisions);
        }
        Written written;
        try (Writer households = Files.newBufferedWriter(out.resolve("households.csv"), StandardCharsets.UTF_8)) {
            written = county.writeHouseholds(households);
        }
        System.out.printf(
                "county %s: %d townships, %d villages, %d households, %d members, %d monitoring objects → %s%n",
                settings.countyCode(),
                settings.townships(),
                settings.villages(),
                written.households(),
                written.members(),
                written.monitored(),
                out.toAbsolutePath());
    }

    /** The division table: the county, its townships and villages. */
    public void writeDivisions(Writer out) {
        try {
            out.write("区划代码,名称,层级,上级代码\n");
            out.write(settings.countyCode() + "," + settings.countyName() + ",县,\n");
            for (int t = 0; t < settings.townships(); t++) {
                out.write(settings.townshipCode(t) + "," + TOWNSHIP_NAMES[t % TOWNSHIP_NAMES.length]
                        + (t < TOWNSHIP_NAMES.length ? "" : String.valueOf(t / TOWNSHIP_NAMES.length + 1)) + "镇,乡镇,"
                        + settings.countyCode() + "\n");
            }
            for (int v = 0; v < settings.villages(); v++) {
                out.write(settings.villageCode(v) + "," + VILLAGE_NAMES[v % VILLAGE_NAMES.length]
                        + (v < VILLAGE_NAMES.length ? "" : String.valueOf(v / VILLAGE_NAMES.length + 1)) + "村,行政村,"
                        + settings.townshipCode(v / VILLAGES_PER_TOWNSHIP) + "\n");
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The household file: a header, then one row per member, the households numbered H000001… */
    public Written writeHouseholds(Writer target) {
        SplittableRandom random = new SplittableRandom(settings.seed());
        Map<LocalDate, int[]> serials = new HashMap<>();
        int members = 0;
        int monitored = 0;
        try {
            BufferedWriter out = target instanceof BufferedWriter b ? b : new BufferedWriter(target, 1 << 16);
            out.write(String.join(",", HOUSEHOLD_COLUMNS));
            out.write('\n');
            for (int h = 0; h < settings.households(); h++) {
                Household household = household(h, random, serials);
                members += household.rows.size();
                monitored += household.monitored ? 1 : 0;
                for (List<String> row : household.rows) {
                    out.write(String.join(",", row));
                    out.write('\n');
                }
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Written(settings.households(), members, monitored);
    }

    private record Person(String name, String idNumber, String relation, int age, boolean male) {}

    private record Household(List<List<String>> rows, boolean monitored) {}

    private Household household(int index, SplittableRandom random, Map<LocalDate, int[]> serials) {
        String reference = "H%06d".formatted(index + 1);
        String village = settings.villageCode(index % settings.villages());
        String surname = pick(random, SURNAMES);
        int size = weighted(random, new int[] {1, 2, 3, 4, 5, 6, 7}, new int[] {8, 15, 20, 25, 18, 10, 4});
        List<Person> people = new ArrayList<>();
        int headAge = 28 + random.nextInt(53);
        boolean headMale = random.nextInt(100) < 82;
        people.add(person(surname, "户主", headAge, headMale, random, serials));
        if (size > 1 && random.nextInt(100) < 88) {
            int age = Math.max(20, headAge + random.nextInt(-5, 6));
            people.add(person(pick(random, SURNAMES), "配偶", age, !headMale, random, serials));
        }
        while (people.size() < size) {
            int slot = people.size();
            if (headAge < 50 && slot == size - 1 && random.nextInt(100) < 40) {
                int age = Math.min(100, headAge + 24 + random.nextInt(10));
                boolean male = random.nextBoolean();
                people.add(person(
                        male ? surname : pick(random, SURNAMES), male ? "之父" : "之母", age, male, random, serials));
            } else if (headAge >= 55 && slot >= 3 && random.nextInt(100) < 70) {
                boolean male = random.nextBoolean();
                people.add(person(surname, male ? "之孙子" : "之孙女", random.nextInt(1, 18), male, random, serials));
            } else {
                boolean male = random.nextBoolean();
                int age = Math.max(0, headAge - 22 - random.nextInt(14));
                people.add(person(surname, male ? "之子" : "之女", age, male, random, serials));
            }
        }
        boolean exited = random.nextInt(100) < 33;
        boolean monitored = random.nextInt(100) < 5;
        int perCapita = perCapitaIncome(random, monitored);
        List<String> household = householdColumns(index, village, surname, exited, monitored, random);
        // the facts the reports count come from a stream of their own, so that the rest of the county stays as it was
        SplittableRandom facts = new SplittableRandom(settings.seed() ^ (0x9E3779B97F4A7C15L * (index + 1)));
        boolean agricultural = facts.nextInt(100) < 95;
        List<String> householdFacts =
                householdFacts(household.get(HOUSEHOLD_COLUMNS.indexOf("危房改造") - FIRST_HOUSEHOLD_COLUMN), facts);
        BigDecimal total = BigDecimal.valueOf((long) perCapita * people.size());
        BigDecimal costs = total.multiply(BigDecimal.valueOf(0.08)).setScale(2, RoundingMode.HALF_UP);
        BigDecimal gross = total.add(costs);
        BigDecimal wage = share(gross, 0.58);
        BigDecimal business = share(gross, 0.24);
        BigDecimal property = share(gross, 0.03);
        BigDecimal transfer = gross.subtract(wage).subtract(business).subtract(property);
        List<String> incomes = List.of(
                String.valueOf(settings.incomeYear()),
                wage.toPlainString(),
                business.toPlainString(),
                property.toPlainString(),
                transfer.toPlainString(),
                costs.toPlainString());
        List<List<String>> rows = new ArrayList<>();
        for (Person p : people) {
            List<String> row = new ArrayList<>(HOUSEHOLD_COLUMNS.size());
            row.add(reference);
            row.add(village);
            row.add(p.name);
            row.add(p.idNumber);
            row.add(p.relation);
            row.addAll(memberFacts(memberColumns(p, random), exited || monitored, agricultural, facts));
            row.addAll(household);
            row.addAll(householdFacts);
            row.addAll(incomes);
            rows.add(row);
        }
        return new Household(rows, monitored);
    }

    private List<String> memberColumns(Person p, SplittableRandom random) {
        int age = p.age;
        String labour;
        if (age < 16) {
            labour = "无劳动力";
        } else if (age < 60) {
            labour = weighted(random, new String[] {"普通劳动力", "技能劳动力", "弱劳动力或半劳动力", "丧失劳动力"}, new int[] {60, 25, 10, 5});
        } else {
            labour = weighted(random, new String[] {"普通劳动力", "弱劳动力或半劳动力", "丧失劳动力", "无劳动力"}, new int[] {15, 45, 15, 25});
        }
        String health = weighted(
                random,
                new String[] {"健康", "长期慢性病", "患有大病", "残疾"},
                age < 60 ? new int[] {88, 6, 3, 3} : new int[] {65, 22, 7, 6});
        String grade = health.equals("残疾") ? String.valueOf(random.nextInt(1, 5)) : "";
        String education;
        String schooling;
        String schoolLocation = "";
        if (age < 6) {
            education = age >= 3 ? "学前教育" : "未上学";
            schooling = age >= 3 ? "在校" : "不在校";
            schoolLocation = age >= 3 ? "县内" : "";
        } else if (age < 18) {
            education = age < 12 ? "小学" : age < 15 ? "初中" : "高中或中职";
            schooling = "在校";
            schoolLocation = random.nextInt(100) < 90 ? "县内" : "县外";
        } else if (age < 22 && random.nextInt(100) < 35) {
            education = "大专及以上";
            schooling = "在校";
            schoolLocation = "县外";
        } else {
            education = weighted(
                    random,
                    new String[] {"未上学", "小学", "初中", "高中或中职", "大专及以上"},
                    age > 60 ? new int[] {25, 50, 20, 5, 0} : new int[] {2, 20, 50, 20, 8});
            schooling = "不在校";
        }
        String medical = random.nextInt(1000) < 985 ? "已参保" : "未参保";
        String pension = age < 16 || schooling.equals("在校")
                ? ""
                : age >= 60 ? "已领取养老金" : random.nextInt(100) < 88 ? "已参保" : "未参保";
        String location = "";
        String months = "";
        String monthly = "";
        boolean labourer = labour.equals("普通劳动力") || labour.equals("技能劳动力");
        if (labourer && schooling.equals("不在校") && age < 60 && random.nextInt(100) < 55) {
            location = weighted(random, new String[] {"县内", "县外省内", "省外"}, new int[] {30, 35, 35});
            months = String.valueOf(random.nextInt(4, 13));
            monthly = String.valueOf(2200 + random.nextInt(45) * 100);
        }
        return List.of(
                labour,
                health,
                grade,
                education,
                schooling,
                schoolLocation,
                medical,
                pension,
                "否",
                location,
                months,
                monthly);
    }

    /**
     * A member's columns with the facts the reports count: the kind of work by its place, 农业户籍 (the household's
     * unless one in a hundred), 慢病证 by health, 家庭医生签约 (nearly all poor and monitored people), and most of those
     * not insured for their pension entered in the system all the same (seed 000: 2070 of 2080 entered, 1810 insured).
     */
    private static List<String> memberFacts(
            List<String> columns, boolean poor, boolean agricultural, SplittableRandom facts) {
        List<String> member = new ArrayList<>(columns);
        int pension = MEMBER_COLUMNS.indexOf("养老保险");
        if (member.get(pension).equals("未参保") && facts.nextInt(100) < 96) {
            member.set(pension, "已录入未参保");
        }
        String location = member.get(MEMBER_COLUMNS.indexOf("务工地点"));
        String kind = location.isEmpty()
                ? ""
                : location.equals("县内")
                        ? weighted(facts, new String[] {"就近就业", "公益性岗位", "自主创业", "外出务工"}, new int[] {50, 10, 15, 25})
                        : weighted(facts, new String[] {"外出务工", "自主创业"}, new int[] {92, 8});
        String health = member.get(MEMBER_COLUMNS.indexOf("健康状况"));
        String certificate =
                switch (health) {
                    case "长期慢性病" -> weighted(facts, new String[] {"已办", "待办", "未办"}, new int[] {75, 15, 10});
                    case "患有大病" -> weighted(facts, new String[] {"已办", "待办", "未办"}, new int[] {40, 10, 50});
                    case "残疾" -> weighted(facts, new String[] {"已办", "未办"}, new int[] {10, 90});
                    default -> "未办";
                };
        member.add(kind);
        boolean unlikeTheHousehold = facts.nextInt(100) == 0;
        member.add(agricultural != unlikeTheHousehold ? "是" : "否");
        member.add(certificate);
        member.add(facts.nextInt(100) < (poor ? 97 : 45) ? "是" : "否");
        return member;
    }

    /**
     * A household's devices (seed 000: of 7587 households 6129 with a television, 713 with a computer, 6047 with a
     * smartphone) and its renovation's plan and stage, agreeing with its renovation status.
     */
    private List<String> householdFacts(String renovation, SplittableRandom facts) {
        int year = settings.asOf().getYear();
        List<String> columns = new ArrayList<>();
        columns.add(facts.nextInt(100) < 81 ? "是" : "否");
        columns.add(facts.nextInt(100) < 9 ? "是" : "否");
        columns.add(facts.nextInt(100) < 80 ? "是" : "否");
        String method = renovation.equals("无需改造")
                ? ""
                : weighted(facts, new String[] {"新建", "维修加固", "扩建", "购置", "易地扶贫搬迁"}, new int[] {60, 20, 12, 3, 5});
        String stage =
                switch (renovation) {
                    case "改造中" -> pick(facts, new String[] {"已挖地基", "已倒桩", "已倒地基", "已倒地梁", "已倒柱", "已倒楼面"});
                    case "已完成改造" -> "已完成";
                    default -> "";
                };
        columns.add(method);
        columns.add(
                method.isEmpty() ? "" : String.valueOf(renovation.equals("已完成改造") ? year - facts.nextInt(5) : year));
        columns.add(stage);
        columns.add(renovation.equals("改造中") ? stage + "，年底前完工" : "");
        columns.add(method.equals("易地扶贫搬迁") ? "是" : "否");
        return columns;
    }

    private List<String> householdColumns(
            int index, String village, String surname, boolean exited, boolean monitored, SplittableRandom random) {
        String grade = weighted(random, new String[] {"A级", "B级", "C级", "D级"}, new int[] {42, 54, 3, 1});
        String renovation = grade.startsWith("C") || grade.startsWith("D")
                ? weighted(random, new String[] {"需改造未开工", "改造中"}, new int[] {40, 60})
                : random.nextInt(100) < 20 ? "已完成改造" : "无需改造";
        boolean water = random.nextInt(100) < 96;
        List<String> columns = new ArrayList<>();
        columns.add("第" + (index % 12 + 1) + "组" + (index % 97 + 1) + "号");
        columns.add("1" + (3 + random.nextInt(7)) + "%09d".formatted(random.nextInt(1_000_000_000)));
        columns.add(exited ? "脱贫户" : "一般农户");
        columns.add(exited ? String.valueOf(2016 + random.nextInt(5)) : "");
        columns.add(random.nextInt(100) < 6 ? "是" : "否");
        columns.add(random.nextInt(1000) < 8 ? "是" : "否");
        columns.add(grade);
        columns.add(BigDecimal.valueOf(18 + random.nextInt(45) + random.nextInt(10) / 10.0)
                .toPlainString());
        columns.add(renovation);
        columns.add("是");
        columns.add(water ? "是" : "否");
        columns.add("是");
        columns.add(water || random.nextBoolean() ? "是" : "否");
        columns.add("是");
        columns.add(random.nextInt(100) < 97 ? "是" : "否");
        columns.add(random.nextInt(100) < 93 ? "是" : "否");
        columns.add(
                random.nextInt(100) < 45
                        ? pick(random, INDUSTRIES) + (random.nextBoolean() ? "" : "、" + pick(random, INDUSTRIES))
                        : "");
        if (monitored) {
            int identified = Math.min(settings.asOf().getYear(), 2021 + random.nextInt(5));
            String first = pick(random, RISKS);
            String second = pick(random, RISKS);
            columns.add(exited ? "脱贫不稳定户" : random.nextInt(100) < 15 ? "突发严重困难户" : "边缘易致贫户");
            columns.add(first.equals(second) || random.nextBoolean() ? first : first + "、" + second);
            columns.add(random.nextInt(100) < 55 ? "已消除风险" : "未消除风险");
            columns.add(String.valueOf(identified));
            LocalDate since = LocalDate.of(identified, 1 + random.nextInt(12), 1 + random.nextInt(28));
            columns.add((since.isAfter(settings.asOf()) ? settings.asOf() : since).toString());
        } else {
            columns.add("");
            columns.add("");
            columns.add("");
            columns.add("");
            columns.add("");
        }
        return columns;
    }

    /** Per-capita net income: spread around the monitoring line, lower for monitoring objects. */
    private static int perCapitaIncome(SplittableRandom random, boolean monitored) {
        int band = random.nextInt(100);
        if (monitored) {
            return band < 40 ? 5000 + random.nextInt(4000) : 9000 + random.nextInt(7000);
        }
        if (band < 8) {
            return 6000 + random.nextInt(3000);
        }
        if (band < 38) {
            return 9000 + random.nextInt(6000);
        }
        return 15000 + random.nextInt(25000);
    }

    private Person person(
            String surname,
            String relation,
            int age,
            boolean male,
            SplittableRandom random,
            Map<LocalDate, int[]> serials) {
        LocalDate birth = settings.asOf().minusYears(age).minusDays(1 + random.nextInt(364));
        int[] serial = serials.computeIfAbsent(birth, d -> new int[2]);
        // the 17th digit is odd for men, even for women; 500 of each per birth date
        int sequence = male ? 2 * serial[0]++ + 1 : 2 * serial[1]++;
        if (sequence > 999) {
            birth = birth.minusDays(1);
            return person(surname, relation, age, male, random, serials);
        }
        String body = settings.countyCode() + birth.format(BIRTH) + "%03d".formatted(sequence);
        String name = surname + pick(random, GIVEN) + (random.nextInt(100) < 70 ? pick(random, GIVEN) : "");
        return new Person(name, body + checkCharacter(body), relation, age, male);
    }

    /** The ISO 7064 MOD 11-2 check character of the first 17 digits of an ID number. */
    public static char checkCharacter(String first17) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return "10X98765432".charAt(sum % 11);
    }

    private static BigDecimal share(BigDecimal total, double share) {
        return total.multiply(BigDecimal.valueOf(share)).setScale(2, RoundingMode.HALF_UP);
    }

    private static String pick(SplittableRandom random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static <T> T weighted(SplittableRandom random, T[] values, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = random.nextInt(total);
        for (int i = 0; i < values.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    private static int weighted(SplittableRandom random, int[] values, int[] weights) {
        Integer[] boxed = new Integer[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return weighted(random, boxed, weights);
    }
}
