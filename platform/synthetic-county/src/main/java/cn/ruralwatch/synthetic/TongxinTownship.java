package cn.ruralwatch.synthetic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * 同心镇 as its 2020 work report (seed 000, 乡镇2020年脱贫攻坚工作汇报) describes it, household by household, written as
 * the suite's import files: 9 villages, 7587 households with 26932 people living in them, 755 registered poor households
 * (建档立卡, 3144 people; 222 not exited with 851 people, 135 of them planned to exit in 2020 with 567 people), 7174
 * agricultural households, and every figure of the report's sections on 九有一低于, 八有一超 and 十一有一低于 that agrees
 * with the others: housing by cause, medical insurance of the agricultural population with 4132 members who left or
 * serve (应作为家庭成员自然减少 and 现役军人), school enrolment of 4568 children aged 6–16 with the five special cases,
 * pension insurance of the 2301 poor aged 16 and over (2080 to enter, 2070 entered, 1810 insured, 430 receiving),
 * 慢病证, devices, 低保, and the 31 planned-exit households the report names with their village, their house's stage and
 * their income below the 2020 poverty line.
 *
 * <p>Where the report contradicts itself the data follows the figures that agree with each other and the rate printed
 * beside them, so that the suite's checks find each contradiction (see {@link #CONTRADICTIONS}): 6419 non-poor
 * households with 6373 meeting the housing standard leave 46 failing (the report says 47, one D-class house too many);
 * 22211 to insure with 21854 insured leave 357 (361 printed); the children's parts add to 4572 (4568 printed), 46 of
 * them out of school (50 printed as suspected); 凤阁村's housing rate is 708 / 711 = 99.58% (99.48% printed), 大梳村's
 * 535 / 544 = 98.35% (98.34% printed, cut instead of rounded); and the villages' declared 713 and 552 households against
 * the 711 and 544 registered.
 *
 * <p>Ages are counted on 2020-12-31, the day the 2020 standards judge; the incomes are those of 2020.
 */
public final class TongxinTownship {

    public static final String COUNTY = "450422";
    public static final String COUNTY_NAME = "藤县";
    public static final String TOWNSHIP = "450422112";
    public static final String TOWNSHIP_NAME = "同心镇";
    /** The day the 2020 standards count ages to. */
    public static final LocalDate REFERENCE_DAY = LocalDate.of(2020, 12, 31);

    /** The villages in the report's order of mention, with their codes. */
    public static final Map<String, String> VILLAGES = villages();

    /** What the report gets wrong, in words, as the suite's checks should find it. */
    public static final List<String> CONTRADICTIONS = List.of(
            "非贫困户 6419 ≠ 已达标 6373 + 未达标 47",
            "农户住房未达标 83 户，而 7174 户达标率 98.86% 对应 82 户",
            "应参保 22211 ≠ 已参保 21854 + 未参保 361",
            "适龄儿童少年 4568 ≠ 县内 3612 + 县外 900 + 缓免学 4 + 特殊情形 6 + 疑似失辍学 50",
            "凤阁村住房保障达标率 708 / 711 = 99.58%，报告 99.48%",
            "大梳村住房保障达标率 535 / 544 = 98.35%，报告 98.34%",
            "凤阁村申报 713 户 2786 人，登记 711 户 2733 人",
            "大梳村申报 552 户 1921 人，登记 544 户 1867 人");

    /** The planned-exit households the report names (户主, 村): the 23 below the income line. */
    public static final List<String[]> INCOME_FAILURES = List.of(
            new String[] {"李荣越", "同心村"},
            new String[] {"李金连", "同心村"},
            new String[] {"李宗鸿", "同心村"},
            new String[] {"李永健", "同心村"},
            new String[] {"李锦永", "同心村"},
            new String[] {"蔡乾雄", "同心村"},
            new String[] {"李培宜", "同心村"},
            new String[] {"程秀元", "大梳村"},
            new String[] {"龚定留", "凤阁村"},
            new String[] {"龚绪基", "凤阁村"},
            new String[] {"蔡健州", "凤阁村"},
            new String[] {"黄业忠", "真胜村"},
            new String[] {"潘展强", "真胜村"},
            new String[] {"覃孔德", "真胜村"},
            new String[] {"卢尚洁", "真胜村"},
            new String[] {"梁剑明", "真胜村"},
            new String[] {"覃显华", "真胜村"},
            new String[] {"覃竞燕", "真胜村"},
            new String[] {"唐燕丽", "平顶村"},
            new String[] {"霍鸿飞", "平顶村"},
            new String[] {"韦国振", "力冲村"},
            new String[] {"韦善良", "力冲村"},
            new String[] {"谭永森", "力冲村"});

    /** The planned-exit households the report names without secure housing (户主, 村, method, stage, grade). */
    public static final List<String[]> HOUSING_FAILURES = List.of(
            new String[] {"程海源", "大梳村", "新建", "已挖地基", "D级"},
            new String[] {"黄惠强", "同心村", "新建", "已倒地梁", "D级"},
            new String[] {"陈威宇", "同心村", "新建", "已倒楼面", "D级"},
            new String[] {"黄惠壮", "同心村", "新建", "已倒地梁", "C级"},
            new String[] {"韦国振", "力冲村", "新建", "已倒柱", "D级"},
            new String[] {"潘展强", "真胜村", "新建", "已完成", "D级"},
            new String[] {"程石金", "森塘村", "易地扶贫搬迁", "已倒桩", "D级"},
            new String[] {"陈少欣", "沙村", "扩建", "", "SMALL"});

    /** The columns of the household file this township is written in. */
    public static final List<String> COLUMNS = List.of(
            "户编号",
            "行政村代码",
            "姓名",
            "证件号码",
            "与户主关系",
            "劳动能力",
            "健康状况",
            "残疾等级",
            "在校状况",
            "未在校特殊情形",
            "就读地点",
            "医疗保险",
            "养老保险",
            "未参加养老保险原因",
            "现役军人",
            "务工地点",
            "务工月数",
            "就业类型",
            "农业户籍",
            "慢病证",
            "家庭医生签约",
            "减员方式",
            "减员日期",
            "贫困户状态",
            "脱贫年度",
            "低保户",
            "住房安全等级",
            "人均住房面积",
            "无房户",
            "危房改造",
            "改造方式",
            "改造计划年度",
            "改造进度",
            "易地扶贫搬迁户",
            "水量达标",
            "水质达标",
            "用水方便",
            "供水保证率达标",
            "通生活用电",
            "能看电视或通宽带",
            "有电视机",
            "有电脑",
            "有智能手机",
            "通屯道路",
            "特色产业",
            "收入年度",
            "工资性收入",
            "生产经营性收入",
            "财产性收入",
            "转移性收入",
            "生产经营费用");

    private static final String FENGGE = "凤阁村";
    private static final String DASHU = "大梳村";
    private static final List<String> OTHERS = List.of("沙村", "平顶村", "力冲村", "同心村", "真胜村", "森塘村", "古竹村");
    private static final String[] SURNAMES = {"李", "黄", "陈", "韦", "覃", "龚", "程", "潘", "梁", "蔡", "卢", "唐", "谭", "周"};
    private static final String[] GIVEN = {
        "永", "国", "荣", "海", "金", "秀", "德", "华", "明", "桂", "芳", "兰", "强", "燕", "健", "基"
    };

    private static Map<String, String> villages() {
        Map<String, String> villages = new LinkedHashMap<>();
        String[] names = {"沙村", "平顶村", "力冲村", "大梳村", "凤阁村", "同心村", "真胜村", "森塘村", "古竹村"};
        for (int i = 0; i < names.length; i++) {
            villages.put(names[i], TOWNSHIP + (201 + i));
        }
        return Map.copyOf(villages);
    }

    /** The village's code by its name. */
    public static String village(String name) {
        return VILLAGES.get(name);
    }

    /** One member as written. */
    static final class Person {
        String name;
        String relation;
        LocalDate birth;
        boolean male;
        String labour = "普通劳动力";
        String health = "健康";
        String schooling = "不在校";
        String special = "";
        String schoolLocation = "";
        String medical = "已参保";
        String pension = "";
        String pensionExemption = "";
        boolean soldier;
        String workLocation = "";
        String workMonths = "";
        String workKind = "";
        boolean agricultural = true;
        String certificate = "未办";
        boolean familyDoctor;
        String leftBy = "";
        String leftOn = "";

        int age() {
            int age = REFERENCE_DAY.getYear() - birth.getYear();
            return birth.plusYears(age).isAfter(REFERENCE_DAY) ? age - 1 : age;
        }

        boolean active() {
            return leftBy.isEmpty();
        }
    }

    /** One household as written. */
    static final class Home {
        final String reference;
        final String village;
        String poverty = "一般农户";
        String exitYear = "";
        boolean planned;
        boolean notExited;
        boolean noLabour;
        boolean migrantOnly;
        boolean minimumLiving;
        String grade = "B级";
        String area = "32.5";
        boolean noHouse;
        String renovation = "无需改造";
        String method = "";
        String renovationYear = "";
        String stage = "";
        boolean relocated;
        boolean television;
        boolean computer;
        boolean smartphone;
        String industries = "";
        int perCapitaIncome = 12000;
        final List<Person> members = new ArrayList<>();

        Home(String reference, String village) {
            this.reference = reference;
            this.village = village;
        }

        boolean poor() {
            return !poverty.equals("一般农户");
        }

        boolean agricultural() {
            return members.getFirst().agricultural;
        }

        List<Person> active() {
            return members.stream().filter(Person::active).toList();
        }

        List<Person> dependents() {
            return active().subList(Math.min(2, active().size()), active().size());
        }
    }

    private final List<Home> homes = new ArrayList<>();
    private final IssuedIdNumbers numbers = new IssuedIdNumbers(COUNTY);
    private int nameSeed;

    /** Builds the township. */
    public TongxinTownship() {
        build();
    }

    /** The division table: county, township, its nine villages. */
    public void writeDivisions(Writer out) {
        try {
            out.write("区划代码,名称,层级,上级代码\n");
            out.write(COUNTY + "," + COUNTY_NAME + ",县,\n");
            out.write(TOWNSHIP + "," + TOWNSHIP_NAME + ",乡镇," + COUNTY + "\n");
            for (String name : List.of("沙村", "平顶村", "力冲村", "大梳村", "凤阁村", "同心村", "真胜村", "森塘村", "古竹村")) {
                out.write(village(name) + "," + name + ",行政村," + TOWNSHIP + "\n");
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The household file, one row per member (those who left included); returns the number of households. */
    public int writeHouseholds(Writer out) {
        try {
            out.write(String.join(",", COLUMNS));
            out.write('\n');
            for (Home h : homes) {
                for (Person p : h.members) {
                    out.write(String.join(",", row(h, p)));
                    out.write('\n');
                }
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return homes.size();
    }

    /** Households and people as the report counts them, for a check of the generator itself. */
    public long count(Predicate<Home> households) {
        return homes.stream().filter(households).count();
    }

    long people(Predicate<Home> households, Predicate<Person> people) {
        return homes.stream()
                .filter(households)
                .flatMap(h -> h.members.stream())
                .filter(people)
                .count();
    }

    List<Home> homes() {
        return homes;
    }

    private void build() {
        // 建档立卡: 222 not exited (135 planned to exit with 567 people), 533 exited by year
        List<Home> planned = new ArrayList<>();
        planned.addAll(poor(FENGGE, 24, 95, "预脱贫"));
        planned.addAll(poor(DASHU, 9, 23, "预脱贫"));
        int[] plannedOthers = {12, 14, 14, 20, 16, 13, 13};
        int[] plannedPeople = {53, 62, 62, 88, 70, 57, 57};
        for (int v = 0; v < OTHERS.size(); v++) {
            planned.addAll(poor(OTHERS.get(v), plannedOthers[v], plannedPeople[v], "预脱贫"));
        }
        planned.forEach(h -> h.planned = true);
        List<Home> notExited = new ArrayList<>();
        notExited.addAll(poor(FENGGE, 10, 42, "未脱贫"));
        notExited.addAll(poor(DASHU, 7, 20, "未脱贫"));
        notExited.addAll(spread(70, 222, "未脱贫"));
        notExited.forEach(h -> h.notExited = true);
        List<Home> exited = new ArrayList<>();
        int[][] exits = {{2015, 177, 762}, {2016, 98, 394}, {2017, 114, 507}, {2018, 144, 630}};
        // 凤阁村 77 and 大梳村 81 of them, the rest in the other villages
        List<String> exitVillages = new ArrayList<>();
        for (int i = 0; i < 533; i++) {
            exitVillages.add(i < 77 ? FENGGE : i < 158 ? DASHU : OTHERS.get(i % OTHERS.size()));
        }
        int e = 0;
        for (int[] year : exits) {
            List<Integer> sizes = IssuedIdNumbers.sizes(year[1], year[2]);
            for (int size : sizes) {
                Home h = home(exitVillages.get(e++));
                h.poverty = "脱贫户";
                h.exitYear = String.valueOf(year[0]);
                adults(h, size);
                exited.add(h);
            }
        }
        List<Home> poor = new ArrayList<>(planned);
        poor.addAll(notExited);
        poor.addAll(exited);
        names(planned);

        // the rest of the township: 凤阁村 711 households with 2733 people, 大梳村 544 with 1867
        List<Home> nonPoor = new ArrayList<>();
        nonPoor.addAll(nonPoor(FENGGE, 711 - 111, 2733 - people(FENGGE, poor)));
        nonPoor.addAll(nonPoor(DASHU, 544 - 97, 1867 - people(DASHU, poor)));
        int othersPeople = 26932
                - 2733
                - 1867
                - (int) poor.stream()
                        .filter(TongxinTownship::isOther)
                        .mapToLong(h -> h.members.size())
                        .sum();
        List<Integer> sizes = IssuedIdNumbers.sizes(6832 - 600 - 447, othersPeople);
        for (int i = 0; i < sizes.size(); i++) {
            Home h = home(OTHERS.get(i % OTHERS.size()));
            adults(h, sizes.get(i));
            nonPoor.add(h);
        }
        // 413 non-agricultural households, whose people all hold a non-agricultural registration
        List<Home> othersNonPoor =
                nonPoor.stream().filter(TongxinTownship::isOther).toList();
        for (int i = 0; i < 413; i++) {
            othersNonPoor.get(othersNonPoor.size() - 1 - i).members.forEach(p -> p.agricultural = false);
        }

        labour(poor);
        children(poor, nonPoor);
        pensions(poor);
        agriculturalPeople(nonPoor);
        medical(nonPoor);
        departures(othersNonPoor);
        housing(poor, nonPoor);
        industries(poor);
        incomes(planned);
        facts();
    }

    private List<Home> poor(String village, int households, int people, String status) {
        List<Home> made = new ArrayList<>();
        for (int size : IssuedIdNumbers.sizes(households, people)) {
            Home h = home(village);
            h.poverty = status;
            adults(h, size);
            made.add(h);
        }
        return made;
    }

    private List<Home> spread(int households, int people, String status) {
        List<Home> made = new ArrayList<>();
        List<Integer> sizes = IssuedIdNumbers.sizes(households, people);
        for (int i = 0; i < sizes.size(); i++) {
            Home h = home(OTHERS.get(i % OTHERS.size()));
            h.poverty = status;
            adults(h, sizes.get(i));
            made.add(h);
        }
        return made;
    }

    private List<Home> nonPoor(String village, int households, int people) {
        List<Home> made = new ArrayList<>();
        for (int size : IssuedIdNumbers.sizes(households, people)) {
            Home h = home(village);
            adults(h, size);
            made.add(h);
        }
        return made;
    }

    private static int people(String village, List<Home> homes) {
        return homes.stream()
                .filter(h -> h.village.equals(village(village)))
                .mapToInt(h -> h.members.size())
                .sum();
    }

    private Home home(String village) {
        Home h = new Home("TX%05d".formatted(homes.size() + 1), village(village));
        homes.add(h);
        return h;
    }

    /** A household of adults aged 25–59: a head, a spouse, and grown children; ages are set again later. */
    private void adults(Home h, int size) {
        String surname = SURNAMES[homes.size() % SURNAMES.length];
        for (int i = 0; i < size; i++) {
            Person p = new Person();
            p.relation = i == 0 ? "户主" : i == 1 ? "配偶" : (i % 2 == 0 ? "之子" : "之女");
            p.male = i == 0 || (i != 1 && i % 2 == 0);
            // 某 in every made-up name, so that none is the name of a household the report names
            p.name = (i == 1 ? SURNAMES[(homes.size() + 3) % SURNAMES.length] : surname) + "某" + givenName();
            p.birth = i < 2 ? LocalDate.of(1970 + homes.size() % 15, 3 + i, 10) : LocalDate.of(1996 + i % 3, 5, 20);
            h.members.add(p);
        }
    }

    private String givenName() {
        int n = nameSeed++;
        return GIVEN[n % GIVEN.length];
    }

    /** The report's named planned-exit households: their heads' names, in their villages. */
    private static void names(List<Home> planned) {
        Map<String, String> named = new LinkedHashMap<>();
        INCOME_FAILURES.forEach(n -> named.put(n[0], n[1]));
        HOUSING_FAILURES.forEach(n -> named.put(n[0], n[1]));
        List<Home> taken = new ArrayList<>();
        for (Map.Entry<String, String> n : named.entrySet()) {
            Home h = planned.stream()
                    .filter(p -> p.village.equals(village(n.getValue())) && !taken.contains(p))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no planned household left in " + n.getValue()));
            h.members.getFirst().name = n.getKey();
            taken.add(h);
        }
    }

    /**
     * 135 poor households without labour (凤阁村 31, 大梳村 22): their people elderly or children; 5 others whose labour
     * all work away from home the whole year, without an industry.
     */
    private static void labour(List<Home> poor) {
        int[] quota = {31, 22, 82};
        for (Home h : poor) {
            int slot = h.village.equals(village(FENGGE)) ? 0 : h.village.equals(village(DASHU)) ? 1 : 2;
            if (quota[slot] > 0 && !h.planned) {
                quota[slot]--;
                h.noLabour = true;
            }
        }
        if (quota[0] + quota[1] + quota[2] > 0) {
            throw new IllegalStateException("not enough poor households for those without labour");
        }
        int migrant = 5;
        for (Home h : poor) {
            if (migrant > 0 && !h.noLabour && !h.planned && h.members.size() >= 2 && isOther(h)) {
                migrant--;
                h.migrantOnly = true;
            }
        }
    }

    private static boolean isOther(Home h) {
        return !h.village.equals(village(FENGGE)) && !h.village.equals(village(DASHU));
    }

    /**
     * 4568 children aged 6–15 on the reference day: 738 in poor households (凤阁村 106, 大梳村 93), 450 in 凤阁村 and 345 in
     * 大梳村; 3612 at school in the county and 900 outside it, 4 deferred (2 poor), 6 special cases (3 severely
     * disabled, 1 of them poor; 3 missing) and 46 out of school (5 in 凤阁村), all in non-poor households; 105 poor
     * children under 6.
     */
    private void children(List<Home> poor, List<Home> nonPoor) {
        List<Person> poorChildren = new ArrayList<>();
        poorChildren.addAll(makeChildren(poor, village(FENGGE), 106));
        poorChildren.addAll(makeChildren(poor, village(DASHU), 93));
        poorChildren.addAll(makeChildren(poor, null, 738 - 199));
        List<Person> otherChildren = new ArrayList<>();
        List<Person> fengge = makeChildren(nonPoor, village(FENGGE), 450 - 106);
        List<Person> dashu = makeChildren(nonPoor, village(DASHU), 345 - 93);
        otherChildren.addAll(makeChildren(nonPoor, null, 4568 - 738 - (450 - 106) - (345 - 93)));
        // under six: 105 in poor households
        int small = 105;
        for (Home h : poor) {
            for (Person p : h.dependents()) {
                if (small > 0 && p.birth.getYear() < 2004 && !h.noLabour) {
                    p.birth = LocalDate.of(2017, 2, 1 + small % 27);
                    p.labour = "无劳动力";
                    p.relation = p.male ? "之孙子" : "之孙女";
                    small--;
                }
            }
        }
        if (small > 0) {
            throw new IllegalStateException("no room for poor children under six");
        }
        List<Person> all = new ArrayList<>(poorChildren);
        all.addAll(fengge);
        all.addAll(dashu);
        all.addAll(otherChildren);
        all.forEach(p -> {
            p.schooling = "在校";
            p.labour = "无劳动力";
            p.pension = "";
        });
        // 5 out of school in 凤阁村; deferrals, special cases and the other 41 out of school elsewhere
        fengge.subList(0, 5).forEach(p -> p.schooling = "辍学或失学");
        otherChildren.subList(0, 41).forEach(p -> p.schooling = "辍学或失学");
        otherChildren.subList(41, 43).forEach(p -> p.schooling = "缓学或免学");
        poorChildren.subList(poorChildren.size() - 2, poorChildren.size()).forEach(p -> p.schooling = "缓学或免学");
        poorChildren.getLast().schooling = "缓学或免学";
        Person poorSpecial = poorChildren.get(poorChildren.size() - 3);
        poorSpecial.schooling = "不在校";
        poorSpecial.special = "重度残疾无法就学";
        poorSpecial.health = "残疾";
        for (int i = 43; i < 48; i++) {
            Person p = otherChildren.get(i);
            p.schooling = "不在校";
            p.special = i < 45 ? "重度残疾无法就学" : "失踪失联";
            p.health = i < 45 ? "残疾" : "健康";
        }
        int outside = 900;
        for (Person p : all) {
            if (p.schooling.equals("在校")) {
                p.schoolLocation = outside-- > 0 ? "县外" : "县内";
            }
        }
    }

    /** Makes {@code count} dependents of the households (of one village, or of the other villages) children. */
    private static List<Person> makeChildren(List<Home> homes, String village, int count) {
        List<Person> children = new ArrayList<>();
        // two passes: first one child per household, then more where the household has room
        for (int pass = 0; pass < 3 && children.size() < count; pass++) {
            for (Home h : homes) {
                if (children.size() == count) {
                    break;
                }
                if (village == null ? !isOther(h) : !h.village.equals(village)) {
                    continue;
                }
                List<Person> dependents = h.dependents();
                if (dependents.size() > pass && dependents.get(pass).birth.getYear() < 2004) {
                    Person child = dependents.get(pass);
                    child.birth = LocalDate.of(2006 + (children.size() % 9), 1 + children.size() % 12, 15);
                    child.relation = child.male ? "之子" : "之女";
                    children.add(child);
                }
            }
        }
        if (children.size() < count) {
            throw new IllegalStateException("room for " + children.size() + " of " + count + " children in " + village);
        }
        return children;
    }

    /**
     * The poor aged 16 and over: 2301, of whom 221 are not to be insured (60 students aged 17–19, 40 in an employees'
     * scheme, 121 working away for long), 430 aged 60 and over receiving a pension, 1380 insured, 260 entered but not
     * insured and 10 not entered; all poor people have a family doctor.
     */
    private static void pensions(List<Home> poor) {
        List<Person> adults = new ArrayList<>();
        for (Home h : poor) {
            for (Person p : h.active()) {
                p.familyDoctor = true;
                if (p.age() >= 16) {
                    adults.add(p);
                }
            }
        }
        if (adults.size() != 2301) {
            throw new IllegalStateException("poor aged 16 and over: " + adults.size());
        }
        // the elderly first: the heads and spouses of households without labour, then others
        List<Person> elderly = new ArrayList<>();
        for (Home h : poor) {
            if (h.noLabour) {
                for (Person p : h.active()) {
                    if (p.age() >= 16) {
                        elderly.add(p);
                    }
                }
            }
        }
        for (Home h : poor) {
            if (!h.noLabour && !h.migrantOnly && h.active().size() >= 3) {
                Person last = h.active().getLast();
                if (last.age() >= 16 && !elderly.contains(last)) {
                    elderly.add(last);
                }
            }
        }
        List<Person> old = elderly.subList(0, 430);
        for (int i = 0; i < old.size(); i++) {
            Person p = old.get(i);
            p.birth = LocalDate.of(1935 + i % 20, 6, 1);
            p.labour = i % 3 == 0 ? "丧失劳动力" : "无劳动力";
            p.pension = "已领取养老金";
        }
        List<Person> rest = adults.stream().filter(p -> !old.contains(p)).toList();
        List<Person> students = new ArrayList<>();
        List<Person> others = new ArrayList<>();
        for (Person p : rest) {
            Home h = homeOf(poor, p);
            if (h.noLabour) {
                p.labour = "丧失劳动力";
            }
            if (students.size() < 60 && !h.noLabour && !h.migrantOnly && p != h.members.getFirst()) {
                students.add(p);
            } else {
                others.add(p);
            }
        }
        for (Person p : students) {
            p.birth = LocalDate.of(2002, 9, 1);
            p.schooling = "在校";
            p.schoolLocation = "县外";
            p.labour = "无劳动力";
        }
        // 40 in an employees' scheme, 121 away for long, 1380 insured, 260 entered only, 10 not entered
        int[] bands = {40, 121, 1380, 260, 10};
        if (others.size() != 1811) {
            throw new IllegalStateException("poor adults to insure: " + others.size());
        }
        int i = 0;
        for (Person p : others) {
            if (i < bands[0]) {
                p.pension = "未参保";
                p.pensionExemption = "参加其他同类保险";
            } else if (i < bands[0] + bands[1]) {
                p.pension = "未参保";
                p.pensionExemption = "长期外出务工";
                if (!homeOf(poor, p).noLabour) {
                    p.workLocation = "省外";
                    p.workMonths = "10";
                    p.workKind = "外出务工";
                }
            } else if (i < bands[0] + bands[1] + bands[2]) {
                p.pension = "已参保";
            } else if (i < bands[0] + bands[1] + bands[2] + bands[3]) {
                p.pension = "已录入未参保";
            } else {
                p.pension = "未参保";
            }
            i++;
        }
        // households whose labour all work away, the whole year
        for (Home h : poor) {
            if (h.migrantOnly) {
                for (Person p : h.active()) {
                    if (p.labour.equals("普通劳动力") || p.labour.equals("技能劳动力") || p.labour.equals("弱劳动力或半劳动力")) {
                        p.workLocation = "省外";
                        p.workMonths = "11";
                        p.workKind = "外出务工";
                    }
                }
            }
        }
    }

    private static Home homeOf(List<Home> homes, Person p) {
        return homes.stream().filter(h -> h.members.contains(p)).findFirst().orElseThrow();
    }

    /**
     * People living in agricultural households who hold a non-agricultural registration (凤阁村 384, 大梳村 88 and the
     * rest of the 4709 elsewhere), so that the agricultural population living in the households is 22223.
     */
    private static void agriculturalPeople(List<Home> nonPoor) {
        int[] quota = {384, 88};
        long nonAgricultural = nonPoor.stream()
                .filter(h -> !h.agricultural())
                .mapToLong(h -> h.members.size())
                .sum();
        int others = (int) (4709 - 384 - 88 - nonAgricultural);
        for (Home h : nonPoor) {
            if (!h.agricultural()) {
                continue;
            }
            for (Person p : h.dependents()) {
                if (p.age() < 17) {
                    continue;
                }
                if (h.village.equals(village(FENGGE)) && quota[0] > 0) {
                    quota[0]--;
                    p.agricultural = false;
                } else if (h.village.equals(village(DASHU)) && quota[1] > 0) {
                    quota[1]--;
                    p.agricultural = false;
                } else if (isOther(h) && others > 0) {
                    others--;
                    p.agricultural = false;
                }
            }
        }
        if (quota[0] + quota[1] + others != 0) {
            throw new IllegalStateException(
                    "non-agricultural people left to place: " + quota[0] + ", " + quota[1] + ", " + others);
        }
    }

    /**
     * Medical insurance of the agricultural population: 357 not insured (凤阁村 37, 大梳村 32), 12 serving soldiers
     * elsewhere; 慢病证 issued to 200 and pending for 44.
     */
    private static void medical(List<Home> nonPoor) {
        int[] quota = {37, 32, 288};
        int soldiers = 12;
        for (Home h : nonPoor) {
            int slot = h.village.equals(village(FENGGE)) ? 0 : h.village.equals(village(DASHU)) ? 1 : 2;
            for (Person p : h.active()) {
                if (!p.agricultural || p.age() < 17) {
                    continue;
                }
                if (slot == 2 && soldiers > 0 && p != h.members.getFirst()) {
                    soldiers--;
                    p.soldier = true;
                    p.birth = LocalDate.of(2000, 8, 1);
                    p.medical = "未参保";
                } else if (quota[slot] > 0) {
                    quota[slot]--;
                    p.medical = "未参保";
                }
            }
        }
        int certificates = 0;
        for (Home h : nonPoor) {
            if (certificates == 244) {
                break;
            }
            Person head = h.members.getFirst();
            head.health = "长期慢性病";
            head.certificate = certificates++ < 200 ? "已办" : "待办";
        }
    }

    /** 4120 members who died, married or moved out, still on the households' record, in non-poor households. */
    private static void departures(List<Home> nonPoor) {
        int left = 4120;
        int n = 0;
        String[] ways = {"死亡", "婚出", "迁出"};
        while (left > 0) {
            for (Home h : nonPoor) {
                if (left == 0) {
                    break;
                }
                if (!h.agricultural()) {
                    continue;
                }
                Person p = new Person();
                p.relation = n % 2 == 0 ? "之女" : "之父";
                p.male = n % 2 == 1;
                p.birth = n % 2 == 0 ? LocalDate.of(1995, 1 + n % 12, 3) : LocalDate.of(1940, 1 + n % 12, 3);
                p.name = h.members.getFirst().name.substring(0, 1) + "某" + GIVEN[n % GIVEN.length];
                p.leftBy = ways[n % 3];
                p.leftOn = LocalDate.of(2019 + n % 2, 1 + n % 12, 10).toString();
                p.medical = "未参保";
                h.members.add(p);
                n++;
                left--;
            }
        }
    }

    /**
     * Housing of the 7174 agricultural households: 755 poor with 36 failing (人均不足13平方米 4, 无房 2, C 5, D 25; 8 of
     * them the named planned-exit households), 6419 non-poor with 46 failing (10, 3, 22, 11; 凤阁村 3 and 大梳村 8 of
     * them).
     */
    private static void housing(List<Home> poor, List<Home> nonPoor) {
        for (String[] n : HOUSING_FAILURES) {
            Home h = poor.stream()
                    .filter(p -> p.planned && p.members.getFirst().name.equals(n[0]))
                    .findFirst()
                    .orElseThrow();
            h.method = n[2];
            h.renovationYear = "2020";
            h.stage = n[3];
            // a safe house too small for its people: its extension is planned (扩建)
            h.renovation = n[3].equals("已完成") ? "已完成改造" : n[3].isEmpty() ? "需改造未开工" : "改造中";
            if (n[4].equals("SMALL")) {
                h.area = "11.5";
            } else {
                h.grade = n[4];
            }
            if (n[2].equals("易地扶贫搬迁")) {
                h.relocated = true;
            }
        }
        // the other poor failures, in households not planned to exit: 3 small, 2 without a house, 4 C, 19 D
        fail(poor.stream().filter(h -> !h.planned && isOther(h)).toList(), new int[] {3, 2, 4, 19});
        // 大梳村's poor: one named household; 8 non-poor failures there, 3 in 凤阁村, 35 elsewhere
        fail(nonPoor.stream().filter(h -> h.village.equals(village(FENGGE))).toList(), new int[] {0, 0, 3, 0});
        fail(nonPoor.stream().filter(h -> h.village.equals(village(DASHU))).toList(), new int[] {0, 0, 8, 0});
        fail(nonPoor.stream().filter(h -> isOther(h) && h.agricultural()).toList(), new int[] {10, 3, 11, 11});
    }

    private static void fail(List<Home> homes, int[] causes) {
        int i = 0;
        for (int cause = 0; cause < 4; cause++) {
            for (int k = 0; k < causes[cause]; k++) {
                Home h = homes.get(i);
                i += 7;
                switch (cause) {
                    case 0 -> h.area = "10.8";
                    case 1 -> {
                        h.noHouse = true;
                        h.grade = "";
                        h.area = "";
                    }
                    case 2 -> h.grade = "C级";
                    default -> h.grade = "D级";
                }
                if (cause >= 2) {
                    h.renovation = "需改造未开工";
                }
            }
        }
    }

    /** 615 of the 620 poor households with labour have a special industry (凤阁村 80, 大梳村 75). */
    private static void industries(List<Home> poor) {
        String[] industries = {"水稻、沙塘橘", "生猪", "优质稻、砂糖桔", "花生、鸡"};
        int n = 0;
        for (Home h : poor) {
            if (!h.noLabour && !h.migrantOnly) {
                h.industries = industries[n++ % industries.length];
            }
        }
        if (n != 615) {
            throw new IllegalStateException("poor households with an industry: " + n);
        }
    }

    /** 2020 incomes: above the 4000 yuan line for 112 planned-exit households, below it for the 23 named. */
    private static void incomes(List<Home> planned) {
        for (Home h : planned) {
            String name = h.members.getFirst().name;
            boolean failing = INCOME_FAILURES.stream().anyMatch(n -> n[0].equals(name));
            h.perCapitaIncome = failing ? 3600 : 6800;
        }
    }

    /**
     * Devices of all 7587 households (电视机 6129, 电脑 713, 智能手机 6047) and 低保 for 745 households with 2529 people.
     */
    private void facts() {
        int n = 0;
        for (Home h : homes) {
            h.television = n < 6129;
            h.computer = n % 10 == 3 && n / 10 < 713;
            h.smartphone = (n + 1000) % 7587 < 6047;
            n++;
        }
        long computers = homes.stream().filter(h -> h.computer).count();
        if (computers != 713) {
            throw new IllegalStateException("households with a computer: " + computers);
        }
        // 低保: poor households first, as many as make 745 households with 2529 people
        int households = 745;
        int people = 2529;
        for (Home h : homes) {
            int size = h.active().size();
            int rest = households - 1;
            if (households > 0 && size >= 3 && people - size >= rest * 3 && people - size <= rest * 5) {
                h.minimumLiving = true;
                households--;
                people -= size;
            }
        }
        if (households != 0 || people != 0) {
            throw new IllegalStateException("低保 left: " + households + " households, " + people + " people");
        }
    }

    private List<String> row(Home h, Person p) {
        List<String> row = new ArrayList<>(COLUMNS.size());
        row.add(h.reference);
        row.add(h.village);
        row.add(p.name);
        row.add(idNumber(p));
        row.add(p.relation);
        row.add(p.labour);
        row.add(p.health);
        row.add(p.health.equals("残疾") ? "1" : "");
        row.add(p.schooling);
        row.add(p.special);
        row.add(p.schoolLocation);
        row.add(p.soldier ? "" : p.medical);
        row.add(p.pension);
        row.add(p.pensionExemption);
        row.add(p.soldier ? "是" : "否");
        row.add(p.workLocation);
        row.add(p.workMonths);
        row.add(p.workKind);
        row.add(p.agricultural ? "是" : "否");
        row.add(p.certificate);
        row.add(p.familyDoctor ? "是" : "否");
        row.add(p.leftBy);
        row.add(p.leftOn);
        row.add(h.poverty);
        row.add(h.exitYear);
        row.add(h.minimumLiving ? "是" : "否");
        row.add(h.grade);
        row.add(h.area);
        row.add(h.noHouse ? "是" : "否");
        row.add(h.renovation);
        row.add(h.method);
        row.add(h.renovationYear);
        row.add(h.stage);
        row.add(h.relocated ? "是" : "否");
        row.add("是");
        row.add("是");
        row.add("是");
        row.add("是");
        row.add("是");
        row.add("是");
        row.add(h.television ? "是" : "否");
        row.add(h.computer ? "是" : "否");
        row.add(h.smartphone ? "是" : "否");
        row.add("是");
        row.add(h.industries);
        long size = h.active().size();
        long net = h.perCapitaIncome * size;
        long costs = net / 10;
        long gross = net + costs;
        row.add("2020");
        row.add(String.valueOf(gross * 6 / 10));
        row.add(String.valueOf(gross * 3 / 10));
        row.add("0");
        row.add(String.valueOf(gross - gross * 6 / 10 - gross * 3 / 10));
        row.add(String.valueOf(costs));
        return row;
    }

    private String idNumber(Person p) {
        IssuedIdNumbers.Issued issued = numbers.issue(p.birth, p.male);
        p.birth = issued.birth();
        return issued.idNumber();
    }
}
